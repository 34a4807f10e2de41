/**
 * The text of an imported file, whatever its format: text and markdown as they are (UTF-8), Word
 * through mammoth, PDF through pdfjs-dist. The text then goes through the one parser.
 */
import { DocumentFileNotReadable, documentFormatOf, type DocumentFormat } from './document-format';
import { pdfPagesToText } from './pdf-layout';
import { readInWorker, type WorkerLimits } from './read-in-worker';
import { wordHtmlToText } from './word-html';

export interface DocumentFile {
  /** The file's name as the user gave it: its extension says what it should be. */
  name: string;
  bytes: Uint8Array;
}

export interface DocumentReadLimits extends WorkerLimits {
  /** Most characters the text of one document may have (a small file can unpack to much text). */
  maxCharacters: number;
}

export const DEFAULT_READ_LIMITS: DocumentReadLimits = { timeoutMs: 30_000, maxHeapMb: 256, maxPages: 300, maxCharacters: 2 * 1024 * 1024 };

export interface DocumentText {
  format: DocumentFormat;
  text: string;
}

export async function documentText(file: DocumentFile, limits: DocumentReadLimits = DEFAULT_READ_LIMITS): Promise<DocumentText> {
  const format = documentFormatOf(file.name, file.bytes);
  const text = format === 'text' ? utf8Text(file) : await convertedText(format, file, limits);
  if (text.length > limits.maxCharacters) {
    throw new DocumentFileNotReadable(
      `"${file.name}" holds ${text.length.toLocaleString('en')} characters of text, more than the ${limits.maxCharacters.toLocaleString('en')} one document may have. Import the questions and the answers as separate documents.`,
    );
  }
  if (text.trim() === '') {
    throw new DocumentFileNotReadable(
      format === 'pdf'
        ? `"${file.name}" holds no text, only images (a scan?). Import the original Word or PDF file the text was written in, or a PDF made with text recognition (OCR).`
        : `"${file.name}" is empty: it holds no text to import.`,
    );
  }
  return { format, text };
}

function utf8Text(file: DocumentFile): string {
  const text = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('utf8');
  if (text.includes('\uFFFD')) {
    throw new DocumentFileNotReadable(
      `"${file.name}" is not UTF-8 text. Save it again as text in UTF-8 (in Word: Save as, Plain text, encoding Unicode (UTF-8)).`,
    );
  }
  return text.replace(/^\uFEFF/, '');
}

async function convertedText(format: 'pdf' | 'docx', file: DocumentFile, limits: DocumentReadLimits): Promise<string> {
  const outcome = await readInWorker(format, file.bytes, limits);
  const what = format === 'pdf' ? 'PDF' : 'Word document';
  if ('pages' in outcome) return pdfPagesToText(outcome.pages);
  if ('html' in outcome) return wordHtmlToText(outcome.html);
  const problems: Record<typeof outcome.problem, string> = {
    password: `"${file.name}" is protected with a password. Save it without protection and import it again.`,
    damaged: `"${file.name}" could not be read as a ${what}: it is damaged or not a real ${what}. Open it, save it again and import the new file.`,
    'too-many-pages': `"${file.name}" has ${outcome.detail ?? 'too many'} pages, more than the ${limits.maxPages} the desk reads. Import the questions and the answers as separate documents.`,
    'too-large': `"${file.name}" unpacks to more than the desk can read at once. Save the ${what} without images and import it again.`,
    'too-slow': `Reading "${file.name}" took longer than ${Math.round(limits.timeoutMs / 1000)} s. Save the ${what} again (without images) and import the new file.`,
  };
  throw new DocumentFileNotReadable(problems[outcome.problem]);
}
