/**
 * PDF and Word files are read in a worker thread with a time and memory limit: a damaged or hostile
 * file (a zip bomb, a PDF that loops) stops that thread, never the process that imports it.
 * pdfjs-dist is an ES module; the worker imports it by its file URL, which works under Node,
 * ts-node and Jest alike (Jest's own module system never sees it).
 */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A run of text on a PDF page, in points from the top left of the page. */
export interface PdfTextItem {
  text: string;
  /** Left edge. */
  x: number;
  /** Baseline, from the top of the page (grows downwards). */
  y: number;
  width: number;
  /** Font size. */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

export type WorkerOutcome =
  { pages: PdfPage[] } | { html: string } | { problem: 'password' | 'damaged' | 'too-many-pages' | 'too-large' | 'too-slow'; detail?: string };

export interface WorkerLimits {
  timeoutMs: number;
  maxHeapMb: number;
  maxPages: number;
}

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
// Whatever the libraries print is dropped: logs are the desk's, and never hold document text.
for (const name of ['log', 'info', 'warn', 'error', 'debug']) console[name] = () => undefined;

async function readPdf(data, maxPages) {
  const pdfjs = await import(workerData.pdfjs);
  let document;
  try {
    document = await pdfjs.getDocument({
      data, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
      standardFontDataUrl: workerData.standardFonts,
    }).promise;
  } catch (error) {
    return { problem: error && error.name === 'PasswordException' ? 'password' : 'damaged', detail: String(error && error.message) };
  }
  if (document.numPages > maxPages) return { problem: 'too-many-pages', detail: String(document.numPages) };
  const pages = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = [];
    for (const item of content.items) {
      if (typeof item.str !== 'string' || item.str.trim() === '') continue;
      const m = pdfjs.Util.transform(viewport.transform, item.transform);
      items.push({ text: item.str, x: m[4], y: m[5], width: item.width, size: Math.hypot(m[2], m[3]) || item.height });
    }
    pages.push({ width: viewport.width, height: viewport.height, items });
    page.cleanup();
  }
  await document.destroy();
  return { pages };
}

async function readDocx(data) {
  const mammoth = require(workerData.mammoth);
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(data) });
    return { html: result.value };
  } catch (error) {
    return { problem: 'damaged', detail: String(error && error.message) };
  }
}

parentPort.on('message', ({ id, kind, data, maxPages }) => {
  (kind === 'pdf' ? readPdf(data, maxPages) : readDocx(data)).then(
    (outcome) => parentPort.postMessage({ id, outcome }),
    (error) => parentPort.postMessage({ id, outcome: { problem: 'damaged', detail: String(error && error.message) } }),
  );
});
`;

let modules: { pdfjs: string; standardFonts: string; mammoth: string } | null = null;

function modulePaths() {
  if (!modules) {
    const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
    modules = {
      pdfjs: pathToFileURL(join(pdfjsRoot, 'legacy', 'build', 'pdf.mjs')).href,
      standardFonts: `${join(pdfjsRoot, 'standard_fonts')}/`,
      mammoth: require.resolve('mammoth'),
    };
  }
  return modules;
}

/**
 * One reader thread, kept between documents (loading pdfjs-dist and mammoth is most of the cost of
 * a small file), reading one document at a time; a reader that runs out of time or memory, or
 * stops, is ended and the next document gets a new one.
 */
interface Reader {
  worker: Worker;
  heapMb: number;
}

let reader: Reader | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 0;

function startReader(maxHeapMb: number): Reader {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: modulePaths(),
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32 },
  });
  // An idle reader does not keep a process (the command line) alive.
  worker.unref();
  return { worker, heapMb: maxHeapMb };
}

function stopReader(stopped: Reader): void {
  if (reader === stopped) reader = null;
  void stopped.worker.terminate();
}

/** Reads a PDF's positioned text, or a Word file as HTML (mammoth), in the reader thread. */
export function readInWorker(kind: 'pdf' | 'docx', bytes: Uint8Array, limits: WorkerLimits): Promise<WorkerOutcome> {
  const turn = queue.then(() => readOne(kind, bytes, limits));
  queue = turn.catch(() => undefined);
  return turn;
}

function readOne(kind: 'pdf' | 'docx', bytes: Uint8Array, limits: WorkerLimits): Promise<WorkerOutcome> {
  if (reader && reader.heapMb !== limits.maxHeapMb) stopReader(reader);
  const current = (reader ??= startReader(limits.maxHeapMb));
  const id = ++nextId;
  return new Promise((resolve) => {
    const { worker } = current;
    const settle = (outcome: WorkerOutcome, stop: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (stop) stopReader(current);
      resolve(outcome);
    };
    const onMessage = (message: { id: number; outcome: WorkerOutcome }) => {
      if (message.id === id) settle(message.outcome, false);
    };
    const onError = (error: NodeJS.ErrnoException) =>
      settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { problem: 'too-large' } : { problem: 'damaged', detail: error.message }, true);
    const onExit = () => settle({ problem: 'damaged', detail: 'the reader stopped' }, true);
    const timer = setTimeout(() => settle({ problem: 'too-slow' }, true), limits.timeoutMs);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ id, kind, data: bytes, maxPages: limits.maxPages });
  });
}
