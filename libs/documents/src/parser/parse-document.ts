/**
 * Reads one imported document (questions, answers, both, or a postponement notice) into a
 * ParsedDocument, or says in DocumentNotReadable what a desk officer must fix.
 */
import { DocumentKind, DocumentNotReadable, ParsedDocument, ParsedFootnote } from '../parsed-document';
import { Block, hasQuestionHeadings, readBlocks } from './blocks';
import { Body, BodyUnit, excerpt, numberingOf, readBody } from './body';
import { FootnoteStyle, markFootnoteReferences, scanFootnoteReferences, withoutMarkers } from './footnotes';
import { Header, isHeaderParagraph, readHeader, readReferences } from './header';
import { findPostponementStatement, readPostponement } from './postponement';
import { collapseSpaces, collectHyphenatedWords, joinLines, normaliseLines, removePageFurniture, stripMarkup } from './text-cleanup';

export const NO_QUESTIONS = "No questions found: expected 'Vraag 1' headings, a numbered list '1.' or paragraphs ending in '?'";
export const NOTHING_IDENTIFIES =
  "Nothing identifies the question set: found no reference (such as '2020Z25656'), no members ('Vragen van het lid …') and no submission date ('ingezonden 15 januari 2021')";

export function parseDocument(text: string): ParsedDocument {
  try {
    return readDocument(text);
  } catch (error) {
    if (error instanceof DocumentNotReadable) throw error;
    // The contract is one error type for any text; a fault here must still reach the import log.
    const reason = error instanceof Error ? error.message : String(error);
    throw new DocumentNotReadable([`The document could not be read (${reason})`]);
  }
}

/** A block ready for reading: text joined, markup gone, footnote markers as placeholders. */
type Unit = BodyUnit & {
  /** Markdown heading or bold line: header material. */
  styledAsTitle?: boolean;
};

function readDocument(raw: string): ParsedDocument {
  if (typeof raw !== 'string' || raw.trim() === '') throw new DocumentNotReadable(['The document is empty']);

  const { lines, removed: pageFurniture } = removePageFurniture(normaliseLines(raw));
  const blocks = readBlocks(lines, {
    references: scanFootnoteReferences(lines),
    numberedListIsQuestions: !hasQuestionHeadings(lines),
  });
  const hyphenatedWords = collectHyphenatedWords(lines);
  const warnings: string[] = [];
  const footnotes = readFootnoteDefinitions(blocks, hyphenatedWords, warnings);
  const styles = new Map([...footnotes].map(([marker, footnote]) => [marker, footnote.style]));
  const units = blocks.map((block) => toUnit(block, hyphenatedWords, styles));

  const paragraphs = units.flatMap((unit) => (unit.kind === 'text' ? [unit] : []));
  if (paragraphs.every((paragraph) => withoutMarkers(paragraph.text) === '')) {
    throw new DocumentNotReadable(['The document has no readable text']);
  }

  const postponementAt = findPostponement(units);
  if (postponementAt >= 0) return readPostponementNotice(paragraphs.map(plainText), postponementAt, pageFurniture, footnotes);

  const { headerParagraphs, bodyUnits, skipped } = splitHeader(units);
  for (const paragraph of skipped) warnings.push(`Text before the first question was not read: '${excerpt(paragraph)}'`);
  const header = readHeader(
    headerParagraphs.map((text) => plainText({ text })),
    pageFurniture,
  );
  const body = readBody(bodyUnits, hyphenatedWords);
  warnings.push(...body.warnings);

  const document = assemble(header, body, footnotes, warnings);
  document.relatedReferences = readReferences(paragraphs.map(plainText).join('\n')).filter((reference) => reference !== header.reference);
  checkReadable(document);
  return document;
}

interface Footnote {
  style: FootnoteStyle;
  text: string;
}

