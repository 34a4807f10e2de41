import { DATE_YEARS, isCalendarDate, isWithinDateYears } from '@question-desk/deadlines';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A real calendar date written YYYY-MM-DD ("2021-02-31" is refused), within the desk's years (DATE_YEARS). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value) && isWithinDateYears(value),
        defaultMessage: (args) =>
          `${args?.property} must be a real date written YYYY-MM-DD from ${DATE_YEARS.first} to ${DATE_YEARS.last}, such as 2021-01-15 (got ${JSON.stringify(args?.value)?.slice(0, 40)})`,
      },
    },
    options,
  );
}
