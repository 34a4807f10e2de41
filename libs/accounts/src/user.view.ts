import type { Role } from './roles';
import type { User } from './user.entity';

/** An account as an administrator sees it. Holds no password, nor anything derived from one. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  ministry: { code: string; name: string } | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    ministry: user.ministry ? { code: user.ministry.code, name: user.ministry.name } : null,
    active: user.active,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
