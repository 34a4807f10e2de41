import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** A route anyone may call without a token (login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
