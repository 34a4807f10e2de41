/**
 * Footnotes as the converters leave them: `1)`, superscripts `¹`, `<sup>1</sup>`, `[1]`, `[^1]`,
 * and bare digits glued to the text ("testte?1") that are only markers when the footnote exists.
 *
 * A marker found in text is replaced by a placeholder (private-use characters) so that it travels
 * with its sentence while questions are split and paragraphs joined; `takeMarkers` finally removes
 * the placeholders and says which footnotes the text carries.
 */
import { isUrl } from './text-cleanup';

export type FootnoteStyle = 'paren' | 'superscript' | 'sup' | 'bracket' | 'markdown' | 'bare';

export interface FootnoteDefinitionLine {
  marker: string;
  style: FootnoteStyle;
  /** The definition text on the marker's line. */
  text: string;
}

/** Which numbers the text refers to in the ambiguous styles, to recognise their definitions. */
export interface FootnoteReferences {
  /** "… 2020? 1)" */
  paren: Set<string>;
  /** "… testte?1", "… Nederland.2 Het" */
  glued: Set<string>;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Abbreviations after which a glued number is a number, not a footnote ("nr.2"). */
const ABBREVIATIONS = new Set(['nr', 'art', 'blz', 'p', 'pag', 'no', 'lid', 'par', 'hfst', 'bijl', 'vgl', 'sub']);

/**
 * A footnote definition at the start of a line, or null. Styles that could also be ordinary
 * text (`1)`, `[1]`, a bare `1`) count only when their content is a URL, or at the start of a
 * paragraph when the text refers to that number in the same style.
 */
export function readFootnoteDefinition(line: string, atParagraphStart: boolean, references: FootnoteReferences): FootnoteDefinitionLine | null {
  if (!DEFINITION_START.test(line)) return null;
  let match = SUP_DEFINITION.exec(line);
  if (match) return { marker: match[1], style: 'sup', text: match[2] };
  match = SUPERSCRIPT_DEFINITION.exec(line);
  if (match) return { marker: fromSuperscript(match[1]), style: 'superscript', text: match[2] };
  match = MARKDOWN_DEFINITION.exec(line);
  if (match) return { marker: match[1], style: 'markdown', text: match[2] };

  const ambiguous: Array<[RegExp, FootnoteStyle, ReadonlySet<string>]> = [
    [BRACKET_DEFINITION, 'bracket', NONE],
    [PAREN_DEFINITION, 'paren', references.paren],
    [BARE_DEFINITION, 'bare', references.glued],
  ];
  for (const [pattern, style, referenced] of ambiguous) {
    match = pattern.exec(line);
    if (!match) continue;
    const marker = String(Number(match[1]));
    const confirmed = isUrl(match[2]) || (atParagraphStart && (style === 'bracket' || referenced.has(marker)));
    return confirmed ? { marker, style, text: match[2] } : null;
  }
  return null;
}

const NONE: ReadonlySet<string> = new Set();
const MAY_HOLD_MARKER = new RegExp(`[\\d[<${SUPERSCRIPT_DIGITS}]`);
const DEFINITION_START = new RegExp(`^[<[\\d${SUPERSCRIPT_DIGITS}]`);
const SUP_DEFINITION = /^<sup>\s*(\w{1,4})\s*<\/sup>\s*(.*)$/i;
const SUPERSCRIPT_DEFINITION = new RegExp(`^([${SUPERSCRIPT_DIGITS}]{1,3})\\s*(\\S.*)$`);
const MARKDOWN_DEFINITION = /^\[\^(\w{1,10})\]:\s*(.*)$/;
const BRACKET_DEFINITION = /^\[\s*(\d{1,3})\s*\]:?\s+(\S.*)$/;
const PAREN_DEFINITION = /^(\d{1,2})\)\s+(\S.*)$/;
const BARE_DEFINITION = /^(\d{1,2})\s+(\S.*)$/;

/** Collects the numbers referred to in the ambiguous styles, from every line of the document. */
export function scanFootnoteReferences(lines: readonly string[]): FootnoteReferences {
  const references: FootnoteReferences = { paren: new Set(), glued: new Set() };
  for (const line of lines) {
    if (!/\d/.test(line)) continue;
    for (const match of line.matchAll(/(?<=\s)(\d{1,2})\)(?=$|[\s.,;:])/g)) references.paren.add(String(Number(match[1])));
    for (const found of gluedNumbers(line)) references.glued.add(found.marker);
  }
  return references;
}

interface GluedNumber {
  index: number;
  length: number;
  marker: string;
}

