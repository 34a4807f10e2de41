/**
 * The body of a document: which text is which question, which answer covers which questions, and
 * the member's Toelichting. Works on paragraphs whose footnote markers are placeholders (see
 * footnotes.ts), so a marker stays with its sentence when a shared text is split.
 */
import { BreakBefore } from './blocks';
import { takeMarkersWithPositions, withoutMarkers } from './footnotes';
import { collapseSpaces, endsSentence, joinLines } from './text-cleanup';

export type BodyUnit =
  | { kind: 'text'; text: string; breakBefore: BreakBefore }
  | { kind: 'question-heading'; numbers: number[] }
  | { kind: 'answer-heading'; numbers: number[] }
  | { kind: 'list-item'; number: number }
  | { kind: 'note-heading' }
  | { kind: 'footnote'; breakBefore: BreakBefore }
  | { kind: 'separator' };

export interface BodyQuestion {
  number: number;
  text: string;
  markers: string[];
  /** Where each marker stood in `text` (an offset into it). */
  positions: Record<string, number>;
}

export interface BodyAnswer {
  questionNumbers: number[];
  text: string;
  markers: string[];
  positions: Record<string, number>;
}

export interface Body {
  questions: BodyQuestion[];
  answers: BodyAnswer[];
  explanatoryNote: { text: string; markers: string[] } | null;
  warnings: string[];
}

/**
 * How the questions are told apart: by "Vraag N" headings, by a numbered list, or (neither present)
 * as paragraphs, each paragraph holding a "?" being one question.
 */
export type Numbering = 'headings' | 'list' | 'paragraphs';

export function numberingOf(units: readonly BodyUnit[]): Numbering {
  if (units.some((unit) => unit.kind === 'question-heading')) return 'headings';
  return units.some((unit) => unit.kind === 'list-item') ? 'list' : 'paragraphs';
}

interface Draft {
  role: 'question' | 'answer' | 'note';
  /** Empty for a paragraph question, numbered when it turns out to be one. */
  numbers: number[];
  /** Each paragraph as the pieces a page break cut it into; joined when the draft closes. */
  paragraphs: string[][];
}

/** A draft whose paragraphs have been joined. */
interface ClosedDraft {
  numbers: number[];
  paragraphs: string[];
}

export function readBody(units: readonly BodyUnit[], hyphenatedWords: ReadonlySet<string>): Body {
  const reader = new BodyReader(numberingOf(units), hyphenatedWords);
  for (const unit of units) reader.read(unit);
  return reader.finish();
}

class BodyReader {
  private readonly questions: BodyQuestion[] = [];
  private readonly answers: BodyAnswer[] = [];
  private readonly noteParagraphs: string[] = [];
  private readonly warnings: string[] = [];
  private current: Draft | null = null;
  private noteClosed = false;
  /** Questions read since the last answer: what a plain "Antwoord" answers. */
  private unanswered: number[] = [];
  private lastQuestionNumber = 0;
  private lastAnsweredNumber = 0;
  private pageBreakSinceText = false;
  private footnoteSinceText = false;

  constructor(
    private readonly numbering: Numbering,
    private readonly hyphenatedWords: ReadonlySet<string>,
  ) {}

  read(unit: BodyUnit): void {
    switch (unit.kind) {
      case 'question-heading':
        this.startQuestion(unit.numbers);
        break;
      case 'list-item':
        this.startQuestion([unit.number]);
        break;
      case 'answer-heading':
        this.startAnswer(unit.numbers);
        break;
      case 'note-heading':
        this.close();
        this.current = { role: 'note', numbers: [], paragraphs: [] };
        break;
      case 'separator':
        // A rule ends the Toelichting (footnotes or signatures follow); elsewhere it is a paragraph break.
        if (this.current?.role === 'note') {
          this.close();
          this.noteClosed = true;
        }
        break;
      case 'footnote':
        this.footnoteSinceText = true;
        if (unit.breakBefore === 'page') this.pageBreakSinceText = true;
        break;
      case 'text':
        if (unit.breakBefore === 'page') this.pageBreakSinceText = true;
        this.readText(unit.text);
        this.pageBreakSinceText = false;
        this.footnoteSinceText = false;
        break;
    }
  }

