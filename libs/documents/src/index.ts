export { parseDocument } from './parser/parse-document';
export { formatDutchDate, parseDutchDate } from './parser/dutch-dates';
export { writeAnswerDocument } from './answer-document';
export type { AnswerDocumentInput } from './answer-document';
export { DocumentNotReadable } from './parsed-document';
export type {
  ChamberCode,
  DocumentKind,
  ParsedAnswer,
  ParsedAnswerHeader,
  ParsedDocument,
  ParsedFootnote,
  ParsedMember,
  ParsedPostponement,
  ParsedQuestion,
} from './parsed-document';
export { documentsConfig } from './documents.config';
