/**
 * Writes a question set with its answers as the Aanhangsel van de Handelingen publishes them
 * (see seeds/003): title, appendix number and reference, "Vragen van … (ingezonden …)", "Antwoord
 * van … (ontvangen …)", then each question followed by its answer, the Toelichting and the
 * footnotes. The text is markdown that parseDocument reads back into the same members, posts,
 * dates, questions and answers, so a published answer can travel to another desk as a document.
 */
import type { ChamberCode } from './parsed-document';
import { formatDutchDate } from './parser/dutch-dates';

export interface AnswerDocumentFootnote {
  text: string;
  /** Where the marker stood in the text it belongs to (an offset, as read at import); at the end when unknown. */
  position?: number | null;
}

export interface AnswerDocumentInput {
  chamber: ChamberCode;
  reference: string | null;
  appendixNumber: string | null;
  subject: string | null;
  /** YYYY-MM-DD */
  submittedOn: string | null;
  submitters: { name: string; party: string | null }[];
  /** Posts as the parser normalises them: "Minister van Buitenlandse Zaken", "Minister-President". */
  addressees: string[];
  /** Who answers; null when nobody is known yet (the line is left out). */
  answeredBy: {
    /** Surname: "Blok". */
    name: string | null;
    /** "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"; null when unknown. */
    post: string | null;
    /** Posts that co-sign ("mede namens"). */
    coSigners: string[];
  } | null;
  /** YYYY-MM-DD the answer reached the chamber; null while it is a draft. */
  answeredOn: string | null;
  /** The answers are a draft (not sent): the document says "Concept". */
  draft: boolean;
  questions: { number: number; text: string; footnotes: AnswerDocumentFootnote[] }[];
  answers: { questionNumbers: number[]; text: string; footnotes: AnswerDocumentFootnote[] }[];
  explanatoryNote: string | null;
}

const TITLE = 'Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden';
const TITLE_EERSTE_KAMER = 'Vragen gesteld door de leden der Eerste Kamer, met de daarop door de regering gegeven antwoorden';
const DRAFT = 'Concept — deze antwoorden zijn nog niet verzonden';

/**
 * One block of the answer document. `styled` lines carry markdown emphasis (`**name**`, `*subject*`);
 * `text` is a question's or answer's own text with its footnote markers (numbers through the
 * document) at the offsets where they stood.
 */
export type AnswerDocumentBlock =
  | { kind: 'title'; text: string }
  | { kind: 'appendix-number'; text: string }
  | { kind: 'reference'; text: string }
  | { kind: 'concept'; text: string }
  | { kind: 'styled'; markdown: string }
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string; markers: { number: number; position: number }[] };

export interface AnswerDocumentContent {
  blocks: AnswerDocumentBlock[];
  /** The footnotes' texts, footnote N at index N - 1. */
  footnotes: string[];
}

/** What the answer document says, in order: the one source of the markdown and the Word document. */
export function answerDocumentContent(set: AnswerDocumentInput): AnswerDocumentContent {
  const footnotes = new FootnoteNumbers();
  const blocks: AnswerDocumentBlock[] = [{ kind: 'title', text: set.chamber === 'EK' ? TITLE_EERSTE_KAMER : TITLE }];
  if (set.appendixNumber) blocks.push({ kind: 'appendix-number', text: set.appendixNumber });
  if (set.reference) blocks.push({ kind: 'reference', text: set.reference });
  if (set.draft) blocks.push({ kind: 'concept', text: DRAFT });
  blocks.push({ kind: 'styled', markdown: questionsLine(set) });
  if ((set.answeredBy && set.answers.length > 0) || set.answeredOn)
    blocks.push({ kind: 'styled', markdown: answerLine(set.answeredBy, set.answeredOn, set.addressees) });

  for (const item of inReadingOrder(set)) {
    const text = item.text.trim();
    const leading = item.text.length - item.text.trimStart().length;
    const markers = footnotes.markersFor(item.footnotes).map(({ number, position }) => ({
      number,
      position: position === null ? text.length : Math.min(Math.max(0, position - leading), text.length),
    }));
    blocks.push({ kind: 'heading', text: 'number' in item ? `Vraag ${item.number}` : answerHeading(item.questionNumbers) });
    blocks.push({ kind: 'text', text, markers });
  }
  if (set.explanatoryNote?.trim()) blocks.push({ kind: 'heading', text: 'Toelichting:' }, { kind: 'text', text: set.explanatoryNote.trim(), markers: [] });
  return { blocks, footnotes: footnotes.texts() };
}

