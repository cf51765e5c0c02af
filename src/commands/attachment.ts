import type { ChartImage } from '../charts/chart-images.js';
import type { AnswerAttachment } from './types.js';

/** `{chart}` drawing the image when asked; null when there is nothing to draw or drawing failed. */
export function pngAttachment(draw: () => Promise<ChartImage | null>): {
  chart: () => Promise<AnswerAttachment | null>;
} {
  return {
    chart: async () => {
      try {
        const image = await draw();
        return image
          ? { filename: image.filename, title: image.title, contentType: 'image/png', data: image.png }
          : null;
      } catch {
        return null;
      }
    },
  };
}
