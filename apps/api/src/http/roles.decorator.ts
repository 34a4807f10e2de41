import { SetMetadata } from '@nestjs/common';
import type { Role } from '@question-desk/accounts';

export const ROLES_KEY = 'roles';

/** Only people with one of these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
