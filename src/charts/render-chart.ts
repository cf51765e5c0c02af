import { createHash } from 'node:crypto';
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

/**
 * PNGs rendered lately, by what they show: a chart costs about a second of CPU, and the dashboard, `/regwatch quota`
 * and alerts ask for the same chart again and again until a figure changes (which changes the option, so the key).
 * Promises are kept, so requests arriving while a chart renders share that one rendering.
 */
const recent = new Map<string, Promise<Buffer>>();
const RECENT_LIMIT = 24;

/** Render an ECharts option to PNG (SVG through resvg, with a CJK font when the machine has one); recent ones are reused. */
export function renderPng(
  option: Record<string, unknown>,
  width: number,
  height: number,
  logger?: Pick<Logger, 'warn'>,
): Promise<Buffer> {
  const key = createHash('sha256').update(`${width}x${height}\n`).update(JSON.stringify(option)).digest('base64');
  const known = recent.get(key);
  if (known) {
    recent.delete(key); // most recently used last
    recent.set(key, known);
    return known;
  }
  const rendering = drawPng(option, width, height, logger);
  recent.set(key, rendering);
  rendering.catch(() => recent.delete(key)); // a failure is not remembered: the next request tries again
  while (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  return rendering;
}

async function drawPng(
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
