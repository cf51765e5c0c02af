import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Limiter } from '../limiter.js';

/** Bounds of one PDF read: a hostile or huge PDF costs at most this much, and then fails clearly. */
export interface PdfLimits {
  /** Larger files are refused before parsing. */
  maxBytes: number;
  /** Only the first pages are read (an annex's opening pages carry its substance). */
  maxPages: number;
  /** The worker is terminated after this long. */
  timeoutMs: number;
  /** Text beyond this is cut. */
  maxChars: number;
  /** Heap of the worker thread, in MB (set when the worker starts): a memory bomb ends the worker, not the process. */
  maxHeapMb: number;
}

export const PDF_LIMITS: PdfLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 30,
  timeoutMs: 15_000,
  maxChars: 200_000,
  maxHeapMb: 256,
};

export class PdfError extends Error {}

const require = createRequire(import.meta.url);
/** Mozilla's pdf.js, legacy build (the one for Node), with its CMaps (CJK fonts) and standard font data. */
const pdfjsPath = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
const pdfjsRoot = join(dirname(pdfjsPath), '..', '..');

/**
 * The worker's code, as a string run with `eval` so it needs no build step or loader (the same under tsx, vitest and
 * compiled dist/). It parses with pdf.js in its own thread, one PDF per message: a PDF that loops or balloons stalls
 * only the worker, which the caller then terminates (the next PDF gets a fresh one).
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const loading = import(workerData.pdfjs);
async function read({ bytes, maxPages, maxChars }) {
  const pdfjs = await loading;
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: workerData.cmaps,
    cMapPacked: true,
    standardFontDataUrl: workerData.fonts,
    verbosity: 0,
  }).promise;
  try {
    const pages = Math.min(doc.numPages, maxPages);
    const parts = [];
    let length = 0;
    for (let n = 1; n <= pages && length < maxChars; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : '') : '')).join('');
      parts.push(text.trim());
      length += text.length;
      page.cleanup();
    }
    return { text: parts.join('\\n\\n').slice(0, maxChars), pages: doc.numPages, read: parts.length };
  } finally {
    await doc.destroy();
  }
}
parentPort.on('message', (job) =>
  read(job).then(
    (result) => parentPort.postMessage(result),
    (error) => parentPort.postMessage({ error: String((error && error.message) || error) }),
  ),
);
`;

export interface PdfText {
  text: string;
  /** Pages in the file, and pages read (at most maxPages). */
  pages: number;
  read: number;
}

/** One PDF at a time, in one worker kept between PDFs (loading pdf.js costs more than reading a notice). */
const turns = new Limiter({ concurrency: 1 });
let current: Worker | undefined;

function worker(limits: PdfLimits): Worker {
  if (current) return current;
  const started = new Worker(WORKER, {
    eval: true,
    workerData: {
      pdfjs: pathToFileURL(pdfjsPath).href,
      cmaps: `${join(pdfjsRoot, 'cmaps')}/`,
      fonts: `${join(pdfjsRoot, 'standard_fonts')}/`,
    },
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    stdout: true,
    stderr: true,
  });
  // An idle reader never keeps a finished process alive.
  started.unref();
  started.on('exit', () => {
    if (current === started) current = undefined;
  });
  current = started;
  return started;
}

/** Read a PDF's text with pdf.js in a worker thread, within `limits`; PdfError says why it could not. */
export function readPdf(bytes: Buffer, limits: PdfLimits = PDF_LIMITS): Promise<PdfText> {
  if (bytes.length > limits.maxBytes)
    return Promise.reject(
      new PdfError(`a PDF of ${Math.round(bytes.length / 1024)} KB, over the ${limits.maxBytes / 1024} KB limit`),
    );
  return turns.run(
    () =>
      new Promise<PdfText>((resolve, reject) => {
        const reader = worker(limits);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          reader.off('message', onMessage).off('error', onError).off('exit', onExit);
          settle();
        };
        const onMessage = (m: PdfText | { error: string }) =>
          finish(() => ('error' in m ? reject(new PdfError(`a damaged PDF (${m.error})`)) : resolve(m)));
        const onError = (error: Error) =>
          finish(() => reject(new PdfError(`a PDF the reader gave up on (${error.message})`)));
        const onExit = (code: number) =>
          finish(() => reject(new PdfError(`a PDF the reader gave up on (its worker ended, code ${code})`)));
        const timer = setTimeout(() => {
          finish(() => reject(new PdfError(`a PDF that took longer than ${limits.timeoutMs / 1000}s to read`)));
          // The stalled worker goes; the next PDF starts a fresh one.
          if (current === reader) current = undefined;
          void reader.terminate();
        }, limits.timeoutMs);
        reader.on('message', onMessage).on('error', onError).on('exit', onExit);
        reader.postMessage({ bytes, maxPages: limits.maxPages, maxChars: limits.maxChars });
      }),
  );
}
