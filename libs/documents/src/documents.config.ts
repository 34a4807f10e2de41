import { configPart, wholeNumber } from '@question-desk/config';

declare module '@question-desk/config' {
  interface DeskConfigParts {
    /** Largest document the import accepts. */
    documentMaxBytes: number;
  }
}

/** The documents' settings. */
export const documentsConfig = configPart({
  variables: {
    DOCUMENT_MAX_BYTES: wholeNumber(1024, 50 * 1024 * 1024, 'a number of bytes from 1024 to 52428800').default(2 * 1024 * 1024),
  },
  read: (e) => ({ documentMaxBytes: e.DOCUMENT_MAX_BYTES }),
});
