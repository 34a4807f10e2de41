/**
 * Test documents as they reach the desk: a document's text (markdown or plain, as in seeds/)
 * typeset as a PDF (pdfkit: running head, page numbers at the foot, footnotes at the foot of the
 * page that refers to them, superscript markers, headings in bold or large type) or written as a
 * Word file (docx: bold headings, real footnotes). Only tests and benches use this.
 */
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { collectHyphenatedWords, joinLines, normaliseLines } from '../../libs/documents/src/parser/text-cleanup';

export type Piece = { text: string } | { marker: string };

export interface TypesetParagraph {
  style: 'title' | 'heading' | 'body';
  pieces: Piece[];
}

export interface TypesetDocument {
  paragraphs: TypesetParagraph[];
  /** Footnote texts by marker. */
  footnotes: Record<string, string>;
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Reads a document's text (markdown or plain) into paragraphs and footnotes. */
export function typesetFromText(text: string): TypesetDocument {
  const paragraphs: TypesetParagraph[] = [];
  const footnotes: Record<string, string> = {};
  const lines = normaliseLines(text);
  const hyphenated = collectHyphenatedWords(lines);
  // "1)" footnotes of text cut from a PDF: their markers in the text are only markers when defined.
  const parenDefined = new Set([...text.matchAll(/^(\d{1,2})\)\s+\S/gm)].map((match) => match[1]));
  // A heading on a line of its own ("Vraag 1", "Antwoord op vraag 3, 4 en 5") is a paragraph of its own.
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .replace(/^[ \t]*((?:Vraag|Antwoord)(?: op vraag)?[\d ,en]*)[ \t]*$/gm, '\n**$1**\n')
    .split(/\n\s*\n/);
  for (const block of blocks) {
    const joined = joinLines(
      normaliseLines(block).filter((line) => line !== '\f'),
      hyphenated,
    );
    if (!joined || /^-{3,}$/.test(joined)) continue;
    const definition = /^(?:<sup>(\d+)<\/sup>|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|(\d{1,2})\))\s*(.*)$/.exec(joined);
    if (definition && (definition[3] === undefined || parenDefined.has(definition[3]))) {
      footnotes[definition[1] ?? definition[3] ?? fromSuperscript(definition[2])] = plain(definition[4]).replace(/^<(.*)>$/, '$1');
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(joined) ?? /^\*\*([^*]+)\*\*$/.exec(joined);
    const style = heading ? (/^#{1,2}\s/.test(joined) ? 'title' : 'heading') : 'body';
    const withMarkers = joined.replace(/(?<=\S)\s+(\d{1,2})\)(?=$|[\s.,;:])/g, (all, digits: string) =>
      parenDefined.has(digits) ? `<sup>${digits}</sup>` : all,
    );
    paragraphs.push({ style, pieces: pieces(heading ? heading[1] : withMarkers) });
  }
  return { paragraphs, footnotes };
}

function fromSuperscript(digits: string): string {
  return String(Number([...digits].map((digit) => SUPERSCRIPTS.indexOf(digit)).join('')));
}

function plain(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/(?<=\S)\*|\*(?=\S)/g, '')
    .replace(/<(https?:\/\/[^>]+)>/g, '$1');
}

function pieces(text: string): Piece[] {
  const result: Piece[] = [];
  let from = 0;
  for (const match of text.matchAll(/<sup>(\d+)<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)) {
    if (match.index > from) result.push({ text: plain(text.slice(from, match.index)) });
    result.push({ marker: match[1] ?? fromSuperscript(match[0]) });
    from = match.index + match[0].length;
  }
  if (from < text.length) result.push({ text: plain(text.slice(from)) });
  return result;
}

export interface PdfOptions {
  /** Page size in points; small pages make page breaks inside answers. Default A5. */
  size?: [number, number];
  /** Printed at the top of every page, in small type. */
  runningHead?: string;
  /** The page number: at the foot of each page, and on the first page also large above the title (as the Aanhangsel's first page has it). */
  pageNumberAsHeading?: boolean;
  /** Footnote definitions with a raised marker (default) or the number in the footnote's own size. */
  footnoteMarkers?: 'raised' | 'plain';
}

const MARGIN = 50;
const BODY = 10;
const LEADING = 13;
const NOTE = 7.5;

