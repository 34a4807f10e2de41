export { parseDocument } from './parser/parse-document';
export { formatDutchDate, parseDutchDate } from './parser/dutch-dates';
// For readers of other formats (the open-data intake's XML): the same reading of a title, a header and posts.
export { readAnswerHeader, readPosts, readQuestionsTitle } from './parser/header';
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
export { documentText, DEFAULT_READ_LIMITS } from './formats/document-text';
export type { DocumentFile, DocumentReadLimits, DocumentText } from './formats/document-text';
export { DocumentFileNotReadable, UnsupportedDocumentFile, documentFormatOf, extensionOf } from './formats/document-format';
export type { DocumentFormat } from './formats/document-format';
export { writeAnswerDocumentWord, WORD_MEDIA_TYPE } from './answer-document-word';
export { answerDocumentContent } from './answer-document';
export type { AnswerDocumentBlock, AnswerDocumentContent } from './answer-document';