  private startQuestion(numbers: number[]): void {
    this.close();
    const assigned = numbers.length > 0 ? numbers : [this.lastQuestionNumber + 1];
    this.lastQuestionNumber = Math.max(...assigned);
    this.current = { role: 'question', numbers: assigned, paragraphs: [] };
  }

  private startAnswer(numbers: number[]): void {
    this.close();
    let assigned = numbers;
    if (assigned.length === 0) {
      assigned = this.unanswered.length > 0 ? [...this.unanswered] : [this.lastAnsweredNumber + 1];
      if (this.unanswered.length === 0) {
        this.warnings.push(`An 'Antwoord' heading follows no question; it was taken as the answer to question ${assigned[0]}`);
      }
    }
    this.unanswered = [];
    this.lastAnsweredNumber = Math.max(this.lastAnsweredNumber, ...assigned);
    this.current = { role: 'answer', numbers: [...assigned].sort((a, b) => a - b), paragraphs: [] };
  }

  private readText(text: string): void {
    const current = this.current;
    const last = current?.paragraphs[current.paragraphs.length - 1];
    if (last && this.continuesAfterBreak(last[last.length - 1], text)) {
      last.push(text);
      return;
    }
    if (this.numbering === 'paragraphs') {
      this.readParagraphQuestionText(text);
    } else if (current) {
      current.paragraphs.push([text]);
    } else {
      this.warnings.push(`Text outside any question or answer was not read: '${excerpt(text)}'`);
    }
  }

  /** A paragraph cut by a page break (or a footnote printed in between) goes on after it. */
  private continuesAfterBreak(last: string, next: string): boolean {
    if (endsSentence(withoutMarkers(last))) return false;
    return this.pageBreakSinceText || (this.footnoteSinceText && /^\p{Ll}/u.test(next));
  }

  /** Without numbering, a paragraph with a "?" is a question; one without is context for the next. */
  private readParagraphQuestionText(text: string): void {
    const current = this.current;
    const asks = asksQuestion(text);
    if (current?.role === 'note' || (current?.role === 'answer' && !asks)) {
      current.paragraphs.push([text]);
    } else if (current?.role === 'question' && !current.paragraphs.some((pieces) => pieces.some(asksQuestion))) {
      current.paragraphs.push([text]);
    } else if (!current && this.noteClosed) {
      this.warnings.push(`Text after the Toelichting was not read: '${excerpt(text)}'`);
    } else {
      this.close();
      this.current = { role: 'question', numbers: [], paragraphs: [[text]] };
    }
  }

  private close(): void {
    const draft = this.current;
    this.current = null;
    if (!draft) return;
    const closed = { numbers: draft.numbers, paragraphs: draft.paragraphs.map((pieces) => joinLines(pieces, this.hyphenatedWords)) };
    if (draft.role === 'note') {
      this.noteParagraphs.push(...closed.paragraphs);
    } else if (draft.role === 'answer') {
      this.closeAnswer(closed);
    } else {
      this.closeQuestion(closed);
    }
  }

  private closeAnswer(draft: ClosedDraft): void {
    const { text, markers, positions } = finalText(draft.paragraphs);
    if (text === '') {
      this.warnings.push(`The answer to ${questionWords(draft.numbers)} has no text`);
      return;
    }
    this.answers.push({ questionNumbers: draft.numbers, text, markers, positions });
  }

  private closeQuestion(draft: ClosedDraft): void {
    if (draft.numbers.length === 0) {
      if (!draft.paragraphs.some(asksQuestion)) {
        this.warnings.push(`Text after the last question was not read: '${excerpt(draft.paragraphs.join(' '))}'`);
        return;
      }
      draft.numbers = [++this.lastQuestionNumber];
    }
    this.unanswered.push(...draft.numbers);
    if (finalText(draft.paragraphs).text === '') {
      this.warnings.push(`${capitalise(questionWords(draft.numbers))} has no text`);
      return;
    }
    const texts = this.splitShared(draft);
    draft.numbers.forEach((number, index) => {
      this.questions.push({ number, ...finalText(texts[index]) });
    });
  }

