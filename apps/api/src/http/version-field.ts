import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';

/**
 * The `version` an edit carries: the whole number the thing showed when the client loaded it
 * (optimistic locking). One rule for every edit: 0 is a version nothing has, so it gets the 409 of
 * any stale version (with the current one) rather than a 400; anything else not a whole number from
 * 0 is refused with one message naming what to send.
 */
export function VersionField(subject: string): PropertyDecorator {
  const message = `version must be the whole number the ${subject} showed when you loaded it`;
  return applyDecorators(
    ApiProperty({ example: 1, minimum: 0, description: `The version the ${subject} showed when you loaded it; a stale one gets 409 with the current version` }),
    ValidateBy({
      name: 'isVersion',
      validator: { validate: (value) => Number.isInteger(value) && (value as number) >= 0, defaultMessage: () => message },
    }),
  );
}
