/**
 * The text of a PDF's pages in reading order, as lines the parser knows: top to bottom, left to
 * right; a blank line where the vertical gap or the font size says a paragraph ends; large type
 * as a markdown heading ("## 2290"); small raised digits as footnote markers (`<sup>1</sup>`),
 * also at the start of a footnote at the foot of a page; a form feed between pages. Running
 * headers, page numbers and footnote blocks are left in place for the parser, which removes or
 * reads them whatever converter the text came from.
 */
import type { PdfPage, PdfTextItem } from './read-in-worker';

interface Line {
  /** Baseline of the line's largest type. */
  y: number;
  /** The largest font size on the line. */
  size: number;
  items: PdfTextItem[];
}

export function pdfPagesToText(pages: readonly PdfPage[]): string {
  const bodySize = bodyFontSize(pages);
  const markers = new Set<string>();
  return pages.map((page) => pageText(page, bodySize, markers)).join('\n\f\n');
}

/** The size most of the text is set in (by characters), to tell headings and footnotes from it. */
function bodyFontSize(pages: readonly PdfPage[]): number {
  const characters = new Map<number, number>();
  for (const page of pages) {
    for (const item of page.items) {
      const size = Math.round(item.size * 2) / 2;
      characters.set(size, (characters.get(size) ?? 0) + item.text.length);
    }
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of characters) {
    if (count > bestCount) [best, bestCount] = [size, count];
  }
  return best || 10;
}

function pageText(page: PdfPage, bodySize: number, markers: Set<string>): string {
  const lines = groupLines(page.items);
  const out: string[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    const heading = line.size >= bodySize * 1.3;
    const small = line.size <= bodySize * 0.9;
    let text = lineText(line, markers);
    if (small && line.y > page.height * 0.6) text = asFootnoteDefinition(text, markers);
    if (previous) {
      const gap = line.y - previous.y;
      const sizeChanged = Math.abs(line.size - previous.size) > Math.max(line.size, previous.size) * 0.15;
      if (heading || previous.size >= bodySize * 1.3 || sizeChanged || gap > Math.max(line.size, previous.size) * 1.6) out.push('');
    }
    out.push(heading ? `## ${text}` : text);
    previous = line;
  }
  return out.join('\n');
}

/** Items whose baselines lie within 55 % of the larger size (a superscript is raised by about a third) of each other form one line. */
function groupLines(items: readonly PdfTextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const line = lines.find((candidate) => Math.abs(candidate.y - item.y) <= Math.max(candidate.size, item.size) * 0.55 && overlapsNothing(candidate, item));
    if (line) {
      line.items.push(item);
      if (item.size > line.size) [line.size, line.y] = [item.size, item.y];
    } else {
      lines.push({ y: item.y, size: item.size, items: [item] });
    }
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => a.y - b.y);
}

/** Two runs at the same place are two lines (text printed over text), not one. */
function overlapsNothing(line: Line, item: PdfTextItem): boolean {
  return !line.items.some((other) => item.x < other.x + other.width - 0.5 && other.x < item.x + item.width - 0.5 && Math.abs(other.y - item.y) > 0.5);
}

/** The runs of a line joined, with a space where the gap between them is one; raised small digits as markers. */
function lineText(line: Line, markers: Set<string>): string {
  let text = '';
  let end: number | null = null;
  for (const item of line.items) {
    const raised = line.y - item.y > line.size * 0.15 && item.size < line.size * 0.85;
    const marker = raised ? /^\s*(\d{1,3})\s*$/.exec(item.text)?.[1] : undefined;
    const piece = marker ? `<sup>${marker}</sup>` : item.text;
    if (marker) markers.add(marker);
    if (end !== null && item.x - end > item.size * 0.2 && !text.endsWith(' ') && !piece.startsWith(' ') && !marker) text += ' ';
    text += piece;
    end = item.x + item.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** "1 https://…" in small type at the foot of a page, where the text has a marker 1: a footnote. */
function asFootnoteDefinition(text: string, markers: ReadonlySet<string>): string {
  const match = /^(\d{1,3})\s+(\S.*)$/.exec(text);
  return match && markers.has(match[1]) ? `<sup>${match[1]}</sup> ${match[2]}` : text;
}