function readFootnoteDefinitions(blocks: readonly Block[], hyphenatedWords: ReadonlySet<string>, warnings: string[]): Map<string, Footnote> {
  const footnotes = new Map<string, Footnote>();
  for (const block of blocks) {
    if (block.kind !== 'footnote') continue;
    const text = collapseSpaces(stripMarkup(joinLines(block.lines, hyphenatedWords)));
    if (footnotes.has(block.marker)) warnings.push(`Footnote ${block.marker} is defined more than once; the first definition was kept`);
    else footnotes.set(block.marker, { style: block.style, text });
  }
  return footnotes;
}

function toUnit(block: Block, hyphenatedWords: ReadonlySet<string>, styles: ReadonlyMap<string, FootnoteStyle>): Unit {
  if (block.kind === 'text') {
    const joined = collapseSpaces(joinLines(block.lines, hyphenatedWords));
    const text = collapseSpaces(stripMarkup(markFootnoteReferences(joined, styles)));
    return { kind: 'text', text, breakBefore: block.breakBefore, styledAsTitle: block.styledAsTitle };
  }
  if (block.kind === 'footnote') return { kind: 'footnote', breakBefore: block.breakBefore };
  if (block.kind === 'question-heading' || block.kind === 'answer-heading') return { kind: block.kind, numbers: block.numbers };
  if (block.kind === 'list-item') return { kind: 'list-item', number: block.number };
  return { kind: block.kind };
}

function plainText(paragraph: { text: string }): string {
  return collapseSpaces(withoutMarkers(paragraph.text));
}

/**
 * The header runs up to the first heading or list item; without numbering, up to the first
 * paragraph that is not header material. An "Antwoord van … (ontvangen …)" belongs to the header
 * wherever it stands.
 */
function splitHeader(units: readonly Unit[]): {
  headerParagraphs: string[];
  bodyUnits: BodyUnit[];
  skipped: string[];
} {
  const numbered = numberingOf(units) !== 'paragraphs';
  const isStructure = (unit: BodyUnit) => unit.kind !== 'text' && unit.kind !== 'footnote' && unit.kind !== 'separator';
  let end = units.findIndex((unit) => (numbered ? isStructure(unit) : isStructure(unit) || (unit.kind === 'text' && !isHeaderMaterial(unit))));
  if (end < 0) end = units.length;
  const headerParagraphs: string[] = [];
  const skipped: string[] = [];
  for (const unit of units.slice(0, end)) {
    if (unit.kind !== 'text') continue;
    headerParagraphs.push(unit.text);
    if (!isHeaderMaterial(unit)) skipped.push(unit.text);
  }
  const bodyUnits: BodyUnit[] = [];
  for (const unit of units.slice(end)) {
    if (unit.kind === 'text' && isAnswerHeader(unit.text)) headerParagraphs.push(unit.text);
    else bodyUnits.push(unit);
  }
  return { headerParagraphs, bodyUnits, skipped };
}

function isHeaderMaterial(unit: { text: string; styledAsTitle?: boolean }): boolean {
  return unit.styledAsTitle === true || isHeaderParagraph(withoutMarkers(unit.text));
}

