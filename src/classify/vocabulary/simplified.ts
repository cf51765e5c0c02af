/**
 * Traditional Chinese (Hong Kong and Taiwan forms included) to simplified, with OpenCC's maintained dictionaries
 * (opencc-js). The converter runs only on text that holds a character found in traditional text alone (鐵, 噸, 萬 …):
 * simplified text is returned untouched, so a simplified 显著 never becomes 显着, and the common case costs one scan.
 */
import { createRequire } from 'node:module';

type Dict = string | readonly (readonly [string, string])[];
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

const pairs = (d: Dict): Array<readonly [string, string]> =>
  typeof d === 'string' ? d.split('|').map((p) => p.split(' ') as unknown as readonly [string, string]) : [...d];

/** Built on the first traditional text (building it costs ~0.1 s; most deployments read simplified text only). */
let toSimplified: ((text: string) => string) | undefined;

/** Every character of the keys of a "key value|key value" dictionary, in one pass over the string (no splitting). */
function keyCharacters(d: Dict, into: Set<string>): void {
  if (typeof d !== 'string') {
    for (const [k] of d) for (const c of k) into.add(c);
    return;
  }
  let inKey = true;
  for (const c of d) {
    if (c === ' ') inKey = false;
    else if (c === '|') inKey = true;
    else if (inKey) into.add(c);
  }
}

/**
 * Characters that only traditional (or HK/TW variant) text uses: those the character dictionaries change that are not
 * written in simplified text (not a simplified form, not in a simplified word of the simplified→traditional phrases:
 * 著 stays, for 显著).
 */
function traditionalOnly(): (text: string) => boolean {
  const { from, to } = load().Locale;
  const variantGroups = [...from.hk!, ...from.tw!];
  const simplified = new Set<string>();
  for (const group of to.cn!) for (const d of group) for (const [, v] of pairs(d)) for (const c of v) simplified.add(c);
  for (const group of from.cn!) for (const d of group) keyCharacters(d, simplified);
  const only = new Set<string>();
  for (const group of [...variantGroups, ...to.cn!])
    for (const d of group)
      for (const [k, v] of pairs(d)) if ([...k].length === 1 && k !== v && !simplified.has(k)) only.add(k);
  // A flag per UTF-16 unit for the basic plane (one array read per character), a set for the few beyond it.
  const basic = new Uint8Array(0x10000);
  const astral = new Set<number>();
  for (const c of only) {
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
