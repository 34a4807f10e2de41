/**
 * Which kind of file an imported document is: told by its name and confirmed by its first bytes, so
 * a PDF renamed to .txt, or a Word file renamed to .pdf, is refused with a message that says what
 * the file really is.
 */
import { DeskError } from '@question-desk/errors';

export type DocumentFormat = 'text' | 'docx' | 'pdf';

/** The file's kind is not one the desk reads (the API answers 415 to an upload). */
export class UnsupportedDocumentFile extends DeskError {
  readonly kind = 'rule-violation';
}

/** The file is not what its name says, or cannot be read as what it is (422). */
export class DocumentFileNotReadable extends DeskError {
  readonly kind = 'rule-violation';
}

const BY_EXTENSION: Record<string, DocumentFormat> = { txt: 'text', md: 'text', markdown: 'text', docx: 'docx', pdf: 'pdf' };

/** What the bytes show a file to be, for the formats people send by mistake. */
type Sniffed = DocumentFormat | 'doc' | 'zip' | 'rtf' | 'odt' | 'image' | 'binary';

const DESCRIBED: Record<Sniffed, string> = {
  text: 'a text file',
  docx: 'a Word document (.docx)',
  pdf: 'a PDF',
  doc: 'an old Word document (.doc)',
  zip: 'a ZIP archive',
  rtf: 'an RTF document',
  odt: 'an OpenDocument text (.odt)',
  image: 'an image',
  binary: 'a binary file',
};

const ACCEPTED = 'Save the document as Word (.docx), PDF, plain text (.txt) or Markdown (.md) and import that.';

/** The extension of a file name, lower case, without the dot; '' when there is none. */
export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName.trim());
  return match ? match[1].toLowerCase() : '';
}

/**
 * The format to read `bytes` as. Throws UnsupportedDocumentFile for a kind of file the desk does
 * not read, DocumentFileNotReadable when the bytes are not what the name says.
 */
export function documentFormatOf(fileName: string, bytes: Uint8Array): DocumentFormat {
  const extension = extensionOf(fileName);
  const claimed = BY_EXTENSION[extension];
  const actual = sniff(bytes);
  if (!claimed) {
    const what = actual === 'binary' || actual === 'text' ? `a .${extension || '(no extension)'} file` : DESCRIBED[actual];
    const hint = actual === 'doc' ? 'Open it in Word and save it as .docx (Word-document), then import that.' : ACCEPTED;
    throw new UnsupportedDocumentFile(`"${fileName}" is ${what}, which the desk cannot read. ${hint}`);
  }
  if (actual === claimed) return claimed;
  const hint =
    actual === 'pdf' || actual === 'docx'
      ? `Give it the extension .${actual} (or export it again as ${DESCRIBED[claimed]}) and import it again.`
      : actual === 'doc'
        ? 'Open it in Word and save it as .docx (Word-document), then import that.'
        : ACCEPTED;
  throw new DocumentFileNotReadable(`"${fileName}" is called ${DESCRIBED[claimed]} but is ${DESCRIBED[actual]}. ${hint}`);
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, index) => bytes[at + index] === byte);
}

function sniff(bytes: Uint8Array): Sniffed {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  // The PDF header may follow some bytes of junk (the specification allows 1024).
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (whole.includes('word/document.xml')) return 'docx';
    if (whole.includes('application/vnd.oasis.opendocument.text')) return 'odt';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (head.subarray(0, 5).toString('latin1') === '{\\rtf') return 'rtf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || head.subarray(0, 4).toString('latin1') === 'GIF8') return 'image';
  // Text: no NUL in the first 8 kB (UTF-8 validity is the text import's own check).
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).includes(0) ? 'binary' : 'text';
}
