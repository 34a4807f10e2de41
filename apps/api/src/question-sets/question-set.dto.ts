import { PERSON_ACTIONS } from '@question-desk/question-sets';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MinistryDto } from '../auth/login.dto';
import { LateRiskDto } from '../statistics/late-risk.dto';

/** The shape of a question set in responses (see the public contract). */
export class MemberDto {
  @ApiProperty({ example: 'Van Helvert' })
  name: string;

  @ApiProperty({ example: 'CDA', nullable: true, type: String })
  party: string | null;
}

export class FootnoteDto {
  @ApiProperty({ example: '1' })
  marker: string;

  @ApiProperty({ example: 'https://www.rtlnieuws.nl/tech/artikel/5202012/huawei-testte-software-voor-herkenning-gezichten-oeigoeren' })
  text: string;

  @ApiPropertyOptional({
    example: 104,
    minimum: 0,
    description:
      'Where the marker stood in the text of the question or answer (an offset into it), as read at import; absent for footnotes imported before this was kept',
  })
  position?: number;
}

export class QuestionDto {
  @ApiProperty({ example: 1 })
  number: number;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: FootnoteDto, isArray: true })
  footnotes: FootnoteDto[];
}

export class AnswerDto {
  @ApiProperty({ example: [3, 4, 5], type: Number, isArray: true, description: 'The questions this answer covers' })
  questionNumbers: number[];

  @ApiProperty()
  text: string;

  @ApiProperty({ type: FootnoteDto, isArray: true })
  footnotes: FootnoteDto[];
}

export class PostponementDto {
  @ApiProperty({ example: '2021-01-11', format: 'date' })
  sentOn: string;

  @ApiProperty({ example: '2021-02-02', format: 'date' })
  newDeadline: string;

  @ApiProperty({ example: 'Afstemming met andere departementen is nodig.' })
  reason: string;
}

export class AssigneeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class RejectionDto {
  @ApiProperty({ nullable: true, type: String, example: 'Dit ligt bij JenV.' })
  reason: string | null;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class InternalDeadlinesDto {
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Draft ready' })
  draft: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Review done' })
  review: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Co-signatures in' })
  coSigning: string | null;
}

export class CoSignatureDto {
  @ApiProperty({ example: 'JenV' })
  ministry: string;

  @ApiProperty({ example: 'Jan Justitie' })
  signedBy: string;

  @ApiProperty({ format: 'date-time' })
  signedAt: string;
}

export class QuestionSetDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2020Z25656', nullable: true, type: String, description: 'Zaaknummer; null when unknown' })
  reference: string | null;

  @ApiProperty({ example: '2290', nullable: true, type: String, description: 'Aanhangsel Handelingen number; null when unknown' })
  appendixNumber: string | null;

  @ApiProperty({ enum: ['TK', 'EK'], description: 'TK = Tweede Kamer, EK = Eerste Kamer' })
  chamber: string;

  @ApiProperty({ example: 'Chinese surveillanceapparatuur', nullable: true, type: String })
  subject: string | null;

  @ApiProperty({ example: '2020-12-22', format: 'date', nullable: true, type: String, description: 'The "ingezonden" date' })
  submittedOn: string | null;

  @ApiProperty({ type: MemberDto, isArray: true })
  submitters: MemberDto[];

  @ApiProperty({ example: ['Minister van Buitenlandse Zaken'], type: String, isArray: true })
  addressees: string[];

  @ApiProperty({ type: MinistryDto, nullable: true })
  leadMinistry: MinistryDto | null;

  @ApiProperty({ type: MinistryDto, isArray: true, description: 'Ministries that co-sign ("mede namens")' })
  coSigningMinistries: MinistryDto[];

  @ApiProperty({ nullable: true, type: String, description: 'The Toelichting' })
  explanatoryNote: string | null;

  @ApiProperty({ example: ['2019Z15131'], type: String, isArray: true, description: 'References of earlier sets this one builds on' })
  relatedReferences: string[];

  @ApiProperty({ example: 5, description: 'How many questions the set holds (the detail lists them in `questions`)' })
  questionCount: number;

  @ApiPropertyOptional({ type: QuestionDto, isArray: true, description: 'Omitted in lists' })
  questions?: QuestionDto[];

  @ApiPropertyOptional({ type: AnswerDto, isArray: true, description: 'Omitted in lists' })
  answers?: AnswerDto[];

  @ApiProperty({ example: '2021-04-13', format: 'date', nullable: true, type: String, description: 'Null while open' })
  answeredOn: string | null;

