import { linkTo, type ReminderMessage } from './reminder-message';

/** One line of a folded email: what happened or is due, and the set's page. */
export interface FoldedLine {
  text: string;
  questionSetId: string | null;
}

/** A folded email lists this many lines; its subject and last line count them all. */
export const FOLDED_LIST_LIMIT = 50;

/**
 * One email for many notifications of one person (in Dutch): workflow events within the window,
 * or reminders above the digest threshold. The app keeps each one in detail.
 */
export function foldedMessage(input: {
  kind: 'workflow' | 'reminders';
  recipientName: string;
  publicUrl: string;
  /** The first FOLDED_LIST_LIMIT lines, oldest first. */
  lines: FoldedLine[];
  total: number;
}): ReminderMessage {
  const { lines, total, publicUrl } = input;
  const base = publicUrl.replace(/\/+$/, '');
  const inbox = `${base}/meldingen`;
  const linkOf = (line: FoldedLine) => (line.questionSetId ? linkTo(publicUrl, { id: line.questionSetId }) : inbox);
  if (input.kind === 'workflow' && total === 1 && lines.length === 1) {
    const [line] = lines;
    const text = [`Beste ${input.recipientName},`, '', `${line.text}.`, '', `Bekijk de vragen: ${linkOf(line)}`, '', SIGNATURE].join('\n');
    const html = page(line.text, [
      `<p>Beste ${escape(input.recipientName)},</p>`,
      `<p>${escape(line.text)}.</p>`,
      `<p><a href="${escape(linkOf(line))}">Bekijk de vragen</a></p>`,
    ]);
    return { subject: line.text, text, html };
  }
  const noun = input.kind === 'workflow' ? (total === 1 ? 'melding' : 'meldingen') : total === 1 ? 'herinnering' : 'herinneringen';
  const subject = `${total} ${noun} over Kamervragen`;
  const lead =
    input.kind === 'workflow'
      ? `Er ${total === 1 ? 'is' : 'zijn'} ${total} ${noun} voor u:`
      : `Er ${total === 1 ? 'staat' : 'staan'} ${total} ${noun} voor u klaar. Om u niet met losse e-mails te overladen, komen ze samen in dit overzicht:`;
  const more = total - lines.length;
  const text = [
    `Beste ${input.recipientName},`,
    '',
    lead,
    '',
    ...lines.map((line) => `- ${line.text}\n  ${linkOf(line)}`),
    ...(more > 0 ? [`- … en nog ${more}`] : []),
    '',
    `Alle meldingen staan in de app: ${inbox}`,
    '',
    SIGNATURE,
  ].join('\n');
  const html = page(subject, [
    `<p>Beste ${escape(input.recipientName)},</p>`,
    `<p>${escape(lead)}</p>`,
    `<ul>${lines.map((line) => `<li><a href="${escape(linkOf(line))}">${escape(line.text)}</a></li>`).join('')}</ul>`,
    ...(more > 0 ? [`<p>… en nog ${more}.</p>`] : []),
    `<p><a href="${escape(inbox)}">Alle meldingen in de app</a></p>`,
  ]);
  return { subject, text, html };
}

const SIGNATURE = 'Met vriendelijke groet,\nQuestion Desk\n\n(Dit is een automatisch bericht. Per soort melding kiest u in de app of u ook e-mail krijgt.)';

function page(title: string, body: string[]): string {
  return `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>\n${body.join('\n')}\n<p>Met vriendelijke groet,<br>Question Desk</p>\n<p><small>Dit is een automatisch bericht. Per soort melding kiest u in de app of u ook e-mail krijgt.</small></p>\n</body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
