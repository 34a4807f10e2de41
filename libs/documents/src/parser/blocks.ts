/**
 * Reads the cleaned lines as a sequence of blocks: paragraphs of text, headings ("Vraag 3",
 * "Antwoord op vraag 3, 4 en 5", "Toelichting"), items of a numbered list, footnote definitions and
 * separators. Each block remembers what separated it from the one before: nothing, a blank line, or
 * a page break (three or more blank lines, a form feed, a dropped running header).
 */
import { FootnoteReferences, FootnoteStyle, readFootnoteDefinition } from './footnotes';
import { PAGE_BREAK, continuesUrl, isSeparatorLine, isUrl, stripHeadingMarks, stripMarkup } from './text-cleanup';

export type BreakBefore = 'none' | 'paragraph' | 'page';

export type Block =
  | { kind: 'text'; lines: string[]; breakBefore: BreakBefore; styledAsTitle: boolean }
  /** `numbers` is empty for an unnumbered label ("Vraag:"). */
  | { kind: 'question-heading'; numbers: number[]; breakBefore: BreakBefore }
  | { kind: 'answer-heading'; numbers: number[]; breakBefore: BreakBefore }
  | { kind: 'note-heading'; breakBefore: BreakBefore }
  | { kind: 'list-item'; number: number; breakBefore: BreakBefore }
  /** `isUrl`: the footnote is a URL only, so it goes on only while the URL does. */
  | { kind: 'footnote'; marker: string; style: FootnoteStyle; lines: string[]; isUrl: boolean; breakBefore: BreakBefore }
  | { kind: 'separator'; breakBefore: BreakBefore };

export type TextBlock = Extract<Block, { kind: 'text' }>;
export type FootnoteBlock = Extract<Block, { kind: 'footnote' }>;

/**
 * "3", "3, 4 en 5", "4 t/m 6", "2 & 3". Numbers of up to five digits are read, so that a document
 * with more questions than a set may hold is counted and refused, not glued into its last question.
 */
const NUMBER_LIST = String.raw`\d{1,5}(?:\s*(?:,|en|t\/m|tot en met|[-–&])\s*\d{1,5})*`;
const QUESTION_HEADING = new RegExp(String.raw`^(?:Vraag|VRAAG|Vragen|VRAGEN)(?:\s+(?:nr\.?\s*)?(${NUMBER_LIST}))?\s*(?:([:.)–-])\s*(.*))?$`);
const ANSWER_HEADING = new RegExp(
  String.raw`^(?:Antwoord|ANTWOORD|Antwoorden|ANTWOORDEN)(?:\s+(?:op\s+)?(?:de\s+)?(?:vraag|vragen|Vraag|Vragen)?\s*(?:nr\.?\s*)?(${NUMBER_LIST}))?\s*(?:([:.)–-])\s*(.*))?$`,
);
const NOTE_HEADING = /^(?:Toelichting|TOELICHTING)\s*(?:[:.]\s*(.*))?$/;
const LIST_ITEM = /^(\d{1,3})[.)]\s+(\S.*)$/;

interface Heading {
  kind: 'question-heading' | 'answer-heading' | 'note-heading';
  numbers: number[];
  inlineText: string;
}

/** "3, 4 en 5" → [3, 4, 5]; "4 t/m 6" → [4, 5, 6]. */
export function readNumberList(text: string): number[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(/(\d{1,5})(?:\s*(?:t\/m|tot en met|[-–])\s*(\d{1,5}))?/g)) {
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    for (let n = from; n <= Math.min(to, from + 50); n++) if (!numbers.includes(n)) numbers.push(n);
  }
  return numbers.sort((a, b) => a - b);
}

/**
 * A heading line. Inline text after a colon ("Antwoord: Ja.") is allowed anywhere; after a full
 * stop or dash only at the start of a paragraph, where "Vraag 3. Bent u …" cannot be prose.
 */
export function readHeading(line: string, atParagraphStart: boolean): Heading | null {
  const candidates: Array<[RegExp, Heading['kind']]> = [
    [QUESTION_HEADING, 'question-heading'],
    [ANSWER_HEADING, 'answer-heading'],
  ];
  for (const [pattern, kind] of candidates) {
    const match = pattern.exec(line);
    if (!match) continue;
    const [, numberList, separator, inlineText] = match;
    // "Vragen" or "Antwoorden" alone are section titles, not headings.
    if (/^(?:vragen|antwoorden)$/i.test(line)) return null;
    if (separator && separator !== ':' && inlineText && !atParagraphStart) return null;
    if (separator === ')' && !numberList) return null;
    return { kind, numbers: numberList ? readNumberList(numberList) : [], inlineText: inlineText ?? '' };
  }
  const note = NOTE_HEADING.exec(line);
  if (note) return { kind: 'note-heading', numbers: [], inlineText: note[1] ?? '' };
  return null;
}