function isAnswerHeader(text: string): boolean {
  return /^antwoord\s+van\b/i.test(text) && /\(\s*ontvangen\b/i.test(text);
}

/** Index into the text paragraphs of the postponing statement, or -1 when this is no notice. */
function findPostponement(units: readonly BodyUnit[]): number {
  const structured = units.some((unit) => ['question-heading', 'answer-heading', 'list-item'].includes(unit.kind));
  if (structured) return -1;
  const paragraphs = units.flatMap((unit) => (unit.kind === 'text' ? [withoutMarkers(unit.text)] : []));
  const single = paragraphs.findIndex((paragraph) => findPostponementStatement(paragraph) >= 0);
  if (single >= 0) return single;
  return findPostponementStatement(paragraphs.join(' ')) >= 0 ? 0 : -1;
}

function readPostponementNotice(
  paragraphs: string[],
  statementAt: number,
  pageFurniture: readonly string[],
  footnotes: ReadonlyMap<string, Footnote>,
): ParsedDocument {
  const header = readHeader(paragraphs, pageFurniture);
  const notice = paragraphs.slice(statementAt);
  const document = emptyDocument('postponement', header);
  document.postponement = readPostponement(notice, paragraphs.join('\n'));
  document.relatedReferences = readReferences(paragraphs.join('\n')).filter((reference) => reference !== header.reference);
  if (footnotes.size > 0) document.warnings.push('Footnotes in a postponement notice were not read');
  if (!header.reference && header.submitters.length === 0 && !header.subject && !header.submittedOn) {
    throw new DocumentNotReadable([
      "Nothing identifies the questions this notice postpones: expected their reference (such as '2020Z25656'), members, subject or submission date",
    ]);
  }
  return document;
}

function emptyDocument(kind: DocumentKind, header: Header): ParsedDocument {
  return {
    kind,
    chamber: header.chamber,
    reference: header.reference,
    appendixNumber: header.appendixNumber,
    subject: header.subject,
    submittedOn: header.submittedOn,
    submitters: header.submitters,
    addressees: header.addressees,
    explanatoryNote: null,
    relatedReferences: [],
    questions: [],
    answers: [],
    answer: null,
    postponement: null,
    warnings: [],
  };
}

function assemble(header: Header, body: Body, footnotes: ReadonlyMap<string, Footnote>, warnings: string[]): ParsedDocument {
  const referenced = new Set<string>();
  const footnotesFor = ({ markers, positions }: { markers: readonly string[]; positions: Readonly<Record<string, number>> }): ParsedFootnote[] =>
    markers.flatMap((marker) => {
      referenced.add(marker);
      const footnote = footnotes.get(marker);
      if (!footnote) {
        warnings.push(`Footnote ${marker} is referred to but not defined`);
        return [];
      }
      return [{ marker, text: footnote.text, position: positions[marker] }];
    });

  const document = emptyDocument(kindOf(header, body), header);
  document.questions = body.questions.map((question) => ({
    number: question.number,
    text: question.text,
    footnotes: footnotesFor(question),
  }));
  document.answers = body.answers.map((answer) => ({
    questionNumbers: answer.questionNumbers,
    text: answer.text,
    footnotes: footnotesFor(answer),
  }));
  document.explanatoryNote = body.explanatoryNote?.text ?? null;
  for (const marker of body.explanatoryNote?.markers ?? []) referenced.add(marker);
  for (const marker of footnotes.keys()) {
    if (!referenced.has(marker)) warnings.push(`Footnote ${marker} is not referred to in any question or answer`);
  }
  if (document.kind === 'answers' || document.kind === 'questions-and-answers') {
    document.answer = header.answer ?? { answeredBy: null, answeredByPost: null, answeredOn: null, coSigners: [] };
    if (!header.answer) warnings.push("No 'Antwoord van … (ontvangen …)' line found: who answered and when is unknown");
  } else if (header.answer) {
    warnings.push("The document has an 'Antwoord van' line but no answers were found");
  }
  document.warnings = warnings;
  return document;
}

function kindOf(header: Header, body: Body): DocumentKind {
  if (body.answers.length === 0) return 'questions';
  return header.submitters.length > 0 && body.questions.length > 0 ? 'questions-and-answers' : 'answers';
}

function checkReadable(document: ParsedDocument): void {
  const problems: string[] = [];
  if (document.questions.length === 0 && document.answers.length === 0) problems.push(NO_QUESTIONS);
  if (document.kind === 'questions' && !document.reference && document.submitters.length === 0 && !document.submittedOn) {
    problems.push(NOTHING_IDENTIFIES);
  }
  if (problems.length > 0) throw new DocumentNotReadable(problems);
}
