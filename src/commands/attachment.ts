import type { ChartImage } from '../charts/chart-images.js';
import type { AnswerAttachment } from './types.js';

/**
 * `{attachment}` with the chart, or nothing when there is nothing to draw or drawing failed: an answer's text never
 * waits on its picture.
 */
export function pngAttachment(draw: () => ChartImage | null): { attachment?: AnswerAttachment } {
  try {
    const image = draw();
    return image
      ? { attachment: { filename: image.filename, title: image.title, contentType: 'image/png', data: image.png } }
      : {};
  } catch {
    return {};
  }
}
