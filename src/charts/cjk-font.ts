import { existsSync } from 'node:fs';

/**
 * A font with Chinese glyphs for the PNG charts (resvg draws only with the fonts it is given). Looked up once:
 * REGWATCH_CJK_FONT (a .ttf/.otf/.ttc path), else the usual places of Debian's fonts-noto-cjk, fonts-wqy-zenhei and
 * fonts-wqy-microhei (and their Fedora / macOS counterparts). Without one, charts still render; Chinese text in them
 * shows as boxes, and one log line says what to install.
 */
export const CJK_FONT_CANDIDATES: ReadonlyArray<{ path: string; family: string }> = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  { path: '/System/Library/Fonts/PingFang.ttc', family: 'PingFang SC' },
];

export const CJK_FONT_HINT =
  'no CJK font found for chart images: Chinese labels will show as boxes. Install one (Debian/Ubuntu: apt-get install fonts-wqy-zenhei, or fonts-noto-cjk) or set REGWATCH_CJK_FONT to a .ttf/.otf/.ttc file';

export interface CjkFont {
  path: string;
  /** Family name to ask for; undefined for a font given by path whose family is not known (resvg falls back to it). */
  family: string | undefined;
}

/** The CJK font to draw with, or null when this machine has none. */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont | null {
  const own = env.REGWATCH_CJK_FONT;
  if (own) {
    if (existsSync(own)) return { path: own, family: env.REGWATCH_CJK_FONT_FAMILY || undefined };
    throw new Error(`REGWATCH_CJK_FONT=${own}: no such file; point it at a .ttf/.otf/.ttc font with Chinese glyphs`);
  }
  const found = CJK_FONT_CANDIDATES.find((c) => existsSync(c.path));
  return found ? { ...found } : null;
}
