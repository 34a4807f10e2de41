/**
 * Turning text cut from a PDF or converted to markdown into plain lines and paragraphs: line
 * endings, invisible characters, running headers and page numbers, hard wraps and hyphenation.
 */

/** Stands in the line list where a page ended (form feed, or a page header/footer was dropped). */
export const PAGE_BREAK = '\f';

/** Lines of the document: trimmed, NBSP as space, invisible characters gone, `\f` as its own line. */
export function normaliseLines(raw: string): string[] {
  return raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\f/g, `\n${PAGE_BREAK}\n`).split('\n').map(normaliseLine);
}

function normaliseLine(line: string): string {
  if (line === PAGE_BREAK) return line;
  return (
    line
      .replace(/[\u00A0\u2007\u202F\t\v]/g, ' ')
      // zero-width characters and the private-use range this parser uses for footnote placeholders
      .replace(/[\u200B\u200C\u2060\uFEFF\uE000-\uF8FF]|\u200D/g, '')
      .trim()
  );
}

/** Headers and footers a PDF repeats on each page; only dropped when they do repeat. */
const RUNNING_HEAD = [
  /^Aanhangsel\s+Handelingen\b/i,
  /^(?:Tweede|Eerste)\s+Kamer(?:,|\s+der\s+Staten-Generaal)/i,
  /^(?:TK|EK)\s+\d{4}/,
  /^vergaderjaar\s+\d{4}/i,
  /^ah-(?:tk|ek)-\d/i,
  /^kst-\d/i,
  /\bISSN\s+\d{4}-\d{3}[\dX]\b/i,
  /[’']s-Gravenhage\s+\d{4}$/i,
];

/** Page numbering that needs no repetition to be recognised. */
const PAGE_NUMBER = [/^[-–—]?\s*\d{1,3}\s*[-–—]?$/, /^Pagina\s+\d+\s*(?:van|\/)\s*\d+$/i, /^\d+\s*\/\s*\d+$/];

export interface PageFurniture {
  /** The lines, with each dropped header, footer or page number replaced by PAGE_BREAK. */
  lines: string[];
  /** The dropped lines: they still tell the chamber and the appendix number. */
  removed: string[];
}

/**
 * Drops running headers/footers (lines that look like one and occur on at least two pages, page
 * numbers inside them ignored) and lone page numbers. A lone number right above "Vragen van" is
 * kept: that is where the Aanhangsel prints the appendix number.
 */
export function removePageFurniture(lines: readonly string[]): PageFurniture {
  const looksLikeHead = lines.map((line) => line !== '' && RUNNING_HEAD.some((pattern) => pattern.test(line)));
  const occurrences = new Map<string, number>();
  lines.forEach((line, index) => {
    if (!looksLikeHead[index]) return;
    const key = furnitureKey(line);
    occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
  });
  const kept: string[] = [];
  const removed: string[] = [];
  lines.forEach((line, index) => {
    const repeatedHead = looksLikeHead[index] && (occurrences.get(furnitureKey(line)) ?? 0) >= 2;
    const pageNumber = isPageNumber(line) && !precedesQuestionsTitle(lines, index);
    if (repeatedHead || pageNumber) {
      removed.push(line);
      kept.push(PAGE_BREAK);
    } else {
      kept.push(line);
    }
  });
  return { lines: kept, removed };
}

/**
 * A lone page number, also when a converter made it a heading or bold ("## 1", "**2**"), as a PDF's
 * first page prints it above the appendix number.
 */
function isPageNumber(line: string): boolean {
  if (line === '') return false;
  const plain = /^[#*_]/.test(line)
    ? stripHeadingMarks(line)
        .replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2')
        .trim()
    : line;
  return PAGE_NUMBER.some((p) => p.test(plain));
}

function furnitureKey(line: string): string {
  return line.replace(/\d+/g, '#').toLowerCase();
}

function precedesQuestionsTitle(lines: readonly string[], index: number): boolean {
  for (let next = index + 1; next < lines.length && next <= index + 4; next++) {
    if (lines[next] === '' || lines[next] === PAGE_BREAK) continue;
    return /^Vragen\s+van\b/i.test(lines[next]);
  }
  return false;
}

/** Lines that separate parts of a document: `---`, `___`, `* * *`, `———`. */
export function isSeparatorLine(line: string): boolean {
  return /^(?:-{3,}|_{3,}|={3,}|[—–]{2,}|\*(?:\s*\*){2,}|-(?:\s-){2,})$/.test(line);
}

/**
 * Every hyphenated word written inside a line ("tech-bedrijven", "dual-use"), lower case, with
 * each adjacent pair of its parts. A hyphen at a line end is kept when the document writes the
 * word with a hyphen elsewhere.
 */
export function collectHyphenatedWords(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    const hyphen = line.indexOf('-');
    if (hyphen < 0 || hyphen === line.length - 1) continue;
    for (const token of line.split(' ')) {
      const word = token.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '').toLowerCase();
      if (!word.includes('-')) continue;
      words.add(word);
      const parts = word.split('-');
      for (let i = 0; i + 1 < parts.length; i++) words.add(`${parts[i]}-${parts[i + 1]}`);
    }
  }
  return words;
}

/**
 * Joins the hard-wrapped lines of one paragraph into one line. Works line by line, remembering
 * only the word that the last line ended with, so very long paragraphs stay linear.
 */
