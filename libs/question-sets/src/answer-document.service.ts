import { Injectable } from '@nestjs/common';
import type { Viewer } from '@question-desk/accounts';
import { writeAnswerDocument, writeAnswerDocumentWord, type AnswerDocumentInput } from '@question-desk/documents';
import { Clock } from '@question-desk/deadlines';
import { MinistriesService, ministryForPost, type MinistryDirectory } from '@question-desk/ministries';
import type { QuestionSetView } from './question-set.view';
import { QuestionSetsService } from './question-sets.service';

export interface AnswerDocument {
  /** "2020Z25656-antwoorden.md": the reference, else the appendix number, else the set's id. */
  filename: string;
  markdown: string;
}

export interface AnswerDocumentWord {
  /** "2020Z25656-antwoorden.docx". */
  filename: string;
  docx: Buffer;
}

/** The answers of a set as a document in the Aanhangsel's layout; drafts as a "Concept". */
@Injectable()
export class AnswerDocumentService {
  constructor(
    private readonly questionSets: QuestionSetsService,
    private readonly ministries: MinistriesService,
    private readonly clock: Clock,
  ) {}

  async write(viewer: Viewer, questionSetId: string): Promise<AnswerDocument> {
    const set = await this.questionSets.get(viewer, questionSetId);
    return {
      filename: `${fileNameOf(set)}-antwoorden.md`,
      markdown: writeAnswerDocument(await this.inputOf(set)),
    };
  }

  /** The same document as a Word file, footnotes as Word's own. */
  async writeWord(viewer: Viewer, questionSetId: string): Promise<AnswerDocumentWord> {
    const set = await this.questionSets.get(viewer, questionSetId);
    return { filename: `${fileNameOf(set)}-antwoorden.docx`, docx: await writeAnswerDocumentWord(await this.inputOf(set)) };
  }

  /** The posts valid on the submission date name the ministries. */
  private async inputOf(set: QuestionSetView): Promise<AnswerDocumentInput> {
    return answerDocumentInput(set, await this.ministries.recentDirectory(), this.clock.today());
  }
}

function fileNameOf(set: QuestionSetView): string {
  return (set.reference ?? set.appendixNumber ?? set.id).replace(/[^A-Za-z0-9._-]+/g, '-');
}

/**
 * What the document says of a set. The desk keeps ministries, the document names posts: a ministry
 * is written as the post the questions were put to in it ("Staatssecretaris van Economische Zaken
 * en Klimaat"), else as its minister.
 */
export function answerDocumentInput(set: QuestionSetView, directory: MinistryDirectory, today: string): AnswerDocumentInput {
  const answered = set.status === 'answered';
  const on = set.submittedOn ?? today;
  const ministryOf = (post: string) => ministryForPost(directory, post, on);
  const answers = set.answers ?? [];
  const postOf = (ministry: { code: string; name: string }) =>
    set.addressees.find((post) => ministryOf(post) === ministry.code) ?? `Minister van ${ministry.name}`;
  const coSigners = set.coSigningMinistries.filter((m) => m.code !== set.leadMinistry?.code);
  // In the order the questions name them, as "mede namens" does.
  coSigners.sort((a, b) => rank(set.addressees, a.code, ministryOf) - rank(set.addressees, b.code, ministryOf));
  const post = (answered ? set.answeredByPost : null) ?? (set.leadMinistry ? postOf(set.leadMinistry) : null);
  const name = answered ? set.answeredBy : null;
  return {
    chamber: set.chamber === 'EK' ? 'EK' : 'TK',
    reference: set.reference,
    appendixNumber: set.appendixNumber,
    subject: set.subject,
    submittedOn: set.submittedOn,
    submitters: set.submitters,
    addressees: set.addressees,
    answeredBy: post || name ? { name, post, coSigners: coSigners.map(postOf) } : null,
    answeredOn: answered ? set.answeredOn : null,
    draft: !answered,
    questions: set.questions ?? [],
    answers,
    explanatoryNote: set.explanatoryNote,
  };
}

function rank(addressees: readonly string[], code: string, ministryOf: (post: string) => string | null): number {
  const index = addressees.findIndex((post) => ministryOf(post) === code);
  return index < 0 ? addressees.length : index;
}