/** The plain line a heading test sees: no `#`, no emphasis. */
function headingView(line: string): string {
  // Cheap test first: stripping markup from every line of a long document is the costly part.
  if (!/^[#*_\s]*(?:vra|ant|toe)/i.test(line)) return line;
  return stripMarkup(stripHeadingMarks(line)).trim();
}

/** Whether the document numbers its questions with headings ("Vraag 1", "Vraag:"). */
export function hasQuestionHeadings(lines: readonly string[]): boolean {
  return lines.some((line) => readHeading(headingView(line), true)?.kind === 'question-heading');
}

export interface BlockOptions {
  references: FootnoteReferences;
  /** Read "1. …" lines as questions (only when the document has no "Vraag" headings). */
  numberedListIsQuestions: boolean;
}

export function readBlocks(lines: readonly string[], options: BlockOptions): Block[] {
  const blocks: Block[] = [];
  let open: TextBlock | FootnoteBlock | null = null;
  let blankLines = 0;
  let pageBreak = false;
  let lastListNumber = 0;

  for (const line of lines) {
    if (line === PAGE_BREAK || line === '') {
      if (line === PAGE_BREAK) pageBreak = true;
      else blankLines++;
      open = null;
      continue;
    }
    const atParagraphStart: boolean = open === null;
    const breakBefore: BreakBefore = pageBreak || blankLines >= 3 ? 'page' : blankLines > 0 || (atParagraphStart && blocks.length === 0) ? 'paragraph' : 'none';
    blankLines = 0;
    pageBreak = false;
    const view = headingView(line);

    if (isSeparatorLine(line)) {
      blocks.push({ kind: 'separator', breakBefore });
      open = null;
      continue;
    }

    const definition = readFootnoteDefinition(line, atParagraphStart, options.references);
    if (definition) {
      open = {
        kind: 'footnote',
        marker: definition.marker,
        style: definition.style,
        lines: [definition.text],
        isUrl: isUrl(definition.text) && !definition.text.includes(' '),
        breakBefore,
      };
      blocks.push(open);
      continue;
    }

    const heading = readHeading(view, atParagraphStart);
    if (heading) {
      if (heading.kind === 'note-heading') blocks.push({ kind: 'note-heading', breakBefore });
      else blocks.push({ kind: heading.kind, numbers: heading.numbers, breakBefore });
      open = null;
      if (heading.inlineText) {
        open = { kind: 'text', lines: [heading.inlineText], breakBefore: 'none', styledAsTitle: false };
        blocks.push(open);
      }
      continue;
    }

    const item = options.numberedListIsQuestions ? LIST_ITEM.exec(view) : null;
    if (item && (atParagraphStart || Number(item[1]) === lastListNumber + 1)) {
      lastListNumber = Number(item[1]);
      blocks.push({ kind: 'list-item', number: lastListNumber, breakBefore });
      open = { kind: 'text', lines: [item[2]], breakBefore: 'none', styledAsTitle: false };
      blocks.push(open);
      continue;
    }

    if (open?.kind === 'footnote' && continuesFootnote(open, line)) {
      open.lines.push(line);
      open.isUrl = open.isUrl && !line.includes(' ');
      continue;
    }
    if (open?.kind === 'text') {
      open.lines.push(stripHeadingMarks(line));
      open.styledAsTitle = false;
      continue;
    }
    const afterFootnote: boolean = open?.kind === 'footnote';
    open = {
      kind: 'text',
      lines: [stripHeadingMarks(line)],
      breakBefore: afterFootnote ? 'paragraph' : breakBefore,
      styledAsTitle: isStyledAsTitle(line),
    };
    blocks.push(open);
  }
  return blocks;
}

/** A footnote that is only a URL goes on only while the URL does; a worded one to the blank line. */
function continuesFootnote(footnote: FootnoteBlock, line: string): boolean {
  if (!footnote.isUrl) return true;
  return !isUrl(line) && continuesUrl(footnote.lines[footnote.lines.length - 1], line.split(' ', 1)[0]);
}

/** A markdown heading or a wholly bold line: a title, in the header of a document. */
function isStyledAsTitle(line: string): boolean {
  return /^#{1,6}\s/.test(line) || (/^\*\*.*\*\*$/.test(line) && line.length > 4);
}
