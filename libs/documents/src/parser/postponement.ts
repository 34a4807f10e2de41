/**
 * A "Mededeling uitstel": the minister tells the Kamer the answers will come later than the three
 * weeks. The notice says so in a fixed phrase; it may name a new date and a reason.
 */
import { ParsedPostponement } from '../parsed-document';
import { DUTCH_DATE, calendarDate, dateAfter } from './dutch-dates';

const POSTPONES = /niet\s+binnen\s+de\s+(?:gebruikelijke\s+termijn|termijn\s+van\s+(?:drie|3)\s+weken)/i;

/**
 * Where the text says the answers will not come in time, as a statement (a question asking why
 * answers were late contains the same words but ends in "?"). -1 when it does not.
 */
export function findPostponementStatement(text: string): number {
  const match = POSTPONES.exec(text);
  if (!match) return -1;
  const sentenceEnd = /[.?!]/.exec(text.slice(match.index + match[0].length));
  return sentenceEnd?.[0] === '?' ? -1 : match.index;
}

/**
 * Reads date, new deadline and reason from the notice. `paragraphs` are the notice's paragraphs
 * from the one that postpones; `fullText` also holds the title ("Mededeling … (ontvangen …)").
 */
export function readPostponement(paragraphs: readonly string[], fullText: string): ParsedPostponement {
  const notice = paragraphs.join(' ');
  return {
    sentOn: dateAfter(fullText, 'ontvangen') ?? dateOfNotice(fullText),
    newDeadline: readNewDeadline(notice),
    reason: readReason(notice) ?? paragraphs.join('\n\n'),
  };
}

/** A date standing alone or after "Datum" / a place name ("Den Haag, 12 januari 2021"). */
function dateOfNotice(text: string): string | null {
  const match = new RegExp(String.raw`(?:^|\n)(?:datum\s*:?\s*|[\p{L}’' -]{2,30},\s*)?${DUTCH_DATE}\.?(?:\n|$)`, 'iu').exec(text);
  return match ? calendarDate(match[1], match[2], match[3]) : null;
}

/** "… uiterlijk 2 februari 2021 te beantwoorden", "… voor 2 februari 2021". */
function readNewDeadline(notice: string): string | null {
  const match = new RegExp(String.raw`(?<![\p{L}])(?:uiterlijk(?:\s+op)?|vóór|voor|tegen|rond|per)\s+${DUTCH_DATE}`, 'iu').exec(notice);
  return match ? calendarDate(match[1], match[2], match[3]) : null;
}

/**
 * The sentence that names the reason ("De reden van het uitstel is …"), else the clause that gives
 * it ("omdat …", "aangezien …"); null when the notice gives none.
 */
export function readReason(notice: string): string | null {
  const sentences = splitSentences(notice);
  const stated = sentences.find((sentence) => /(?<![\p{L}])reden(?![\p{L}])/iu.test(sentence));
  if (stated) return stated;
  for (const sentence of sentences) {
    const clause = /(?<![\p{L}])(?:omdat|aangezien|doordat|vanwege|in verband met)(?![\p{L}])/iu.exec(sentence);
    if (clause) return sentence.slice(clause.index).replace(/[.!]$/, '').trim();
  }
  return null;
}

/** Sentences end at ".", "!" or "?" followed by a space and a capital. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}‘“"«(])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}