  /**
   * One heading for several questions ("Vraag 4 en 5"): a paragraph each when the counts match,
   * else a "?"-sentence each when those counts match, else the whole text for each.
   */
  private splitShared(draft: ClosedDraft): string[][] {
    const count = draft.numbers.length;
    if (count === 1) return [draft.paragraphs];
    if (draft.paragraphs.length === count) return draft.paragraphs.map((paragraph) => [paragraph]);
    const asked = splitAtQuestionMarks(draft.paragraphs.join(' '));
    if (asked.length === count) return asked.map((sentence) => [sentence]);
    this.warnings.push(`${capitalise(questionWords(draft.numbers))} share one text that could not be divided; each got the whole text`);
    return draft.numbers.map(() => draft.paragraphs);
  }

  finish(): Body {
    this.close();
    this.checkNumbering();
    const note = finalText(this.noteParagraphs);
    return {
      questions: this.questions,
      answers: this.answers,
      explanatoryNote: note.text === '' ? null : { text: note.text, markers: note.markers },
      warnings: this.warnings,
    };
  }

  private checkNumbering(): void {
    const numbers = this.questions.map((question) => question.number);
    const seen = new Set<number>();
    const duplicates = new Set<number>();
    for (const number of numbers) (seen.has(number) ? duplicates : seen).add(number);
    if (duplicates.size > 0) this.warnings.push(`${capitalise(questionWords([...duplicates]))} ${duplicates.size === 1 ? 'occurs' : 'occur'} more than once`);
    const highest = Math.max(0, ...numbers);
    const missing = [];
    for (let n = 1; n <= highest && missing.length < 20; n++) if (!seen.has(n)) missing.push(n);
    if (numbers.length > 0 && missing.length > 0) this.warnings.push(`${capitalise(questionWords(missing))} ${missing.length === 1 ? 'is' : 'are'} missing`);
    if (this.questions.length === 0 || this.answers.length === 0) return;
    const answered = new Set(this.answers.flatMap((answer) => answer.questionNumbers));
    const unanswered = numbers.filter((number) => !answered.has(number));
    if (unanswered.length > 0) this.warnings.push(`No answer found to ${questionWords(unanswered)}`);
    const unknown = [...answered].filter((number) => !seen.has(number));
    if (unknown.length > 0) this.warnings.push(`Answers refer to ${questionWords(unknown)}, not in the document`);
  }
}

/** A question mark after words: "!!! ???" asks nothing. */
function asksQuestion(paragraph: string): boolean {
  const text = withoutMarkers(paragraph);
  const lastMark = text.lastIndexOf('?');
  return lastMark > 0 && /\p{L}{2}/u.test(text.slice(0, lastMark));
}

/** "Klopt het …? Zo ja, waarom? Wat vindt u …?" → one piece per "?"; trailing statements stay with the last. */
export function splitAtQuestionMarks(text: string): string[] {
  const pieces = text.split(/(?<=\?(?:\uE000[^\uE001]*\uE001)?)\s+/);
  const questions: string[] = [];
  for (const piece of pieces) {
    if (questions.length > 0 && !asksQuestion(piece)) {
      questions[questions.length - 1] += ` ${piece}`;
    } else {
      questions.push(piece);
    }
  }
  return questions;
}

/** Paragraphs joined by a blank line, markers taken out; where each marker stood in the joined text. */
function finalText(paragraphs: readonly string[]): { text: string; markers: string[]; positions: Record<string, number> } {
  const markers: string[] = [];
  const positions: Record<string, number> = {};
  const texts: string[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    const taken = takeMarkersWithPositions(paragraph);
    if (taken.text !== '' && texts.length > 0) offset += 2;
    for (const { marker, position } of taken.markers) {
      if (markers.includes(marker)) continue;
      markers.push(marker);
      positions[marker] = offset + position;
    }
    if (taken.text !== '') {
      texts.push(taken.text);
      offset += taken.text.length;
    }
  }
  return { text: texts.join('\n\n'), markers, positions };
}

function questionWords(numbers: readonly number[]): string {
  if (numbers.length === 1) return `question ${numbers[0]}`;
  return `questions ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function excerpt(text: string): string {
  const plain = collapseSpaces(withoutMarkers(text));
  return plain.length > 60 ? `${plain.slice(0, 57)}...` : plain;
}
