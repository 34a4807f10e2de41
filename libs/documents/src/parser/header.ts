/**
 * The header of a document: who asked whom about what and when ("Vragen van het lid … aan de
 * Minister van … over … (ingezonden …)"), who answered ("Antwoord van minister … (ontvangen …)"),
 * the reference, the Aanhangsel number and the chamber. Read by the grammar of these sentences,
 * not from a list of names: departments are whatever follows "van"/"voor".
 */
import { ChamberCode, ParsedAnswerHeader, ParsedMember } from '../parsed-document';
import { dateAfter } from './dutch-dates';

/** A zaaknummer: "2020Z25656". */
const REFERENCE = /\b\d{4}Z\d{5}\b/g;

/** A paragraph that belongs to the header of a document rather than to its questions. */
export function isHeaderParagraph(text: string): boolean {
  return (
    /^\(?\s*(?:ingezonden|ontvangen)\b/i.test(text) ||
    /\(\s*(?:ingezonden|ontvangen)\s/i.test(text) ||
    /^(?:de\s+)?vragen\s+(?:van|gesteld)\b/i.test(text) ||
    /^antwoord\s+van\b/i.test(text) ||
    /^(?:mededeling|uitstelbericht|uitstel)\b/i.test(text) ||
    /^\d{4}Z\d{5}\.?$/.test(text) ||
    /^(?:nr\.?\s*)?\d{1,5}$/i.test(text) ||
    /^(?:aanhangsel|handelingen|(?:tweede|eerste)\s+kamer|vergaderjaar|kamervragen|schriftelijke\s+vragen)\b/i.test(text) ||
    /^(?:vragen|antwoorden)$/i.test(text)
  );
}

/** The document's own reference: the first zaaknummer in its header. */
export function readReference(headerText: string): string | null {
  return headerText.match(REFERENCE)?.[0] ?? null;
}

/** All zaaknummers in a text, in order, once each. */
export function readReferences(text: string): string[] {
  return [...new Set(text.match(REFERENCE) ?? [])];
}

/** "## 2290", "2290" alone above the title, "Aanhangsel Handelingen II 2020/21, nr. 2290", "ah-tk-20202021-2290". */
export function readAppendixNumber(headerParagraphs: readonly string[], pageFurniture: readonly string[]): string | null {
  for (const paragraph of headerParagraphs) {
    const alone = /^(?:nr\.?\s*)?(\d{1,5})$/i.exec(paragraph);
    if (alone) return alone[1];
  }
  for (const line of [...headerParagraphs, ...pageFurniture]) {
    const named = /Aanhangsel\s+Handelingen\b[^\n]{0,60}?\bnr\.?\s*(\d{1,5})\b/i.exec(line) ?? /\bah-(?:tk|ek)-\d{8}-(\d{1,5})\b/i.exec(line);
    if (named) return named[1];
  }
  return null;
}

/** 'EK' when the header or the running heads name the Eerste Kamer; the Tweede Kamer otherwise. */
export function readChamber(headerParagraphs: readonly string[], pageFurniture: readonly string[]): ChamberCode {
  const eersteKamer = [
    /\bEerste\s+Kamer\b/i,
    /\bah-ek-/i,
    /\bHandelingen\s+I\s/,
    /\bEK\b.{0,40}\b(?:vergaderjaar|\d{4}[-–/]\d{2,4})/,
    /\bvergaderjaar\b.{0,40}\bEK\b/i,
  ];
  const lines = [...headerParagraphs, ...pageFurniture];
  return lines.some((line) => eersteKamer.some((pattern) => pattern.test(line))) ? 'EK' : 'TK';
}

export interface QuestionsTitle {
  submitters: ParsedMember[];
  addressees: string[];
  subject: string | null;
}

/**
 * "Vragen van het lid X (CDA) aan de Minister van Y over Z (ingezonden …)" and the same phrase
 * inside a postponement notice ("De vragen van het lid X (CDA) over Z (2020Z25656, …)").
 */
export function readQuestionsTitle(text: string): QuestionsTitle | null {
  const start = /\bvragen\s+van\s+(?:het|de)\s+(?:kamer)?(?:lid|leden)\s+/i.exec(text);
  if (!start) return null;
  const rest = text.slice(start.index + start[0].length);
  const endOfMembers = /\s+(aan|over)\s+|\s*\((?:ingezonden|\d{4}Z\d{5})|\s+kunnen\s/i.exec(rest);
  const membersText = endOfMembers ? rest.slice(0, endOfMembers.index) : rest;
  let addresseesText = '';
  let subjectText: string | null = null;
  if (endOfMembers?.[1]) {
    const after = rest.slice(endOfMembers.index + endOfMembers[0].length);
    if (endOfMembers[1].toLowerCase() === 'over') {
      subjectText = after;
    } else {
      const endOfAddressees = /\s+(over)\s+|\s*\((?:ingezonden|\d{4}Z\d{5})|\s+kunnen\s/i.exec(after);
      addresseesText = endOfAddressees ? after.slice(0, endOfAddressees.index) : after;
      if (endOfAddressees?.[1]) subjectText = after.slice(endOfAddressees.index + endOfAddressees[0].length);
    }
  }
  const subject = subjectText === null ? null : readSubject(subjectText);
  return { submitters: readMembers(membersText), addressees: readPosts(addresseesText), subject };
}

function readSubject(text: string): string | null {
  const end = /\s*\((?:ingezonden|\d{4}Z\d{5})|\s+kunnen\s+niet\b/i.exec(text);
  const subject = (end ? text.slice(0, end.index) : text).trim().replace(/[\s.,;:]+$/, '');
  return subject === '' ? null : subject;
}

/**
 * "de leden A en B (beiden GroenLinks)", "de leden A (VVD) en B (D66)", "A, B en C (allen VVD)":
 * names before each parenthesis share its party.
 */
export function readMembers(text: string): ParsedMember[] {
  const members: ParsedMember[] = [];
  const names = text.replace(/^\s*(?:(?:het|de)\s+)?(?:kamer)?(?:lid|leden)\s+/i, '');
  let from = 0;
  for (const party of names.matchAll(/\(([^()]*)\)/g)) {
    const index = party.index ?? 0;
    for (const name of splitNames(names.slice(from, index))) members.push({ name, party: readParty(party[1]) });
    from = index + party[0].length;
  }
  for (const name of splitNames(names.slice(from))) members.push({ name, party: null });
  return members;
}

function splitNames(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+en\s+/)
    .map((name) =>
      name
        .replace(/^en\s+/, '')
        .replace(/[\s.;:]+$/, '')
        .trim(),
    )
    .filter((name) => name !== '' && name !== 'en');
}

function readParty(text: string): string | null {
  const party = text.replace(/^\s*(?:beiden|beide|allen|alle|allebei)\s+/i, '').trim();
  return party === '' ? null : party;
}

const TITLE = String.raw`(?:minister-president|ministers?|staatssecretaris(?:sen)?)`;
/** Where one post ends and the next begins: ", " or " en " before a title or "van"/"voor". */
const BETWEEN_POSTS = new RegExp(
  String.raw`\s*,\s*(?:en\s+)?(?=(?:(?:de|het)\s+)?(?:${TITLE}\b|van\s|voor\s))|\s+en\s+(?=(?:(?:de|het)\s+)?(?:${TITLE}\b|van\s|voor\s))`,
  'i',
);

/**
 * "de ministers voor X en van Y en de staatssecretaris van Z" → ["Minister voor X",
 * "Minister van Y", "Staatssecretaris van Z"]. Department names keep their own "en" and commas.
 * `knownPosts` tell whether a department in parentheses ("minister Kaag (X)") is "van" or "voor".
 */
export function readPosts(text: string, knownPosts: readonly string[] = []): string[] {
  const posts: string[] = [];
  let title: string | null = null;
  for (const segment of text.split(BETWEEN_POSTS)) {
    const read = readPost(segment, title, knownPosts);
    if (!read) continue;
    title = read.title;
    if (read.post && !posts.includes(read.post)) posts.push(read.post);
  }
  return posts;
}

export interface PostHolder {
  /** Normalised: "Minister", "Staatssecretaris", "Minister-President". */
  title: string;
  post: string | null;
  name: string | null;
}

/**
 * One office holder as written: "de Minister van X", "minister Blok (Buitenlandse Zaken)",
 * "van X" after an earlier title, "Minister-President".
 */
export function readPost(segment: string, inheritedTitle: string | null, knownPosts: readonly string[] = []): PostHolder | null {
  const text = segment
    .trim()
    .replace(/[\s.,;:]+$/, '')
    .replace(/^(?:de|het)\s+/i, '');
  const titled = new RegExp(String.raw`^(${TITLE})(?![\p{L}-])\s*`, 'iu').exec(text);
  const title = titled ? normaliseTitle(titled[1]) : inheritedTitle;
  if (!title) return null;
  const rest = titled ? text.slice(titled[0].length) : text;
  if (title === 'Minister-President') {
    return { title, post: title, name: personName(rest) };
  }
  const department = /^(van|voor)\s+(.+)$/i.exec(rest);
  // "staatssecretaris Van Huffelen (Financiën)": a capitalised "Van" before parentheses starts a name.
  const isName = department !== null && /^V/.test(department[1]) && rest.includes('(');
  if (department && !isName) return { title, post: `${title} ${department[1].toLowerCase()} ${cleanDepartment(department[2])}`, name: null };
  const inParentheses = /\(([^()]+)\)/.exec(rest);
  const name = personName(rest);
  if (!inParentheses) return { title, post: null, name };
  const described = inParentheses[1].trim();
  const fullPost = readPost(described, null, knownPosts);
  if (fullPost?.post) return { title, post: fullPost.post, name };
  const explicit = /^(van|voor)\s+(.+)$/i.exec(described);
  if (explicit) return { title, post: `${title} ${explicit[1].toLowerCase()} ${cleanDepartment(explicit[2])}`, name };
  const departmentName = cleanDepartment(described);
  return { title, post: `${title} ${prepositionFor(departmentName, knownPosts)} ${departmentName}`, name };
}

/** The name written between the title and the parenthesis: "Blok", "Van Huffelen". */
function personName(text: string): string | null {
  const name = text.split(/[(,]/, 1)[0].trim();
  return name === '' ? null : name;
}

function normaliseTitle(title: string): string {
  const lower = title.toLowerCase();
  if (lower === 'minister-president') return 'Minister-President';
  return lower.startsWith('staatssecretaris') ? 'Staatssecretaris' : 'Minister';
}

function cleanDepartment(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:]+$/, '')
    .trim();
}

/**
 * "van" for a department, "voor" for a minister without one. The document itself says which when
 * it names the post in full elsewhere; otherwise a department is the likelier reading.
 */
function prepositionFor(department: string, knownPosts: readonly string[]): string {
  const wanted = department.toLowerCase();
  for (const post of knownPosts) {
    const known = /^(\S+)\s+(van|voor)\s+(.+)$/i.exec(post);
    if (known && known[3].toLowerCase() === wanted) return known[2].toLowerCase();
  }
  return 'van';
}

/**
 * "Antwoord van minister Blok (Buitenlandse Zaken) (ontvangen 13 april 2021)",
 * "Antwoord van Minister Kaag (X), mede namens Minister van Y en de Staatssecretaris van Z
 * (ontvangen 9 april 2021)."
 */
export function readAnswerHeader(text: string, knownPosts: readonly string[]): ParsedAnswerHeader {
  const answeredOn = dateAfter(text, 'ontvangen');
  let rest = text
    .replace(/^antwoord\s+van\s+/i, '')
    .replace(/\(\s*ontvangen[^()]*\)?/i, '')
    .trim()
    .replace(/[\s.,;:]+$/, '');
  let coSigners: string[] = [];
  const onBehalf = /,?\s*mede\s+namens\s+/i.exec(rest);
  if (onBehalf) {
    coSigners = readPosts(rest.slice(onBehalf.index + onBehalf[0].length), knownPosts);
    rest = rest.slice(0, onBehalf.index);
  }
  const lead = readPost(rest, null, [...knownPosts, ...coSigners]);
  return { answeredBy: lead?.name ?? null, answeredByPost: lead?.post ?? null, answeredOn, coSigners };
}

export interface Header extends QuestionsTitle {
  reference: string | null;
  appendixNumber: string | null;
  chamber: ChamberCode;
  submittedOn: string | null;
  answer: ParsedAnswerHeader | null;
}

/** Everything the header paragraphs (and the dropped running heads) say about the document. */
export function readHeader(paragraphs: readonly string[], pageFurniture: readonly string[]): Header {
  const text = paragraphs.join('\n');
  const titleParagraph = paragraphs.find((paragraph) => readQuestionsTitle(paragraph) !== null);
  const title = titleParagraph ? readQuestionsTitle(titleParagraph) : null;
  const addressees = title?.addressees ?? [];
  const answerParagraph = paragraphs.find((paragraph) => /^antwoord\s+van\b/i.test(paragraph));
  return {
    reference: readReference(text),
    appendixNumber: readAppendixNumber(paragraphs, pageFurniture),
    chamber: readChamber(paragraphs, pageFurniture),
    submitters: title?.submitters ?? [],
    addressees,
    subject: title?.subject ?? null,
    submittedOn: dateAfter(text, 'ingezonden'),
    answer: answerParagraph ? readAnswerHeader(answerParagraph, addressees) : null,
  };
}
