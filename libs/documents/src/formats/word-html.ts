/**
 * A Word document as mammoth writes it in HTML, turned into the markdown-like text the parser
 * reads: headings as `##`, bold as `**`, numbered lists as `1.`, and Word's footnotes and endnotes
 * as `<sup>n</sup>` markers in the text with their definitions (`<sup>n</sup> text`) at the end,
 * numbered in the order the text refers to them, as Word prints them.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** Inline markup of one paragraph: bold and italics as markdown, markers kept, other tags gone. */
function inline(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<(strong|b)>([\s\S]*?)<\/\1>/gi, (_all, _tag, inner: string) => (inner.trim() ? `**${inner.trim()}**` : inner))
    .replace(/<(em|i)>([\s\S]*?)<\/\1>/gi, (_all, _tag, inner: string) => (inner.trim() ? `*${inner.trim()}*` : inner))
    .replace(/<sup>(\d{1,4})<\/sup>/gi, '\uE010$1\uE011')
    .replace(/<[^>]*>/g, '');
  return decode(text)
    .replace(/[ \t]+/g, ' ')
    .replace(/\uE010(\d+)\uE011/g, '<sup>$1</sup>')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

export function wordHtmlToText(html: string): string {
  // Notes: the definitions mammoth lists at the end, and the numbers the text refers to them by.
  const definitions = new Map<string, string>();
  let body = html.replace(/<li id="((?:footnote|endnote)-[^"]+)">([\s\S]*?)<\/li>/g, (_all, id: string, inner: string) => {
    definitions.set(id, inner.replace(/<a href="#(?:footnote|endnote)-ref-[^"]*">[\s\S]*?<\/a>/g, ''));
    return '';
  });
  body = body.replace(/<ol>\s*<\/ol>/g, '');
  const numbers = new Map<string, number>();
  body = body.replace(/<sup><a href="#((?:footnote|endnote)-[^"]+)"[^>]*>[\s\S]*?<\/a><\/sup>/g, (_all, id: string) => {
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    return `<sup>${numbers.get(id)}</sup>`;
  });

  const blocks: string[] = [];
  const listCounters: number[] = [];
  for (const match of body.matchAll(/<(h[1-6]|p|li|tr)(?:\s[^>]*)?>([\s\S]*?)<\/\1>|<(ol|ul)>|<\/(ol|ul)>/g)) {
    const [, tag, inner, open, close] = match;
    if (open) {
      listCounters.push(open === 'ol' ? 0 : -1);
      continue;
    }
    if (close) {
      listCounters.pop();
      continue;
    }
    if (tag === 'li' && /<(p|ol|ul)[\s>]/.test(inner)) {
      // A list item holding paragraphs: its paragraphs follow as blocks of their own.
      const text = inline(inner.replace(/<\/p>\s*<p>/g, '\n'));
      if (text) blocks.push(listItem(listCounters, text));
      continue;
    }
    const text = inline(tag === 'tr' ? inner.replace(/<\/t[dh]>/g, ' ') : inner);
    if (text === '') continue;
    if (/^h\d$/.test(tag)) blocks.push(`## ${text.replace(/\*\*/g, '')}`);
    else if (tag === 'li') blocks.push(listItem(listCounters, text));
    else blocks.push(text);
  }
  const notes = [...numbers].map(([id, number]) => `<sup>${number}</sup> ${inline(definitions.get(id) ?? '')}`);
  return [...blocks, ...notes].join('\n\n');
}

function listItem(counters: number[], text: string): string {
  const depth = counters.length - 1;
  if (depth < 0 || counters[depth] < 0) return `- ${text}`;
  counters[depth]++;
  return `${counters[depth]}. ${text}`;
}
