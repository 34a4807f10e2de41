/**
 * The answer document as a Word file (docx): the same blocks as the markdown one, with bold and
 * italics as Word runs, the appendix number as a heading, and footnotes as Word's own footnotes
 * whose references stand where the markers stood in the text. Importing the file again (mammoth
 * → the parser) gives the same set.
 */
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { answerDocumentContent, type AnswerDocumentBlock, type AnswerDocumentInput } from './answer-document';

export const WORD_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function writeAnswerDocumentWord(set: AnswerDocumentInput): Promise<Buffer> {
  const { blocks, footnotes } = answerDocumentContent(set);
  const document = new Document({
    creator: 'Question Desk',
    title: blocks.find((block) => block.kind === 'title')?.text,
    description: set.subject ?? undefined,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    footnotes: Object.fromEntries(footnotes.map((text, index) => [index + 1, { children: [new Paragraph({ children: [new TextRun(text)] })] }])),
    sections: [{ children: blocks.flatMap(paragraphsOf) }],
  });
  return Packer.toBuffer(document);
}

function paragraphsOf(block: AnswerDocumentBlock): Paragraph[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ children: [new TextRun({ text: block.text, bold: true })], spacing: { after: 200 } })];
    case 'appendix-number':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })];
    case 'reference':
      return [new Paragraph({ children: [new TextRun(block.text)] })];
    case 'concept':
      return [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: block.text, bold: true, color: 'B00020' })] })];
    case 'heading':
      return [new Paragraph({ children: [new TextRun({ text: block.text, bold: true })], spacing: { before: 240 }, keepNext: true })];
    case 'styled':
      return [new Paragraph({ children: styledRuns(block.markdown), spacing: { after: 120 } })];
    case 'text':
      return textParagraphs(block.text, block.markers);
  }
}

/** `**bold**` and `*italic*` of the header lines as runs. */
function styledRuns(markdown: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const match of markdown.matchAll(/\*\*([^*]+)\*\*|\*([^*]+)\*|([^*]+|\*)/g)) {
    if (match[1] !== undefined) runs.push(new TextRun({ text: match[1], bold: true }));
    else if (match[2] !== undefined) runs.push(new TextRun({ text: match[2], italics: true }));
    else runs.push(new TextRun(match[3]));
  }
  return runs;
}

/** A text's paragraphs (blank lines apart), each footnote reference at its offset. */
function textParagraphs(text: string, markers: readonly { number: number; position: number }[]): Paragraph[] {
  const sorted = [...markers].sort((a, b) => a.position - b.position);
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  const pieces = text.split(/(\n\s*\n)/);
  for (let index = 0; index < pieces.length; index += 2) {
    const piece = pieces[index];
    const end = offset + piece.length;
    const last = index + 2 >= pieces.length;
    const children: ParagraphChild[] = [];
    let from = 0;
    for (const marker of sorted) {
      const inside = marker.position >= offset && (marker.position < end || (marker.position === end && (last || marker.position > offset)));
      if (!inside || marker.position < offset + from) continue;
      const at = marker.position - offset;
      if (at > from) children.push(new TextRun(piece.slice(from, at)));
      children.push(new FootnoteReferenceRun(marker.number));
      from = at;
    }
    if (from < piece.length) children.push(new TextRun(piece.slice(from)));
    paragraphs.push(new Paragraph({ children, spacing: { after: 120 } }));
    offset = end + (pieces[index + 1]?.length ?? 0);
  }
  return paragraphs;
}
