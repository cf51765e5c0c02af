/**
 * Traditional Chinese (Hong Kong and Taiwan forms included) to simplified, with OpenCC's maintained dictionaries
 * (opencc-js). The converter runs only on text that holds a character found in traditional text alone (鐵, 噸, 萬 …):
 * simplified text is returned untouched, so a simplified 显著 never becomes 显着, and the common case costs one scan.
 */
import * as openccModule from 'opencc-js';

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
const OpenCC = openccModule as unknown as OpenCCApi;

const pairs = (d: Dict): Array<readonly [string, string]> =>
  typeof d === 'string' ? d.split('|').map((p) => p.split(' ') as unknown as readonly [string, string]) : [...d];

const { from, to } = OpenCC.Locale;
const variantGroups = [...from.hk!, ...from.tw!];
const toSimplified = OpenCC.ConverterFactory(...variantGroups, ...to.cn!);

/**
 * Characters that only traditional (or HK/TW variant) text uses: those the dictionaries change that are not written in
 * simplified text (not a key of the simplified→traditional dictionaries, not in any simplified word).
 */
function traditionalOnly(): RegExp {
  const simplified = new Set<string>();
  for (const group of to.cn!) for (const d of group) for (const [, v] of pairs(d)) for (const c of v) simplified.add(c);
  for (const group of from.cn!) for (const d of group) for (const [k] of pairs(d)) for (const c of k) simplified.add(c);
  const only = new Set<string>();
  for (const group of [...variantGroups, ...to.cn!])
    for (const d of group)
      for (const [k, v] of pairs(d)) if ([...k].length === 1 && k !== v && !simplified.has(k)) only.add(k);
  const escaped = [...only].map((c) => (/[\]\\^-]/.test(c) ? `\\${c}` : c)).join('');
  return new RegExp(`[${escaped}]`, 'u');
}

const TRADITIONAL_ONLY = traditionalOnly();

/** The text in simplified characters; text without a traditional-only character is returned as it is. */
export function simplify(text: string): string {
  return TRADITIONAL_ONLY.test(text) ? toSimplified(text) : text;
}
