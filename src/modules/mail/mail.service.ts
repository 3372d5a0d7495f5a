import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { Lifecycle } from '../../common/health/lifecycle';
import { createLogger } from '../../common/logging/logger';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { enqueue, enqueueMany } from '../../infra/jobs/enqueue';
import { Job, jobType } from '../../infra/jobs/job-types';
import { JobsService } from '../../infra/jobs/jobs.service';
import { MailContent } from './mail-templates';
import { parseSender } from './mail-sender';
import { FileTransport, MailTransport, OutgoingMail, SmtpTransport } from './mail-transport';

/** Sends one queued message (a `mail_messages` row). */
export const MailSendJob = jobType<{ id: string }>('mail.send');

/** Nightly: delivery records of e-mails sent more than 90 days ago go (their bodies went at sending). */
export const PurgeSentMailJob = jobType<Record<string, never>>('mail.purge-sent');

/** What a producer queues, in the transaction of its cause. */
export interface MailDraft {
  /** The cause, unique (e.g. `invitation:<id>:<token hash>`): queuing the same key twice sends once. */
  key: string;
  kind: string;
  /** The account it is about, when there is one (erased with it). */
  userId: string | null;
  to: string;
  /** The organisation whose name goes in the sender's display name. */
  organizationName: string | null;
  content: MailContent;
  headers?: Record<string, string>;
}

interface MessageRow {
  id: string;
  key: string;
  recipient: string;
  sender_name: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  headers: Record<string, string>;
  sent_at: Date | null;
}