/** The document typeset as a PDF. */
export function typesetPdf(document: TypesetDocument, options: PdfOptions = {}): Promise<Buffer> {
  const [width, height] = options.size ?? [420, 595];
  const pdf = new PDFDocument({ size: [width, height], margin: 0, autoFirstPage: false, info: { Title: 'Kamervragen' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  const textWidth = width - 2 * MARGIN;
  let page = 0;
  let y = 0;
  let notes: string[] = [];
  const printed = new Set<string>();

  const noteHeight = (markers: readonly string[]) =>
    markers.reduce((sum, marker) => sum + lineCount(document.footnotes[marker] ?? '', NOTE, textWidth - 12) * (NOTE + 2), 0) + (markers.length ? 8 : 0);
  const lineCount = (text: string, size: number, room: number) => wrap(text, size, room).length;
  const wrap = (text: string, size: number, room: number): string[] => {
    pdf.font('Helvetica').fontSize(size);
    const lines: string[] = [];
    let line = '';
    // A word longer than a line (a URL) is broken where the line is full, as PDFs do.
    const words = text
      .split(' ')
      .filter(Boolean)
      .flatMap((word) => {
        const parts: string[] = [];
        let rest = word;
        while (pdf.widthOfString(rest) > room) {
          let cut = rest.length - 1;
          while (cut > 1 && pdf.widthOfString(rest.slice(0, cut)) > room) cut--;
          // After a slash or hyphen where one fits, as typesetters break URLs.
          const mark = Math.max(rest.lastIndexOf('/', cut - 1), rest.lastIndexOf('-', cut - 1));
          if (mark > cut / 2) cut = mark + 1;
          parts.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        return [...parts, rest];
      });
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && pdf.widthOfString(candidate) > room) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
    return lines;
  };

  const finishPage = () => {
    if (page === 0) return;
    let noteY = height - MARGIN - noteHeight(notes) + 8;
    for (const marker of notes) {
      const lines = wrap(document.footnotes[marker] ?? '', NOTE, textWidth - 12);
      if (options.footnoteMarkers === 'plain') pdf.font('Helvetica').fontSize(NOTE).text(marker, MARGIN, noteY, { lineBreak: false });
      else
        pdf
          .font('Helvetica')
          .fontSize(5)
          .text(marker, MARGIN, noteY - 2, { lineBreak: false });
      for (const line of lines) {
        pdf
          .font('Helvetica')
          .fontSize(NOTE)
          .text(line, MARGIN + 12, noteY, { lineBreak: false });
        noteY += NOTE + 2;
      }
    }
    pdf
      .font('Helvetica')
      .fontSize(8)
      .text(String(page), width / 2 - 5, height - 30, { lineBreak: false });
    notes = [];
  };
  const newPage = () => {
    finishPage();
    pdf.addPage({ size: [width, height], margin: 0 });
    page++;
    y = MARGIN;
    if (options.runningHead) pdf.font('Helvetica').fontSize(7).text(options.runningHead, MARGIN, 22, { lineBreak: false });
    if (options.pageNumberAsHeading && page === 1) {
      pdf.font('Helvetica-Bold').fontSize(16).text(String(page), MARGIN, y, { lineBreak: false });
      y += 24;
    }
  };

  newPage();
  for (const paragraph of document.paragraphs) {
    const size = paragraph.style === 'title' ? 16 : BODY;
    const font = paragraph.style === 'body' ? 'Helvetica' : 'Helvetica-Bold';
    const leading = paragraph.style === 'title' ? 20 : LEADING;
    // Words, each a run of text and the markers glued to it (raised and small), in their order.
    const words: Piece[][] = [];
    for (const piece of paragraph.pieces) {
      if ('marker' in piece) {
        if (words.length === 0) words.push([]);
        words[words.length - 1].push(piece);
        continue;
      }
      piece.text.split(' ').forEach((part, index) => {
        if (index === 0 && words.length > 0 && !piece.text.startsWith(' ')) {
          if (part) words[words.length - 1].push({ text: part });
        } else if (part) words.push([{ text: part }]);
      });
    }
    const markersOf = (word: Piece[]) => word.flatMap((part) => ('marker' in part ? [part.marker] : []));
    const widthOf = (word: Piece[]) =>
      word.reduce(
        (sum, part) =>
          sum + ('marker' in part ? pdf.font('Helvetica').fontSize(6).widthOfString(part.marker) + 1 : pdf.font(font).fontSize(size).widthOfString(part.text)),
        0,
      );
    let x = MARGIN;
    const lineStart = () => {
      const pending = words.flatMap(markersOf).filter((marker) => !printed.has(marker) && !notes.includes(marker));
      if (y + leading > height - MARGIN - noteHeight([...notes, ...pending.slice(0, 1)])) newPage();
      x = MARGIN;
    };
    lineStart();
    for (const word of words) {
      if (x > MARGIN && x + widthOf(word) > MARGIN + textWidth) {
        y += leading;
        lineStart();
      }
      for (const part of word) {
        if ('marker' in part) {
          pdf
            .font('Helvetica')
            .fontSize(6)
            .text(part.marker, x + 0.5, y - 1, { lineBreak: false });
          x += pdf.widthOfString(part.marker) + 1;
          if (!printed.has(part.marker)) {
            printed.add(part.marker);
            notes.push(part.marker);
          }
        } else {
          pdf.font(font).fontSize(size).text(part.text, x, y, { lineBreak: false });
          x += pdf.widthOfString(part.text);
        }
      }
      x += pdf.font(font).fontSize(size).widthOfString(' ');
    }
    y += leading + (paragraph.style === 'body' ? 6 : 4);
  }
  finishPage();
  pdf.end();
  return done;
}

/** The document written as a Word file: headings bold, footnotes as Word's own. */
export function typesetWord(document: TypesetDocument): Promise<Buffer> {
  const ids = new Map<string, number>();
  const idOf = (marker: string) => {
    if (!ids.has(marker)) ids.set(marker, ids.size + 1);
    return ids.get(marker)!;
  };
  const children = document.paragraphs.map(
    (paragraph) =>
      new Paragraph({
        heading: paragraph.style === 'title' ? HeadingLevel.HEADING_2 : undefined,
        children: paragraph.pieces.map((piece) =>
          'marker' in piece ? new FootnoteReferenceRun(idOf(piece.marker)) : new TextRun({ text: piece.text, bold: paragraph.style === 'heading' }),
        ),
      }),
  );
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const [marker, text] of Object.entries(document.footnotes)) footnotes[idOf(marker)] = { children: [new Paragraph(text)] };
  return Packer.toBuffer(new Document({ footnotes, sections: [{ children }] }));
}
