import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

/** Text with something besides spaces and line breaks in it ("   " is as empty as ""). */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: (args) => `${args?.property} must not be empty or only spaces`,
      },
    },
    options,
  );
}

/** May be left out, but not sent as null (unlike @IsOptional, which lets null through to the service). */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