/**
 * Digits stuck to the end of a word or sentence: "testte?1", "Nederland.2 Het". Not numbers that
 * are part of a number ("1,5"), an abbreviation ("nr.2") or a short unit ("m2").
 */
function gluedNumbers(text: string): GluedNumber[] {
  const found: GluedNumber[] = [];
  for (const match of text.matchAll(/\d+/g)) {
    const index = match.index ?? 0;
    const digits = match[0];
    const next = text[index + digits.length] ?? '';
    if (digits.length > 2 || !(next === '' || /[\s.,;:!?)]/.test(next))) continue;
    if (isGluedAfter(text, index)) found.push({ index, length: digits.length, marker: String(Number(digits)) });
  }
  return found;
}

function isGluedAfter(text: string, index: number): boolean {
  const previous = text[index - 1] ?? '';
  if (/[?!’”"»)\]]/.test(previous)) return true;
  const wordBefore = /\p{L}+$/u.exec(text.slice(Math.max(0, index - 40), /[.,;:]/.test(previous) ? index - 1 : index));
  if (/[.,;:]/.test(previous)) return !!wordBefore && !ABBREVIATIONS.has(wordBefore[0].toLowerCase());
  return /\p{Ll}/u.test(previous) && !!wordBefore && wordBefore[0].length >= 4;
}

/**
 * Replaces the footnote markers in a paragraph by placeholders. Markers that could be ordinary
 * text are only taken when a footnote with that marker is defined.
 */
export function markFootnoteReferences(text: string, defined: ReadonlyMap<string, FootnoteStyle>): string {
  if (!MAY_HOLD_MARKER.test(text)) return text;
  const placeholder = (marker: string) => `${OPEN}${marker}${CLOSE}`;
  const marked = text
    .replace(/<sup>\s*(\w{1,4})\s*<\/sup>/gi, (_all, marker: string) => placeholder(marker))
    .replace(/\[\^(\w{1,10})\](?!:)/g, (_all, marker: string) => placeholder(marker))
    .replace(/\[\s*(\d{1,3})\s*\](?![:(])/g, (all, digits: string) => (defined.has(String(Number(digits))) ? placeholder(String(Number(digits))) : all))
    .replace(new RegExp(`[${SUPERSCRIPT_DIGITS}]{1,3}`, 'g'), (all) => (defined.has(fromSuperscript(all)) ? placeholder(fromSuperscript(all)) : all))
    .replace(/(?<=\s)(\d{1,2})\)(?=$|[\s.,;:])/g, (all, digits: string) =>
      defined.get(String(Number(digits))) === 'paren' ? placeholder(String(Number(digits))) : all,
    );
  const pieces: string[] = [];
  let from = 0;
  for (const found of gluedNumbers(marked)) {
    if (!defined.has(found.marker)) continue;
    pieces.push(marked.slice(from, found.index), placeholder(found.marker));
    from = found.index + found.length;
  }
  pieces.push(marked.slice(from));
  return pieces.join('');
}

/** Removes the placeholders (with the space before them) and returns the markers in order. */
export function takeMarkers(text: string): { text: string; markers: string[] } {
  const markers: string[] = [];
  const plain = text.replace(/\s*\uE000([^\uE001]*)\uE001/g, (_all, marker: string) => {
    if (!markers.includes(marker)) markers.push(marker);
    return '';
  });
  return { text: plain, markers };
}

/**
 * As takeMarkers, on a text whose spaces are collapsed first; each marker (once, where it first
 * stands) with the offset in the plain text where it stood: the character it followed ends there.
 */
export function takeMarkersWithPositions(text: string): { text: string; markers: { marker: string; position: number }[] } {
  const markers: { marker: string; position: number }[] = [];
  let plain = '';
  let from = 0;
  const collapsed = text.replace(/[ \t]+/g, ' ');
  for (const match of collapsed.matchAll(/\s*\uE000([^\uE001]*)\uE001/g)) {
    plain += collapsed.slice(from, match.index);
    from = (match.index ?? 0) + match[0].length;
    if (!markers.some(({ marker }) => marker === match[1])) markers.push({ marker: match[1], position: plain.length });
  }
  plain += collapsed.slice(from);
  const leading = plain.length - plain.trimStart().length;
  const trimmed = plain.trim();
  return { text: trimmed, markers: markers.map(({ marker, position }) => ({ marker, position: Math.min(Math.max(0, position - leading), trimmed.length) })) };
}

/** The text without footnote placeholders. */
export function withoutMarkers(text: string): string {
  return takeMarkers(text).text;
}

function fromSuperscript(digits: string): string {
  return String(Number([...digits].map((digit) => SUPERSCRIPT_DIGITS.indexOf(digit)).join('')));
}
