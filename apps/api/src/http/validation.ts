import { ValidationPipe } from '@nestjs/common';

/** Refuses unknown fields and wrong types with messages that name the field. */
export function deskValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
  });
}
