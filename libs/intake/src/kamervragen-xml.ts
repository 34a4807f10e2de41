import { parseDocument, parseDutchDate, readAnswerHeader, readQuestionsTitle, type ParsedDocument, type ParsedFootnote } from '@question-desk/documents';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A publication read: the document, and the answer's heading as written (the intake reads it again knowing the set's addressees). */
export type PublishedDocument = ParsedDocument & { answerHeading?: string | null };

/** A node of fast-xml-parser's ordered output: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
});

const tagOf = (node: XmlNode): string | null => Object.keys(node).find((key) => key !== ':@') ?? null;
const childrenOf = (node: XmlNode): XmlNode[] => {
  const tag = tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XmlNode[]) : [];
};

function find(nodes: XmlNode[], tag: string): XmlNode | null {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node;
    const inner = find(childrenOf(node), tag);
    if (inner) return inner;
  }
  return null;
}

/** Stands where a footnote's marker stood while the text is put together (a private-use character). */
const FOOTNOTE_PLACE = '\uE000';

/** Takes the stand-ins out of `text`, setting each footnote's position to where its marker stood. */
function withFootnotePositions(text: string, footnotes: ParsedFootnote[]): string {
  const parts = text.split(FOOTNOTE_PLACE);
  let offset = 0;
  parts.slice(0, -1).forEach((part, index) => {
    offset += part.length;
    if (footnotes[index]) footnotes[index].position = offset;
  });
  return parts.join('');
}

/** The text of a node, footnotes (`<noot>`) left out and collected. */
function textOf(node: XmlNode, footnotes: ParsedFootnote[]): string {
  const tag = tagOf(node);
  if (tag === '#text') return String(node['#text']);
  if (tag === 'noot') {
    const marker = collapse(
      childrenOf(node)
        .filter((n) => tagOf(n) === 'noot.nr')
        .map((n) => textOf(n, []))[0] ?? String(footnotes.length + 1),
    );
    const text = collapse(
      childrenOf(node)
        .filter((n) => tagOf(n) !== 'noot.nr')
        .map((n) => textOf(n, []))
        .join(' '),
    );
    // The marker's place is kept as a stand-in character until the text is final (withFootnotePositions).
    footnotes.push({ marker, text, position: -1 });
    return FOOTNOTE_PLACE;
  }
  return childrenOf(node)
    .map((child) => textOf(child, footnotes))
    .join('');
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The paragraphs (`<al>`) of a question or answer, joined as the desk keeps text: a blank line between. */
function paragraphs(node: XmlNode, footnotes: ParsedFootnote[]): string {
  const als: string[] = [];
  const walk = (nodes: XmlNode[]) => {
    for (const child of nodes) {
      const tag = tagOf(child);
      if (tag === 'al') als.push(collapse(textOf(child, footnotes)));
      else if (tag !== 'nr' && tag !== '#text') walk(childrenOf(child));
    }
  };
  walk(childrenOf(node));
  return als.filter(Boolean).join('\n\n');
}

const numbersIn = (text: string) => [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));

/** Every paragraph's text, in order: what the document parser reads when the XML has no question structure. */
function plainText(nodes: XmlNode[]): string {
  const lines: string[] = [];
  const walk = (list: XmlNode[]) => {
    for (const node of list) {
      const tag = tagOf(node);
      if (tag === 'al' || tag === 'nr' || tag === 'titel' || tag === 'kamervraagonderwerp' || tag === 'kamervraagomschrijving' || tag === 'kamervraagnummer') {
        lines.push(collapse(textOf(node, [])), '');
      } else if (tag !== '#text') walk(childrenOf(node));
    }
  };
  walk(nodes);
  return lines.join('\n');
}

