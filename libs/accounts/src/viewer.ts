import type { Role } from './roles';

/** The signed-in person, as every use case sees them. */
export interface Viewer {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Null: sees every ministry's sets. */
  ministry: { code: string; name: string } | null;
}

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return roles.some((role) => viewer.roles.includes(role));
}
