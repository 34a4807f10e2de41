import type { Table } from '@question-desk/exports';
import { NOTIFICATION_KIND_LABELS, type NotificationView } from '@question-desk/reminders';

/** More than a person ever gathers; the export of "Meldingen" is all of them, newest first. */
export const NOTIFICATION_EXPORT_LIMIT = 100_000;

/** The viewer's notifications ("Meldingen") as a download, in Dutch. */
export const NOTIFICATION_EXPORT: Table<NotificationView> = {
  filename: 'meldingen',
  sheet: 'Meldingen',
  columns: [
    { header: 'Ontvangen op', value: (n) => n.createdAt, type: 'datetime', width: 17 },
    { header: 'Soort', value: (n) => NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind, width: 36 },
    { header: 'Melding', value: (n) => n.message, width: 70 },
    { header: 'Gelezen', value: (n) => n.readAt !== null, type: 'boolean', width: 8 },
    { header: 'Gelezen op', value: (n) => n.readAt, type: 'datetime', width: 17 },
  ],
};
