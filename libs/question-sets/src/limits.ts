import { DATE_YEARS, isWithinDateYears } from '@question-desk/deadlines';
import { questionsNamed } from '@question-desk/errors';

/**
 * The size of what the desk keeps, the same for every way in: manual intake, an imported document,
 * a saved draft. A request or document over a limit is refused whole (4xx naming the limit), never
 * cut short or half stored. The API description states them (`describeLimits`).
 */
export const LIMITS = {
  questionsPerSet: 200,
  /** Highest question number ("Vraag 999"). */
  questionNumber: 999,
  questionText: 20_000,
  answersPerSet: 200,
  answerText: 50_000,
  subject: 1_000,
  explanatoryNote: 20_000,
  submitters: 50,
  memberName: 200,
  party: 100,
  addressees: 20,
  addressee: 300,
  relatedReferences: 50,
  /** Reasons of a rejection, transfer or postponement; a comment on requested changes. */
  reason: 5_000,
} as const;

const n = (value: number) => value.toLocaleString('en-GB');

/** One paragraph for the API description. */
export function describeLimits(): string {
  return (
    `Limits, the same for manual intake, imported documents and drafts: at most ${n(LIMITS.questionsPerSet)} questions per set ` +
    `(numbered 1 to ${LIMITS.questionNumber}) of at most ${n(LIMITS.questionText)} characters each; at most ${n(LIMITS.answersPerSet)} answers ` +
    `of at most ${n(LIMITS.answerText)} characters each; a subject of at most ${n(LIMITS.subject)} characters, a toelichting of at most ` +
    `${n(LIMITS.explanatoryNote)}; at most ${LIMITS.submitters} submitters and ${LIMITS.addressees} addressees; reasons and comments of at most ` +
    `${n(LIMITS.reason)} characters; dates from ${DATE_YEARS.first} to ${DATE_YEARS.last}. A request or document over a limit is refused whole ` +
    `(400 for a request, 422 for a document, naming the limit); nothing is cut short. Text may not contain NUL characters or lone surrogates. ` +
    `JSON bodies may be at most 1 MB and nest at most 32 levels.`
  );
}

interface Measured {
  subject: string | null;
  submittedOn: string | null;
  answer: { answeredOn: string | null } | null;
  postponement: { sentOn: string | null; newDeadline: string | null } | null;
  explanatoryNote: string | null;
  submitters: { name: string; party: string | null }[];
  addressees: string[];
  relatedReferences: string[];
  questions: { number: number; text: string }[];
  answers: { questionNumbers: number[]; text: string }[];
}

const chars = (text: string) => text.length;

/** What in a parsed document breaks the desk's limits, one sentence each; empty when it fits. */
export function limitProblems(doc: Measured): string[] {
  const problems: string[] = [];
  const tooLong = (what: string, text: string | null, limit: number) => {
    if (text !== null && chars(text) > limit) problems.push(`${what} has ${n(chars(text))} characters; the desk keeps at most ${n(limit)} characters.`);
  };
  if (doc.questions.length > LIMITS.questionsPerSet) {
    problems.push(`The document has ${doc.questions.length} questions; a set holds at most ${LIMITS.questionsPerSet}. Split it, or register the set by hand.`);
  }
  if (doc.answers.length > LIMITS.answersPerSet) {
    problems.push(`The document has ${doc.answers.length} answers; a set holds at most ${LIMITS.answersPerSet}.`);
  }
  const numbers = [...doc.questions.map((q) => q.number), ...doc.answers.flatMap((a) => a.questionNumbers)];
  const outOfRange = [...new Set(numbers.filter((number) => number < 1 || number > LIMITS.questionNumber))];
  if (outOfRange.length) {
    problems.push(
      `Questions are numbered from 1 to ${LIMITS.questionNumber}; the document has ${questionsNamed(outOfRange.slice(0, 5))}. Correct the numbering.`,
    );
  }
  const dates = [doc.submittedOn, doc.answer?.answeredOn, doc.postponement?.sentOn, doc.postponement?.newDeadline];
  for (const date of dates) {
    if (date && !isWithinDateYears(date))
      problems.push(`The date ${date} lies outside the years the desk accepts (${DATE_YEARS.first} to ${DATE_YEARS.last}).`);
  }
  tooLong('The subject', doc.subject, LIMITS.subject);
  tooLong('The toelichting', doc.explanatoryNote, LIMITS.explanatoryNote);
  if (doc.submitters.length > LIMITS.submitters) problems.push(`The document names ${doc.submitters.length} submitters; at most ${LIMITS.submitters}.`);
  if (doc.addressees.length > LIMITS.addressees) problems.push(`The document names ${doc.addressees.length} addressees; at most ${LIMITS.addressees}.`);
  doc.submitters.forEach((member, i) => {
    tooLong(`The name of submitter ${i + 1}`, member.name, LIMITS.memberName);
    tooLong(`The party of submitter ${i + 1}`, member.party, LIMITS.party);
  });
  doc.addressees.forEach((addressee, i) => tooLong(`Addressee ${i + 1}`, addressee, LIMITS.addressee));
  if (doc.relatedReferences.length > LIMITS.relatedReferences)
    problems.push(`The document names ${doc.relatedReferences.length} related references; at most ${LIMITS.relatedReferences}.`);
  for (const question of doc.questions.slice(0, LIMITS.questionsPerSet + 1))
    tooLong(`The text of question ${question.number}`, question.text, LIMITS.questionText);
  for (const answer of doc.answers.slice(0, LIMITS.answersPerSet + 1))
    tooLong(`The answer to ${questionsNamed(answer.questionNumbers)}`, answer.text, LIMITS.answerText);
  return problems.slice(0, 20);
}
