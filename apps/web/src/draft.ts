import type { DraftAnswer } from './api/types';

export interface DraftBlock {
  questionNumbers: number[];
  text: string;
}

/** Start of a draft: the saved answers, plus an empty block for every question no answer covers yet. */
export function initialBlocks(questionNumbers: number[], saved: ReadonlyArray<Pick<DraftAnswer, 'questionNumbers' | 'text'>>): DraftBlock[] {
  const blocks: DraftBlock[] = saved.map((a) => ({ questionNumbers: [...a.questionNumbers].sort((x, y) => x - y), text: a.text }));
  const covered = new Set(blocks.flatMap((b) => b.questionNumbers));
  for (const n of questionNumbers) if (!covered.has(n)) blocks.push({ questionNumbers: [n], text: '' });
  return blocks.sort((a, b) => a.questionNumbers[0] - b.questionNumbers[0]);
}

/** One answer for the questions of block i and i+1; their texts one after the other. */
export function combine(blocks: DraftBlock[], index: number): DraftBlock[] {
  if (index < 0 || index + 1 >= blocks.length) return blocks;
  const [a, b] = [blocks[index], blocks[index + 1]];
  const merged: DraftBlock = {
    questionNumbers: [...a.questionNumbers, ...b.questionNumbers].sort((x, y) => x - y),
    text: [a.text.trim(), b.text.trim()].filter(Boolean).join('\n\n'),
  };
  return [...blocks.slice(0, index), merged, ...blocks.slice(index + 2)];
}

/** One answer per question again; the text stays with the first question. */
export function split(blocks: DraftBlock[], index: number): DraftBlock[] {
  const block = blocks[index];
  if (!block || block.questionNumbers.length < 2) return blocks;
  const parts = block.questionNumbers.map((n, i) => ({ questionNumbers: [n], text: i === 0 ? block.text : '' }));
  return [...blocks.slice(0, index), ...parts, ...blocks.slice(index + 1)];
}

/** What the API accepts: every answer needs text, so empty blocks are left out of the save. */
export function toSave(blocks: DraftBlock[]): DraftBlock[] {
  return blocks.filter((b) => b.text.trim() !== '').map((b) => ({ questionNumbers: b.questionNumbers, text: b.text }));
}

/** The saved text that covers the same questions as a block (for the side-by-side view after a 409). */
export function textFor(saved: ReadonlyArray<Pick<DraftAnswer, 'questionNumbers' | 'text'>>, numbers: number[]): string {
  const texts = saved.filter((a) => a.questionNumbers.some((n) => numbers.includes(n))).map((a) => a.text);
  return [...new Set(texts)].join('\n\n');
}

export function sameDraft(a: DraftBlock[], b: DraftBlock[]): boolean {
  return JSON.stringify(toSave(a)) === JSON.stringify(toSave(b));
}
