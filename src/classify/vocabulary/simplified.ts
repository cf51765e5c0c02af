/**
 * Traditional Chinese (Hong Kong and Taiwan forms included) to simplified, with OpenCC's maintained dictionaries
 * (opencc-js). The converter runs only on text that holds a character found in traditional text alone (鐵, 噸, 萬 …):
 * simplified text is returned untouched, so a simplified 显著 never becomes 显着, and the common case costs one scan.
 */
import { createRequire } from 'node:module';
import { TRADITIONAL_ONLY } from './traditional-only.js';

export type Dict = string | readonly (readonly [string, string])[];
type DictGroup = readonly Dict[];

/**
 * The part of opencc-js used here. Its bundled declarations import './core' without an extension, which NodeNext
 * resolution cannot follow, so the types are restated (from its types/core.d.ts and types/preset.d.ts).
 */
interface OpenCCApi {
  Locale: { from: Record<string, readonly DictGroup[]>; to: Record<string, readonly DictGroup[]> };
  ConverterFactory(...groups: DictGroup[]): (text: string) => string;
}
/** Loaded on first use: the dictionaries take a noticeable moment to load, and commands that classify nothing skip it. */
let opencc: OpenCCApi | undefined;
const load = () => (opencc ??= createRequire(import.meta.url)('opencc-js') as OpenCCApi);
/** OpenCC's dictionaries by locale (loads opencc-js). */
export const openccLocale = (): OpenCCApi['Locale'] => load().Locale;

/** Built on the first traditional text (building it costs ~0.1 s; most deployments read simplified text only). */
let toSimplified: ((text: string) => string) | undefined;

/**
 * Whether a text holds a character only traditional (or HK/TW variant) text uses: TRADITIONAL_ONLY, derived from
 * OpenCC's dictionaries ahead of time (traditional-only-from-opencc.ts), since deriving it on each start loaded all
 * of them (~40 MB, ~40 ms) for text that is almost always simplified.
 */
function traditionalOnly(): (text: string) => boolean {
  // A flag per UTF-16 unit for the basic plane (one array read per character), a set for the few beyond it.
  const basic = new Uint8Array(0x10000);
  const astral = new Set<number>();
  for (const c of TRADITIONAL_ONLY) {
    const cp = c.codePointAt(0)!;
    if (cp < 0x10000) basic[cp] = 1;
    else astral.add(cp);
  }
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (basic[unit] === 1) return true;
      if (unit >= 0xd800 && unit <= 0xdbff && astral.size > 0 && astral.has(text.codePointAt(i)!)) return true;
    }
    return false;
  };
}

let hasTraditionalOnly: ((text: string) => boolean) | undefined;
/** Any character of the CJK blocks: text without one needs no look-up at all. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The text in simplified characters; text without a traditional-only character is returned as it is. */
export function simplify(text: string): string {
  if (!CJK.test(text)) return text;
  hasTraditionalOnly ??= traditionalOnly();
  if (!hasTraditionalOnly(text)) return text;
  if (!toSimplified) {
    const { from, to } = load().Locale;
    toSimplified = load().ConverterFactory(...from.hk!, ...from.tw!, ...to.cn!);
  }
  return toSimplified(text);
}
