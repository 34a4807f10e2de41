import type { Logger } from '@nestjs/common';
import { PermanentMailFailure, type Mailer, type OutgoingMail } from './mailer';

export interface DeliveryAttempt {
  /** 1-based. */
  attempt: number;
  of: number;
}

/**
 * One email whose ledger entries are already claimed (with a lease, in their own transaction):
 * what to send, and how to settle the claim once the mail server answered.
 */
export interface ClaimedMail {
  mail: OutgoingMail;
  /** The person turned email off for what it carries: settled as in the app only, nothing sent. */
  emailOff?: boolean;
  /** "Email for reminder … to user …": the start of the log line when the mail server refuses it. */
  what: string;
  /** Marks the claimed entries sent; `detail` says why no email went out (null: it did). */
  markSent(detail: string | null): Promise<void>;
  /**
   * After a refused email: back to pending for the next try, or failed when it was the last (or the
   * refusal is permanent). Returns what to log when they gave up, null when they will be tried again.
   */
  release(error: string, permanent: boolean): Promise<string | null>;
}

/**
 * The email to a person; its Message-ID names what it is about (`reminder-<id>`, `mail-<batch id>`),
 * the same on every try, so a mail client or server can tell a repeat.
 */
export function mailTo(
  person: { name: string; email: string },
  message: { subject: string; text: string; html: string },
  about: string,
  publicUrl: string,
): OutgoingMail {
  const { subject, text, html } = message;
  return { to: { name: person.name, address: person.email }, subject, text, html, messageId: `<${about}@${new URL(publicUrl).hostname}>` };
}

/**
 * Sends a claimed email and settles its claim: the one send step of every delivery (single reminders
 * and folded emails alike). Marked sent only after the mail server took it; a refusal releases the
 * claim, is logged with what to check, and is thrown again so the job is retried. Returns whether an
 * email went out (false: email is off, the entries are in the app only).
 */
export async function sendClaimed(mailer: Mailer, logger: Logger, claimed: ClaimedMail, attempt: DeliveryAttempt): Promise<boolean> {
  if (!mailer.sendsEmail || claimed.emailOff) {
    await claimed.markSent(claimed.emailOff ? 'in the app only: email is off in their settings' : 'in the app only: email is off');
    return false;
  }
  try {
    await mailer.send(claimed.mail);
  } catch (error) {
    const message = (error as Error).message;
    const gaveUp = await claimed.release(message, error instanceof PermanentMailFailure);
    // Logged here, with what to check; the processor logs every other kind of failure.
    const what = `${claimed.what} failed on attempt ${attempt.attempt} of ${attempt.of}: ${message}`;
    if (gaveUp) logger.error(`${what} ${gaveUp}`);
    else logger.warn(`${what} Trying again later.`);
    throw error;
  }
  await claimed.markSent(mailer.channel === 'log' ? 'email written to the log: SMTP_URL is not set' : null);
  return true;
}