export function writeAnswerDocument(set: AnswerDocumentInput): string {
  const { blocks, footnotes } = answerDocumentContent(set);
  const written = blocks.map((block) => {
    switch (block.kind) {
      case 'title':
      case 'concept':
      case 'heading':
        return `**${block.text}**`;
      case 'appendix-number':
        return `## ${block.text}`;
      case 'reference':
        return block.text;
      case 'styled':
        return block.markdown;
      case 'text':
        return withMarkers(block.text, block.markers);
    }
  });
  if (footnotes.length > 0) written.push('---', ...footnotes.map((text, index) => `<sup>${index + 1}</sup> ${text}`));
  return `${written.join('\n\n')}\n`;
}

/** "Vragen van het lid X (CDA) aan de Minister van Y over Z (ingezonden 22 december 2020)." */
function questionsLine(set: AnswerDocumentInput): string {
  const parts = [set.submitters.length === 1 ? 'Vragen van het lid' : set.submitters.length > 1 ? 'Vragen van de leden' : 'Vragen'];
  if (set.submitters.length > 0) parts.push(members(set.submitters));
  if (set.addressees.length > 0) parts.push(`aan ${posts(set.addressees)}`);
  if (set.subject?.trim()) parts.push(`over *${set.subject.trim()}*`);
  if (set.submittedOn) parts.push(`(ingezonden ${formatDutchDate(set.submittedOn)})`);
  return `${parts.join(' ')}.`;
}

/**
 * "**A** (VVD)", "**A** en **B** (beiden GroenLinks)", "**A**, **B** en **C** (allen VVD)",
 * "**A** (VVD) en **B** (D66)": members next to each other of the same party share its parenthesis,
 * which is how the parser gives each name its party.
 */
export function members(submitters: readonly { name: string; party: string | null }[]): string {
  const groups: { names: string[]; party: string | null }[] = [];
  for (const { name, party } of submitters) {
    const last = groups[groups.length - 1];
    if (last && party !== null && last.party === party) last.names.push(name);
    else groups.push({ names: [name], party });
  }
  return enumerate(
    groups.map(({ names, party }) => {
      const written = enumerate(names.map((name) => `**${name}**`));
      if (party === null) return written;
      const together = names.length === 1 ? '' : names.length === 2 ? 'beiden ' : 'allen ';
      return `${written} (${together}${party})`;
    }),
  );
}

interface Post {
  title: 'Minister' | 'Staatssecretaris';
  preposition: 'van' | 'voor';
  department: string;
}

function readPost(post: string): Post | null {
  const match = /^(Minister|Staatssecretaris)\s+(van|voor)\s+(\S.*)$/i.exec(post.trim());
  if (!match) return null;
  const title = match[1].toLowerCase() === 'minister' ? 'Minister' : 'Staatssecretaris';
  return { title, preposition: match[2].toLowerCase() as Post['preposition'], department: match[3].trim() };
}

const PLURAL: Record<Post['title'], string> = { Minister: 'Ministers', Staatssecretaris: 'Staatssecretarissen' };

/**
 * "de Minister van X"; several: "de Ministers voor X en van Y en de Staatssecretaris van Z", the
 * grammar the parser reads back into the same list. Posts of the same title next to each other
 * share a plural title.
 */
export function posts(list: readonly string[]): string {
  const groups: { title: Post['title'] | null; items: string[] }[] = [];
  for (const written of list) {
    const post = readPost(written);
    const last = groups[groups.length - 1];
    if (post && last && last.title === post.title) last.items.push(`${post.preposition} ${post.department}`);
    else if (post) groups.push({ title: post.title, items: [`${post.preposition} ${post.department}`] });
    else groups.push({ title: null, items: [written.trim()] });
  }
  return enumerate(
    groups.map(({ title, items }) => {
      if (title === null) return `de ${items[0]}`;
      return `de ${items.length === 1 ? title : PLURAL[title]} ${enumerate(items)}`;
    }),
  );
}