/**
 * The mail queue. `queue` writes the message and its `mail.send` job in the caller's transaction;
 * the job sends it. Never twice: the job locks the message row, sends only if it carries no sent
 * record, and writes that record in the same transaction (a second instance, or a retry after a
 * crash before commit, waits on the lock and then finds it sent). The Message-ID is derived from
 * the key, so even a send whose commit was lost reaches the inbox as the same message.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = createLogger(MailService.name);
  readonly transport: MailTransport;
  private readonly from: { name: string; address: string };

  constructor(
    private readonly db: DataSource,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly http: HttpAdapterHost,
    private readonly jobs: JobsService,
    lifecycle: Lifecycle,
  ) {
    this.from = parseSender(config.mailFrom);
    this.transport = config.smtpUrl
      ? new SmtpTransport(config.smtpUrl)
      : new FileTransport(join(config.dataDir, 'mail'));
    jobs.register({
      type: MailSendJob,
      // An outage of a few hours delays mail and loses none: about 4 h of retries, then `failed`
      // (logged, counted in /health/ready, kept with its body; `cli jobs:retry mail.send` resends).
      retry: { attempts: 20, baseSeconds: 2, maxSeconds: 900 },
      timeoutSeconds: 60,
      claimSize: 20,
      pollSeconds: 2,
      handle: (job, manager) => this.send(job, manager),
    });
    jobs.register({
      type: PurgeSentMailJob,
      schedule: { cron: '45 3 * * *' },
      exclusive: true,
      handle: async (_job, manager) => {
        await manager.query(`DELETE FROM mail_messages WHERE sent_at < now() - interval '90 days'`);
      },
    });
    lifecycle.registerCheck('mail', async () => {
      const counts = await this.jobs.counts(MailSendJob);
      return {
        status: 'up',
        detail: { transport: this.transport.kind, waiting: counts.waiting, failed: counts.failed },
      };
    });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }

  /** The address people open: PUBLIC_URL, else this server's own (its real port). */
  publicUrl(): string {
    if (this.config.publicUrl) return this.config.publicUrl.replace(/\/+$/, '');
    const address = this.http.httpAdapter?.getHttpServer()?.address() as AddressInfo | null | undefined;
    return `http://localhost:${address?.port ?? this.config.port}`;
  }

  link(path: string): string {
    return `${this.publicUrl()}${path}`;
  }

  /** Queues a message in the caller's transaction; false when one with this key was queued already. */
  async queue(manager: EntityManager, draft: MailDraft): Promise<boolean> {
    const name = draft.organizationName ? `${draft.organizationName} · ${this.from.name}` : this.from.name;
    const rows = (await manager.query(
      `INSERT INTO mail_messages (key, kind, user_id, recipient, sender_name, subject, text_body, html_body, headers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (key) DO NOTHING RETURNING id`,
      [
        draft.key,
        draft.kind,
        draft.userId,
        draft.to,
        name.slice(0, 200),
        draft.content.subject,
        draft.content.text,
        draft.content.html,
        JSON.stringify(draft.headers ?? {}),
      ],
    )) as { id: string }[];
    if (rows.length === 0) return false;
    await enqueue(manager, MailSendJob, { id: rows[0].id }, { key: rows[0].id });
    return true;
  }

  /**
   * Many messages in one statement (a fan-out: an announcement's batch): as `queue` for each, keys
   * already taken skipped. Returns how many were queued.
   */
  async queueMany(manager: EntityManager, drafts: MailDraft[]): Promise<number> {
    if (drafts.length === 0) return 0;
    const column = <T>(pick: (draft: MailDraft) => T) => drafts.map(pick);
    const rows = (await manager.query(
      `INSERT INTO mail_messages (key, kind, user_id, recipient, sender_name, subject, text_body, html_body, headers)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[])
       ON CONFLICT (key) DO NOTHING RETURNING id`,
      [
        column((d) => d.key),
        column((d) => d.kind),
        column((d) => d.userId),
        column((d) => d.to),
        column((d) =>
          (d.organizationName ? `${d.organizationName} · ${this.from.name}` : this.from.name).slice(0, 200),
        ),
        column((d) => d.content.subject),
        column((d) => d.content.text),
        column((d) => d.content.html),
        column((d) => JSON.stringify(d.headers ?? {})),
      ],
    )) as { id: string }[];
    return enqueueMany(
      manager,
      MailSendJob,
      rows.map((row) => ({ payload: { id: row.id }, key: row.id })),
    );
  }

  /** The name of the person's first organisation (the sender's display name), if any. */
  async organizationNameOf(manager: EntityManager, userId: string): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT o.name FROM organization_memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = $1 ORDER BY m.created_at, o.name LIMIT 1`,
      [userId],
    )) as { name: string }[];
    return row?.name ?? null;
  }

  private async send(job: Job<{ id: string }>, manager: EntityManager): Promise<void> {
    const [row] = (await manager.query(
      `SELECT id, key, recipient, sender_name, subject, text_body, html_body, headers, sent_at
         FROM mail_messages WHERE id = $1 FOR UPDATE`,
      [job.payload.id],
    )) as MessageRow[];
    if (!row || row.sent_at) return;
    const mail: OutgoingMail = {
      messageId: `<${createHash('sha256').update(row.key).digest('hex').slice(0, 32)}@${this.from.address.split('@')[1] ?? 'maillage'}>`,
      from: { name: row.sender_name, address: this.from.address },
      to: row.recipient,
      subject: row.subject,
      text: row.text_body ?? '',
      html: row.html_body ?? '',
      headers: row.headers,
    };
    let response: string;
    try {
      response = await this.transport.send(mail);
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      // A permanent refusal (5xx: unknown mailbox, policy) will not change with retries: kept and logged.
      if (code === undefined || code < 500) throw err;
      const reason = `rejected ${code}: ${String((err as Error).message).slice(0, 400)}`;
      await manager.query(`UPDATE mail_messages SET smtp_response = $2 WHERE id = $1`, [row.id, reason]);
      this.logger.error({ mailId: row.id, kind: row.key.split(':')[0], smtp: reason }, 'e-mail refused by the server');
      return;
    }
    await manager.query(
      `UPDATE mail_messages SET sent_at = now(), smtp_response = $2, text_body = NULL, html_body = NULL WHERE id = $1`,
      [row.id, response.slice(0, 500)],
    );
    this.logger.info(
      {
        mailId: row.id,
        transport: this.transport.kind,
        subject: row.subject,
        // Development reads its links here (they carry secrets: never logged when SMTP delivers them).
        ...(this.transport.kind === 'files' ? { to: row.recipient, links: linksOf(row.text_body ?? '') } : {}),
      },
      'e-mail sent',
    );
  }
}

function linksOf(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s)]+/g) ?? [])];
}
