import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

/** One composed e-mail, ready for the wire: the same whichever transport carries it. */
export interface OutgoingMail {
  /** Stable across retries (derived from the message's key): a receiver can drop a duplicate. */
  messageId: string;
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Where e-mails go: an SMTP server, or files for development. */
export interface MailTransport {
  readonly kind: 'smtp' | 'files';
  /** Resolves once the message was accepted (the server's answer, or the file written); throws otherwise. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

function toNodemailer(mail: OutgoingMail) {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    // Both parts in UTF-8, quoted-printable: readable in a text-only client, intact accents.
    textEncoding: 'quoted-printable' as const,
  };
}

/** nodemailer over SMTP_URL, with a small pool of connections (reused across messages). */
export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp';
  private readonly transporter: Transporter;

  constructor(url: string) {
    this.transporter = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: 3,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as Parameters<typeof nodemailer.createTransport>[0]);
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = (await this.transporter.sendMail(toNodemailer(mail))) as { response?: string };
    return info.response ?? 'accepted';
  }

  close(): void {
    this.transporter.close();
  }
}

/** Without SMTP_URL: each e-mail becomes an .eml file under DATA_DIR/mail (open it with any mail reader). */
export class FileTransport implements MailTransport {
  readonly kind = 'files';
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly directory: string) {}

  async send(mail: OutgoingMail): Promise<string> {
    const info = (await this.composer.sendMail(toNodemailer(mail))) as { message: Buffer };
    await mkdir(this.directory, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(
      this.directory,
      `${stamp}-${mail.messageId
        .split('@')[0]
        .replace(/[^a-zA-Z0-9-]/g, '')
        .slice(0, 16)}.eml`,
    );
    await writeFile(file, info.message);
    return `written to ${file}`;
  }

  close(): void {
    this.composer.close();
  }
}