  @ApiProperty({ example: 'Blok', nullable: true, type: String, description: 'Surname of the office holder who answered' })
  answeredBy: string | null;

  @ApiProperty({ example: 'Minister van Buitenlandse Zaken', nullable: true, type: String })
  answeredByPost: string | null;

  @ApiProperty({ example: '2021-01-12', format: 'date', nullable: true, type: String, description: "Submission date + the chamber's response period" })
  statutoryDeadline: string | null;

  @ApiProperty({
    example: '2021-01-12',
    format: 'date',
    nullable: true,
    type: String,
    description: "Effective deadline: the last postponement's date, else the statutory one",
  })
  deadline: string | null;

  @ApiProperty({ type: PostponementDto, isArray: true })
  postponements: PostponementDto[];

  @ApiProperty({ enum: ['received', 'assigned', 'drafting', 'in_review', 'co_signing', 'approved', 'answered', 'withdrawn'] })
  status: string;

  @ApiProperty({ description: 'Open and today (Europe/Amsterdam) is after `deadline`' })
  overdue: boolean;

  @ApiProperty({ description: 'Open, past the statutory deadline, and no postponement registered' })
  postponementMissing: boolean;

  @ApiProperty({ description: 'Calendar days past `deadline` (open: until today; answered: until answeredOn)' })
  daysOverdue: number;

  @ApiProperty({ nullable: true, type: Number, example: 4, description: 'Calendar days until `deadline`, negative when past it; null when closed' })
  daysLeft: number | null;

  @ApiProperty({ description: 'The reviewer sent the draft back and the drafter must make changes (status drafting)' })
  changesRequested: boolean;

  @ApiProperty({ type: RejectionDto, nullable: true, description: 'While back at the desk (received): why the last assignment was rejected' })
  lastRejection: RejectionDto | null;

  @ApiProperty({ type: AssigneeDto, nullable: true })
  assignee: AssigneeDto | null;

  @ApiProperty({ type: InternalDeadlinesDto, description: "The lead ministry's own deadlines; they move with a postponement" })
  internalDeadlines: InternalDeadlinesDto;

  @ApiProperty({ type: CoSignatureDto, isArray: true })
  coSignatures: CoSignatureDto[];

  @ApiPropertyOptional({
    enum: PERSON_ACTIONS,
    isArray: true,
    description: 'What you may do with the set now (in the detail and workflow answers)',
  })
  allowedActions?: string[];

  @ApiProperty({ example: 7, description: 'Send back with every change; a stale version gets 409' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiPropertyOptional({
    type: LateRiskDto,
    nullable: true,
    description: 'Open sets in lists and the detail: the chance it is answered after its statutory deadline; null when closed or the history says too little',
  })
  lateRisk?: LateRiskDto | null;
}

export class QuestionSetPageDto {
  @ApiProperty({ type: QuestionSetDto, isArray: true })
  items: QuestionSetDto[];

  @ApiProperty({ example: 3, description: 'Exact up to 10,000 matching sets; beyond that an estimate (then totalExact is false)' })
  total: number;

  @ApiProperty({ example: true, description: 'False when more than 10,000 sets match and total is an estimate' })
  totalExact: boolean;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Keyset paging: pass as `after` for the next page (as fast at any depth); null on the last page or when the order is by best match',
  })
  nextCursor: string | null;
}

/** The answer to an assignment: the set, and what the desk changed on the way. */
export class AssignedSetDto extends QuestionSetDto {
  @ApiProperty({
    type: String,
    isArray: true,
    description: 'Internal deadlines that had already passed (or were not a working day) and where they were moved; empty when none',
    example: ['The internal draft deadline would have been 2026-11-20, which has passed; it is set to 2026-12-02, the next working day.'],
  })
  warnings: string[];
}

export class ImportResultDto {
  @ApiProperty({ type: QuestionSetDto })
  questionSet: QuestionSetDto;

  @ApiProperty({ description: 'True when the document made a new set' })
  created: boolean;

  @ApiProperty({ description: 'False when this very document was imported before: nothing changed' })
  changed: boolean;

  @ApiProperty({ enum: ['questions', 'answers', 'questions-and-answers', 'postponement'] })
  kind: string;

  @ApiProperty({ type: String, isArray: true, description: 'What the reader noticed but could work around' })
  warnings: string[];
}

export class AuditEventDto {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ example: 'Dana Desk' })
  actor: string;

  @ApiProperty({ example: 'registered' })
  type: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed: the fields before and after' })
  details: Record<string, unknown>;
}