/**
 * Reads a publication of written questions (kv-tk-…) or of their answers in the Aanhangsel (ah-tk-…)
 * from its XML: a `<kamervragen>` element with a heading (`kamervraagnummer`, `kamervraagonderwerp`,
 * `kamervraagomschrijving`) and `<vraag>`/`<antwoord>` elements with a `<nr>` and paragraphs `<al>`
 * (footnotes `<noot>` inside them). Where the XML has no such structure, only text, the desk's own
 * document parser reads that text. Throws, in words, on XML that is not well-formed.
 */
export function readKamervragenXml(xml: string): PublishedDocument {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`XML that is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  const root = parser.parse(xml) as XmlNode[];
  const kamervragen = find(root, 'kamervragen');
  const items = kamervragen ? collectItems(childrenOf(kamervragen)) : [];
  if (!kamervragen || items.length === 0) {
    const text = plainText(root);
    if (!text.trim()) throw new Error('XML without <kamervragen> and without text');
    return parseDocument(text);
  }
  const headingText = (tag: string) => {
    const node = find(childrenOf(kamervragen), tag);
    return node ? collapse(textOf(node, [])) : null;
  };
  const reference = headingText('kamervraagnummer')?.match(/\d{4}Z\d{5}/)?.[0] ?? null;
  const title = headingText('kamervraagonderwerp');
  const description = headingText('kamervraagomschrijving');
  const read = title ? readQuestionsTitle(title) : null;
  const submittedOn = title ? (/ingezonden\s+([^)]*)\)/i.exec(title)?.[1] ?? null) : null;

  const questions: ParsedDocument['questions'] = [];
  const answers: ParsedDocument['answers'] = [];
  let unanswered: number[] = [];
  for (const item of items) {
    const footnotes: ParsedFootnote[] = [];
    const text = withFootnotePositions(paragraphs(item.node, footnotes), footnotes);
    const nr = item.nr ? numbersIn(item.nr) : [];
    if (item.kind === 'vraag') {
      const number = nr[0] ?? (questions.at(-1)?.number ?? 0) + 1;
      questions.push({ number, text, footnotes });
      unanswered.push(number);
    } else {
      // "Antwoord 3, 4 en 5" names its questions; a bare "Antwoord" answers those asked since the last answer.
      const covered = nr.length ? nr : unanswered.length ? unanswered : [(answers.at(-1)?.questionNumbers.at(-1) ?? 0) + 1];
      answers.push({ questionNumbers: [...new Set(covered)].sort((a, b) => a - b), text, footnotes });
      unanswered = [];
    }
  }
  const answer = description && /antwoord/i.test(description) ? readAnswerHeader(description, read?.addressees ?? []) : null;
  const toelichting = find(childrenOf(kamervragen), 'toelichting');
  const explanatoryNote = toelichting ? paragraphs(toelichting, []) || null : null;
  const relatedReferences = [...new Set([...(explanatoryNote ?? '').matchAll(/\b\d{4}Z\d{5}\b/g)].map((m) => m[0]))].filter((r) => r !== reference);
  return {
    kind: answers.length ? (questions.length ? 'questions-and-answers' : 'answers') : 'questions',
    chamber: 'TK',
    reference,
    appendixNumber: null,
    subject: read?.subject ?? null,
    submittedOn: submittedOn ? parseDutchDate(submittedOn) : null,
    submitters: read?.submitters ?? [],
    addressees: read?.addressees ?? [],
    explanatoryNote,
    relatedReferences,
    questions,
    answers,
    answer,
    postponement: null,
    warnings: [],
    answerHeading: answer ? description : null,
  };
}

interface Item {
  kind: 'vraag' | 'antwoord';
  nr: string | null;
  node: XmlNode;
}

function collectItems(nodes: XmlNode[]): Item[] {
  const items: Item[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'vraag' || tag === 'antwoord') {
      const nr = childrenOf(node).find((n) => tagOf(n) === 'nr');
      items.push({ kind: tag, nr: nr ? collapse(textOf(nr, [])) : null, node });
    } else if (tag && tag !== '#text') items.push(...collectItems(childrenOf(node)));
  }
  return items;
}
