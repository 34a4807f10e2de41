import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/**
 * A field the body left out that the route needs gets one message, "<field> is required", instead
 * of every rule its (missing) value breaks ("must be shorter than …"). Optional fields are not
 * validated when left out, so an error about a missing value is always one about a required field.
 * Nested fields keep their path ("answers.0.text is required"): the pipe adds it afterwards.
 */
export function requiredFieldsNamed(errors: ValidationError[]): ValidationError[] {
  for (const error of errors) {
    // An error with children had its value removed by the pipe (it is the object the children are in).
    if (error.children?.length) requiredFieldsNamed(error.children);
    else if (error.constraints && error.value === undefined) error.constraints = { isRequired: `${error.property} is required` };
    // The value was needed only to tell a missing field; the answer never carries it.
    delete error.value;
  }
  return errors;
}

/** Refuses unknown fields and wrong types with messages that name the field. */
export function deskValidationPipe(): ValidationPipe {
  const pipe: ValidationPipe = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors: ValidationError[]) => standard(requiredFieldsNamed(errors)),
  });
  const standard = pipe.createExceptionFactory();
  return pipe;
}
