import { configPart, wholeNumber } from '@question-desk/config';
import { z } from 'zod';

declare module '@question-desk/config' {
  interface DeskConfigParts {
    deadlines: {
      eersteKamerResponseWeeks: number;
      postponementWeeks: number;
      /** Working days before the deadline in force by which the draft, the review and the co-signatures are due. */
      internal: { draft: number; review: number; coSigning: number };
    };
  }
}

/** The deadline rules' settings. */
export const deadlinesConfig = configPart({
  variables: {
    EK_RESPONSE_WEEKS: wholeNumber(1, 52, 'a whole number of weeks from 1 to 52').default(6),
    POSTPONEMENT_WEEKS: wholeNumber(1, 52, 'a whole number of weeks from 1 to 52').default(3),
    INTERNAL_DEADLINES: z
      .string()
      .regex(
        /^draft=\d{1,3},review=\d{1,3},coSigning=\d{1,3}$/,
        'must give the working days before the deadline for each step, such as draft=10,review=5,coSigning=2',
      )
      .default('draft=10,review=5,coSigning=2'),
  },
  read: (e) => ({
    deadlines: {
      eersteKamerResponseWeeks: e.EK_RESPONSE_WEEKS,
      postponementWeeks: e.POSTPONEMENT_WEEKS,
      internal: Object.fromEntries(
        e.INTERNAL_DEADLINES.split(',').map((pair) => {
          const [step, days] = pair.split('=');
          return [step, Number(days)];
        }),
      ) as { draft: number; review: number; coSigning: number },
    },
  }),
});
