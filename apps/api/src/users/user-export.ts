import type { UserView } from '@question-desk/accounts';
import type { Table } from '@question-desk/exports';

/** The roles as the web app names them. */
const ROLE_NAMES: Record<string, string> = { desk: 'Deskmedewerker', drafter: 'Behandelaar', coordinator: 'Coördinator', admin: 'Beheerder' };

/** Accounts are a few thousand at most: the export of "Gebruikers" is every match of the filter in one page. */
export const USER_EXPORT_LIMIT = 100_000;

/** The accounts list ("Gebruikers") as a download, in Dutch; never a password or its hash (UserView has none). */
export const USER_EXPORT: Table<UserView> = {
  filename: 'gebruikers',
  sheet: 'Gebruikers',
  columns: [
    { header: 'Naam', value: (u) => u.name, width: 28 },
    { header: 'E-mailadres', value: (u) => u.email, width: 32 },
    { header: 'Rollen', value: (u) => u.roles.map((role) => ROLE_NAMES[role] ?? role).join(', '), width: 28 },
    { header: 'Ministerie', value: (u) => u.ministry?.code ?? null, width: 10 },
    { header: 'Naam ministerie', value: (u) => u.ministry?.name ?? null, width: 30 },
    { header: 'Actief', value: (u) => u.active, type: 'boolean', width: 8 },
    { header: 'Aangemaakt op', value: (u) => u.createdAt, type: 'datetime', width: 17 },
    { header: 'Laatst gewijzigd op', value: (u) => u.updatedAt, type: 'datetime', width: 17 },
  ],
};
