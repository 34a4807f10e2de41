import type { Chamber } from '@question-desk/deadlines';
import { RuleViolation } from '@question-desk/errors';
/**
 * What the importer reads out of one document of written questions, answers, or a postponement
 * notice. Dates are calendar dates `YYYY-MM-DD`; text is plain (markdown emphasis removed, hard
 * wraps joined, footnote markers taken out and kept in `footnotes`).
 */
export type DocumentKind =
  /** Questions only: creates a set. */
  | 'questions'
  /** Answers (with or without the question texts): completes the set they answer. */
  | 'answers'
  /** Questions with their answers as published in the Aanhangsel. */
  | 'questions-and-answers'
  /** A "Mededeling uitstel": the answer comes later. */
  | 'postponement';

/** The chamber, in the deadlines' terms (its rule table): `Chamber`. */
export type ChamberCode = Chamber;

export interface ParsedMember {
  /** Surname as written, with its prefix: "Van den Nieuwenhuijzen", "Van Helvert". */
  name: string;
  /** Party abbreviation or name as written: "GroenLinks", "CDA", "D66"; null when not given. */
  party: string | null;
}

export interface ParsedFootnote {
  /** The marker as numbered in the document: "1", "2". */
  marker: string;
  text: string;
  /** Where the marker stood: an offset into the text of the question or answer that refers to it. */
  position: number;
}

export interface ParsedQuestion {
  number: number;
  text: string;
  footnotes: ParsedFootnote[];
}

export interface ParsedAnswer {
  /** The questions this answer covers, ascending: [3, 4, 5] for "Antwoord op vraag 3, 4 en 5". */
  questionNumbers: number[];
  text: string;
  footnotes: ParsedFootnote[];
}

export interface ParsedAnswerHeader {
  /** Surname of the office holder who answered: "Blok", "Kaag". */
  answeredBy: string | null;
  /** Their post, normalised: "Minister van Buitenlandse Zaken", "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking". */
  answeredByPost: string | null;
  /** The "ontvangen" date. */
  answeredOn: string | null;
  /** Posts after "mede namens", normalised like addressees. */
  coSigners: string[];
}

export interface ParsedPostponement {
  /** Date of the notice ("ontvangen …" or the date it carries). */
  sentOn: string | null;
  /** The date the notice promises the answers by, when it names one; null otherwise. */
  newDeadline: string | null;
  /** The reason given, as written. */
  reason: string | null;
}

export interface ParsedDocument {
  kind: DocumentKind;
  /** 'EK' when the document is of the Eerste Kamer, else 'TK' (the default when not stated). */
  chamber: ChamberCode;
  /** Zaaknummer such as "2020Z25656"; null when the document has none. */
  reference: string | null;
  /** Aanhangsel Handelingen number such as "2290"; null when unknown. */
  appendixNumber: string | null;
  subject: string | null;
  /** The "ingezonden" date. */
  submittedOn: string | null;
  submitters: ParsedMember[];
  /** Normalised posts: "Minister van Buitenlandse Zaken", "Staatssecretaris van Economische Zaken en Klimaat". */
  addressees: string[];
  /** The member's Toelichting, as plain text. */
  explanatoryNote: string | null;
  /** Other references named in the explanatory note (or elsewhere), excluding `reference`. */
  relatedReferences: string[];
  questions: ParsedQuestion[];
  answers: ParsedAnswer[];
  /** Present when the document carries answers ("Antwoord van …"). */
  answer: ParsedAnswerHeader | null;
  /** Present when the document is a postponement notice. */
  postponement: ParsedPostponement | null;
  /** Things the reader noticed but could work around, for the import log. */
  warnings: string[];
}

/**
 * The document cannot be read as written questions, answers or a postponement notice. `problems`
 * say, in words a desk officer can act on, what was missing or wrong.
 */
export class DocumentNotReadable extends RuleViolation {
  /** The whole of it in one line, for logs and the command line. */
  override readonly message: string;

  constructor(problems: string[]) {
    super(problems);
    this.message = `The document cannot be read as written questions or answers: ${problems.join('; ')}`;
  }
}