export function joinLines(lines: readonly string[], hyphenatedWords: ReadonlySet<string>): string {
  const parts: string[] = [];
  const word: OpenWord = { text: '', isUrl: false };
  for (const line of lines) {
    if (line === '') continue;
    if (parts.length > 0) {
      const lineBreak = readLineBreak(parts[parts.length - 1], word, line, hyphenatedWords);
      if (lineBreak === 'inside-word') {
        parts[parts.length - 1] = parts[parts.length - 1].slice(0, -1);
        word.text = word.text.slice(0, -1);
      }
      if (lineBreak === 'space') parts.push(' ');
      followWord(word, line, lineBreak !== 'space');
    } else {
      followWord(word, line, false);
    }
    parts.push(line);
  }
  return parts.join('');
}

/** The word the text so far ends with; a URL can run over several lines. */
interface OpenWord {
  text: string;
  isUrl: boolean;
}

function followWord(word: OpenWord, line: string, joinedToWord: boolean): void {
  const space = line.lastIndexOf(' ');
  if (space >= 0) {
    word.text = line.slice(space + 1);
    word.isUrl = isUrl(word.text);
  } else if (joinedToWord) {
    word.text = (word.text + line).slice(-200); // enough to judge a hyphen; the start decided isUrl
  } else {
    word.text = line;
    word.isUrl = isUrl(line);
  }
}

/**
 * What a line break stands for: a space, nothing (a URL or a real hyphen goes on), or a break
 * inside a word whose hyphen (or soft hyphen) must go.
 */
function readLineBreak(before: string, word: OpenWord, after: string, hyphenatedWords: ReadonlySet<string>): 'space' | 'none' | 'inside-word' {
  if (before.endsWith('\u00AD')) return 'inside-word';
  const firstToken = after.split(' ', 1)[0];
  if (word.isUrl && continuesUrl(word.text, firstToken)) return 'none';
  if (word.text.length > 1 && word.text.endsWith('-')) {
    const hyphen = lineEndHyphen(word.text, firstToken, hyphenatedWords);
    if (hyphen === 'drop') return 'inside-word';
    return hyphen === 'suspended' ? 'space' : 'none';
  }
  return 'space';
}

/** Words after which a hyphen is a suspended compound ("basis- en voortgezet onderwijs"). */
const SUSPENDED_COMPOUND_FOLLOWERS = new Set(['en', 'of', 'tot', 'noch', 'en/of']);

function lineEndHyphen(lastToken: string, firstToken: string, hyphenatedWords: ReadonlySet<string>): 'keep' | 'drop' | 'suspended' {
  const left = lastToken.slice(0, -1).replace(/^[^\p{L}\d]+/u, '');
  const right = /^[\p{L}\d]+/u.exec(firstToken)?.[0] ?? '';
  if (SUSPENDED_COMPOUND_FOLLOWERS.has(firstToken.toLowerCase())) return 'suspended';
  // Only a plain lower-case word broken before a lower-case word can be a printer's hyphenation.
  if (!/^\p{Ll}+$/u.test(left) || !/^\p{Ll}/u.test(right)) return 'keep';
  if (hyphenatedWords.has(`${left}-${right}`.toLowerCase())) return 'keep';
  return 'drop';
}

export function isUrl(token: string): boolean {
  return /^[<(]?(?:https?:\/\/|www\.)/i.test(token);
}

/** A URL broken over lines goes on when the line stops mid-URL or the next line is URL debris. */
export function continuesUrl(lastToken: string, firstToken: string): boolean {
  if (firstToken === '' || lastToken.endsWith('>')) return false;
  if (/[-%=&_~+]$/.test(lastToken) || /%[\dA-F]?$/i.test(lastToken)) return true;
  return /[/%=&~#]/.test(firstToken) || /^[-.]/.test(firstToken);
}

/** The paragraph ends a sentence (so a page break after it is a real paragraph break). */
export function endsSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  while (end > 0 && `"'’”»)]`.includes(trimmed[end - 1])) end--;
  return end > 0 && '.?!:;…'.includes(trimmed[end - 1]);
}

/**
 * Removes markdown and HTML dressing from a line or paragraph: emphasis, autolink brackets,
 * tags, entities and escapes. Markers of footnotes must have been taken out before.
 */
export function stripMarkup(text: string): string {
  if (!/[<&\\*_`]/.test(text)) return text;
  return (
    text
      .replace(/<((?:https?:\/\/|www\.)[^\s<>]*)>/gi, '$1')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<\/?[a-z][a-z\d]*(?:\s[^<>]*)?\/?>/gi, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
      // Bold markers never carry meaning here; single ones are italics when they touch a word.
      .replace(/\*\*|__/g, '')
      .replace(/(?<=\S)\*|\*(?=\S)/g, '')
      .replace(/(?<![\p{L}\d])_(?=\S)|(?<=\S)_(?![\p{L}\d])/gu, '')
      .replace(/`/g, '')
  );
}

/** Removes the `#` of a markdown heading. */
export function stripHeadingMarks(line: string): string {
  if (!/^#{1,6}\s/.test(line)) return line;
  let text = line.replace(/^#{1,6}\s+/, '');
  while (text.endsWith('#')) text = text.slice(0, -1); // closing hashes of "## Title ##"
  return text.trimEnd();
}

export function collapseSpaces(text: string): string {
  return text.replace(/[ \t]+/g, ' ').trim();
}
