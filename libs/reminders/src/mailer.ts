import { connect, type Socket } from 'node:net';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DeskConfigService } from '@question-desk/config';
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** Deterministic per reminder, so a mail client or server can recognise a repeat. */
  messageId: string;
}

/**
 * How email leaves the desk:
 * - `smtp`: through the server in SMTP_URL;
 * - `log`: SMTP_URL is unset outside production: the message is written to the log instead;
 * - `off`: SMTP_URL is unset in production: reminders are in-app only;
 * - `misconfigured`: SMTP_URL is not a usable URL: every send fails with that reason (and is
 *   retried), so the worker keeps running and the in-app notifications still appear.
 */
export type MailChannel = 'smtp' | 'log' | 'off' | 'misconfigured';

/** An email did not go out; the message says why and what to check. Retried. */
export class MailFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailFailure';
  }
}

/** The mail server refused the message for good (for example an unknown recipient): retrying will not help. */
export class PermanentMailFailure extends MailFailure {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentMailFailure';
  }
}

function openSocket(host: string, port: number, timeoutMs: number, callback: (error: Error | null, socket?: { connection: Socket }) => void): void {
  const socket = connect({ host, port });
  socket.setNoDelay(true);
  const fail = (error: Error) => {
    socket.destroy();
    callback(error);
  };
  socket.setTimeout(timeoutMs, () => fail(Object.assign(new Error(`no connection to ${host}:${port} within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
  socket.once('error', fail);
  socket.once('connect', () => {
    socket.setTimeout(0);
    socket.off('error', fail);
    callback(null, { connection: socket });
  });
}

/** Sends email with nodemailer over SMTP (pooled connections), or logs it in development. */
@Injectable()
export class Mailer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  readonly channel: MailChannel;
  private readonly transport: Transporter | null = null;
  private readonly from: { name: string; address: string };
  private readonly problem: string | null;
  private readonly server: string | null = null;

  constructor(config: DeskConfigService) {
    const { mail, environment, reminders } = config.values;
    this.from = { name: mail.fromName, address: mail.fromAddress };
    this.problem = mail.smtpProblem;
    if (mail.smtpProblem) {
      this.channel = 'misconfigured';
    } else if (mail.smtpUrl) {
      this.channel = 'smtp';
      const url = new URL(mail.smtpUrl);
      const secure = url.protocol === 'smtps:';
      this.server = `${url.hostname}:${url.port || (secure ? 465 : 25)}`;
      // A send must end (well or badly) well within the lease, or a second worker could take the
      // reminder over while the first is still talking to the server.
      const timeout = Math.max(500, Math.min(30_000, Math.floor(reminders.leaseMs / 3)));
      this.transport = nodemailer.createTransport({
        host: url.hostname,
        port: url.port ? Number(url.port) : secure ? 465 : 25,
        secure,
        auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
        ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
        requireTLS: url.searchParams.get('requireTLS') === 'true',
        tls: url.searchParams.get('rejectUnauthorized') === 'false' ? { rejectUnauthorized: false } : undefined,
        // Our own TCP connection (nodemailer adds TLS for smtps://), sending each command at once:
        // otherwise Nagle's algorithm holds back the end of every message until the server's
        // delayed ACK, some 40 ms a message.
        getSocket: (options: { host?: string; port?: number }, callback: (error: Error | null, socket?: { connection: Socket }) => void) =>
          openSocket(options.host!, options.port!, timeout, callback),
        pool: true,
        maxConnections: reminders.concurrency,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      });
    } else {
      this.channel = environment === 'production' ? 'off' : 'log';
    }
  }

  /** False when reminders go out in the app only. */
  get sendsEmail(): boolean {
    return this.channel !== 'off';
  }

  onApplicationBootstrap(): void {
    switch (this.channel) {
      case 'smtp':
        this.logger.log(`Email goes out through the SMTP server at ${this.server}`);
        break;
      case 'log':
        this.logger.log('SMTP_URL is not set: emails are written to this log instead of being sent');
        break;
      case 'off':
        this.logger.warn('SMTP_URL is not set: reminders appear in the app only, no email is sent. Set SMTP_URL to send email.');
        break;
      case 'misconfigured':
        this.logger.error(`${this.problem}. Emails fail and are retried until SMTP_URL is corrected; reminders still appear in the app.`);
        break;
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  /** Resolves when the mail server has accepted the message; throws otherwise. */
  async send(mail: OutgoingMail): Promise<void> {
    if (this.channel === 'misconfigured') throw new MailFailure(`${this.problem}; the email was not sent`);
    if (this.channel === 'off') throw new MailFailure('Email is off (SMTP_URL is not set in production)');
    const message = { from: this.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId };
    if (this.channel === 'log') {
      this.logger.log({ msg: `Email (not sent: SMTP_URL is not set): ${mail.subject}`, to: mail.to.address, messageId: mail.messageId, text: mail.text });
      return;
    }
    try {
      const info = (await this.transport!.sendMail(message)) as { rejected: unknown[]; response: string };
      if (info.rejected.length > 0) throw new PermanentMailFailure(`The mail server at ${this.server} refused the recipient: ${info.response}`);
    } catch (error) {
      throw this.describe(error);
    }
  }

  /** An error whose message says what happened and what to check. */
  private describe(error: unknown): MailFailure {
    if (error instanceof MailFailure) return error;
    const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
    if (e.responseCode && e.responseCode >= 500 && e.code === 'EENVELOPE') {
      return new PermanentMailFailure(`The mail server at ${this.server} refused the message: ${e.response ?? e.message}`);
    }
    const reason = e.code ? `${e.code}: ${e.message}` : String(e.message ?? error);
    return new MailFailure(`The mail server at ${this.server} did not accept the message (${reason}). Check SMTP_URL and that the mail server runs.`);
  }
}
