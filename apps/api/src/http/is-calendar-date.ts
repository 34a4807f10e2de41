import { isCalendarDate } from '@question-desk/deadlines';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A real calendar date written YYYY-MM-DD ("2021-02-31" is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value),
        defaultMessage: (args) => `${args?.property} must be a real date written YYYY-MM-DD, such as 2021-01-15 (got ${JSON.stringify(args?.value)})`,
      },
    },
    options,
  );
}