/**
 * "Antwoord van Minister **Blok** (Buitenlandse Zaken), mede namens de Minister van Y (ontvangen 13
 * april 2021)." The department goes in parentheses without "van"/"voor", as published; the parser
 * takes "voor" from a post named elsewhere in the document, so "voor" is written out when no
 * other post tells it.
 */
function answerLine(answeredBy: AnswerDocumentInput['answeredBy'], answeredOn: string | null, addressees: readonly string[]): string {
  let who: string;
  const by = answeredBy ?? { name: null, post: null, coSigners: [] };
  const post = by.post ? readPost(by.post) : null;
  const name = by.name?.trim() ? `**${by.name.trim()}**` : null;
  if (!by.post && !name) {
    who = 'de regering';
  } else if (by.post && /^minister-president$/i.test(by.post.trim())) {
    who = name ? `Minister-President ${name}` : 'de Minister-President';
  } else if (post && name) {
    const known = [...addressees, ...by.coSigners].map(readPost).find((p) => p?.department.toLowerCase() === post.department.toLowerCase());
    const implied = known?.preposition ?? 'van';
    who = `${post.title} ${name} (${implied === post.preposition ? '' : `${post.preposition} `}${post.department})`;
  } else if (post || by.post) {
    who = `de ${by.post!.trim()}`;
  } else {
    who = `Minister ${name ?? ''}`.trim();
  }
  const coSigners = by.coSigners.length > 0 ? `, mede namens ${posts(by.coSigners)}` : '';
  const received = answeredOn ? ` (ontvangen ${formatDutchDate(answeredOn)})` : '';
  return `Antwoord van ${who}${coSigners}${received}.`;
}

/** "Antwoord 3"; "Antwoord op vraag 3, 4 en 5" for an answer that covers several questions. */
function answerHeading(questionNumbers: readonly number[]): string {
  const numbers = [...questionNumbers].sort((a, b) => a - b);
  return numbers.length === 1 ? `Antwoord ${numbers[0]}` : `Antwoord op vraag ${enumerate(numbers.map(String))}`;
}

type Item = AnswerDocumentInput['questions'][number] | AnswerDocumentInput['answers'][number];

/**
 * Each question followed by its answer; an answer that covers several questions follows the last
 * of them, so "Vraag 3", "Vraag 4", "Vraag 5", "Antwoord op vraag 3, 4 en 5". Answers to numbers
 * the set has no question for come last.
 */
function inReadingOrder(set: AnswerDocumentInput): Item[] {
  const questions = [...set.questions].sort((a, b) => a.number - b.number);
  const pending = [...set.answers];
  const items: Item[] = [];
  for (const question of questions) {
    items.push(question);
    for (let i = 0; i < pending.length;) {
      if (Math.max(...pending[i].questionNumbers) <= question.number) items.push(...pending.splice(i, 1));
      else i++;
    }
  }
  return [...items, ...pending];
}

/**
 * Footnotes are numbered anew through the document; the same footnote text keeps one number. A
 * marker goes where it stood in the text when the import kept that, else at the end of the text.
 */
class FootnoteNumbers {
  private readonly numbers = new Map<string, number>();

  markersFor(footnotes: readonly AnswerDocumentFootnote[]): { number: number; position: number | null }[] {
    const markers: { number: number; position: number | null }[] = [];
    for (const { text, position } of footnotes) {
      const key = text.trim();
      if (key === '') continue;
      if (!this.numbers.has(key)) this.numbers.set(key, this.numbers.size + 1);
      const number = this.numbers.get(key)!;
      if (!markers.some((marker) => marker.number === number)) markers.push({ number, position: typeof position === 'number' ? position : null });
    }
    return markers;
  }

  texts(): string[] {
    return [...this.numbers.keys()];
  }
}

/** The text with `<sup>N</sup>` at each marker's offset (markers at one offset in their order). */
function withMarkers(text: string, markers: readonly { number: number; position: number }[]): string {
  const sorted = [...markers].map((marker, order) => ({ ...marker, order })).sort((a, b) => a.position - b.position || a.order - b.order);
  let written = '';
  let from = 0;
  for (const { number, position } of sorted) {
    written += `${text.slice(from, position)}<sup>${number}</sup>`;
    from = position;
  }
  return written + text.slice(from);
}

/** "A", "A en B", "A, B en C". */
function enumerate(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
