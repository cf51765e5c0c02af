import type { Logger } from 'pino';
import { CJK_FONT_HINT, findCjkFont, type CjkFont } from './cjk-font.js';

/**
 * Render an ECharts option to SVG on the server (ECharts' SSR mode: no DOM, no canvas). ECharts and resvg are loaded
 * on the first chart, so commands that draw none do not pay for them.
 */
export async function renderSvg(option: Record<string, unknown>, width: number, height: number): Promise<string> {
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

let font: CjkFont | null | undefined;
let warned = false;

/** Render an ECharts option to PNG (SVG through resvg, with a CJK font when the machine has one). */
export async function renderPng(
  option: Record<string, unknown>,
  width: number,
  height: number,
  logger?: Pick<Logger, 'warn'>,
): Promise<Buffer> {
  font ??= findCjkFont();
  if (!font && !warned) {
    warned = true;
    logger?.warn(CJK_FONT_HINT);
  }
  const svg = await renderSvg(option, width, height);
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'original' },
    font: font
      ? {
          fontFiles: [font.path],
          loadSystemFonts: font.family === undefined,
          ...(font.family ? { defaultFontFamily: font.family, sansSerifFamily: font.family } : {}),
        }
      : { loadSystemFonts: true },
  });
  return resvg.render().asPng();
}
