import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OrganizationAccess } from '../../access/organization-access.service';
import { NotFoundError } from '../../common/errors/app-error';
import { createLogger } from '../../common/logging/logger';
import { enqueue } from '../../infra/jobs/enqueue';
import { jobType } from '../../infra/jobs/job-types';
import { JobsService } from '../../infra/jobs/jobs.service';
import { InvitationsService } from '../organizations/invitations.service';
import { DuesService } from './dues.service';
import { todayInParis } from './dues-status';
import { ImportRow, parseMembersCsv, RowError } from './member-csv';
import { MemberImportEntity } from './member-import.entity';
import { MemberCategoryValue } from './members.model';
import { MembersService } from './members.service';

/** Applies one chunk of an import, then queues the next: no transaction holds more than CHUNK rows. */
export const MemberImportJob = jobType<{ importId: string; offset: number }>('members.import');
const CHUNK = 200;

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
}

type Action =
  | { kind: 'create'; row: ImportRow }
  | {
      kind: 'update';
      row: ImportRow;
      userId: string;
      categories: MemberCategoryValue[] | null;
      paidUntil: string | null;
    }
  | { kind: 'unchanged'; row: ImportRow };

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

/**
 * CSV imports: a dry run reports what would happen and writes nothing; applying runs as a job in
 * chunks (each chunk its own transaction, progress in `member_imports`), invites new people (one
 * e-mail each) and updates existing members. The same file twice: everything `unchanged`.
 */
@Injectable()
export class MemberImportService {
  private readonly logger = createLogger('MemberImport');

  constructor(
    private readonly db: DataSource,
    private readonly members: MembersService,
    private readonly dues: DuesService,
    private readonly invitations: InvitationsService,
    private readonly access: OrganizationAccess,
    jobs: JobsService,
  ) {
    jobs.register({
      type: MemberImportJob,
      timeoutSeconds: 120,
      retry: { attempts: 5 },
      handle: (job, manager) => this.applyChunk(job.payload, manager),
    });
  }

  async dryRun(viewerId: string, organizationId: string, csv: string): Promise<ImportReport> {
    await this.members.assertAdmin(viewerId, organizationId);
    const parsed = parseMembersCsv(csv);
    const actions = await this.plan(this.db.manager, organizationId, parsed.rows);
    return { ...count(actions), errors: parsed.errors };
  }

  /** Checks the file (refusals write nothing), stores it and queues the job that applies it. */
  async start(viewerId: string, organizationId: string, csv: string): Promise<MemberImportEntity> {
    await this.members.assertAdmin(viewerId, organizationId);
    const parsed = parseMembersCsv(csv);
    return this.db.transaction(async (manager) => {
      const done = parsed.rows.length === 0;
      const [row] = (await manager.query(
        `INSERT INTO member_imports (organization_id, started_by, status, csv, total, processed, report, finished_at)
         VALUES ($1, $2, $3, $4, $5, 0, $6, $7) RETURNING id`,
        [
          organizationId,
          viewerId,
          done ? 'DONE' : 'QUEUED',
          done ? null : csv,
          parsed.rows.length,
          JSON.stringify({ created: 0, updated: 0, unchanged: 0, errors: parsed.errors } satisfies ImportReport),
          done ? new Date() : null,
        ],
      )) as { id: string }[];
      if (!done) await enqueue(manager, MemberImportJob, { importId: row.id, offset: 0 }, { key: `${row.id}:0` });
      return (await manager.findOneBy(MemberImportEntity, { id: row.id }))!;
    });
  }

  /** Starts the import and waits for it a little: small files come back finished, big ones running. */
  async applyAndWait(viewerId: string, organizationId: string, csv: string, waitMs = 15_000) {
    const started = await this.start(viewerId, organizationId, csv);
    const deadline = Date.now() + waitMs;
    let current = started;
    while ((current.status === 'QUEUED' || current.status === 'RUNNING') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = (await this.db.getRepository(MemberImportEntity).findOneBy({ id: started.id }))!;
    }
    return current;
  }

  /** NOT_FOUND unless the viewer administers the import's organisation. */
  async get(viewerId: string, id: string): Promise<MemberImportEntity> {
    const found = await this.db.getRepository(MemberImportEntity).findOneBy({ id });
    if (!found || !(await this.access.canAdminister(viewerId, found.organizationId)))
      throw new NotFoundError('Member import');
    return found;
  }

  /** What each row would do, from the state of the organisation now (one query for all rows). */
  private async plan(manager: EntityManager, organizationId: string, rows: ImportRow[]): Promise<Action[]> {
    if (rows.length === 0) return [];
    const states = (await manager.query(
      `SELECT e.email, m.user_id, m.categories,
              (SELECT max(d.period_end)::text FROM dues_payments d
                WHERE d.organization_id = $1 AND d.user_id = m.user_id) AS paid_until,
              EXISTS (SELECT 1 FROM invitations i
                       WHERE i.organization_id = $1 AND lower(i.email) = e.email
                         AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()) AS invited
         FROM unnest($2::text[]) AS e(email)
         LEFT JOIN users u ON lower(u.email) = e.email
         LEFT JOIN organization_memberships m ON m.organization_id = $1 AND m.user_id = u.id`,
      [organizationId, rows.map((row) => row.email)],
    )) as {
      email: string;
      user_id: string | null;
      categories: MemberCategoryValue[] | null;
      paid_until: string | null;
      invited: boolean;
    }[];
    const byEmail = new Map(states.map((state) => [state.email, state]));
    return rows.map((row): Action => {
      const state = byEmail.get(row.email)!;
      if (!state.user_id) return state.invited ? { kind: 'unchanged', row } : { kind: 'create', row };
      const categories = row.categories && !sameSet(row.categories, state.categories ?? []) ? row.categories : null;
      const paidUntil =
        row.paidUntil && (state.paid_until === null || row.paidUntil > state.paid_until) ? row.paidUntil : null;
      return categories || paidUntil
        ? { kind: 'update', row, userId: state.user_id, categories, paidUntil }
        : { kind: 'unchanged', row };
    });
  }

  private async applyChunk(payload: { importId: string; offset: number }, manager: EntityManager): Promise<void> {
    const [job] = (await manager.query(
      `SELECT id, organization_id, started_by, csv, report FROM member_imports WHERE id = $1 FOR UPDATE`,
      [payload.importId],
    )) as {
      id: string;
      organization_id: string;
      started_by: string | null;
      csv: string | null;
      report: ImportReport;
    }[];
    if (!job?.csv) return;
    if (!job.started_by) {
      await manager.query(
        `UPDATE member_imports SET status = 'FAILED', csv = NULL, finished_at = now() WHERE id = $1`,
        [job.id],
      );
      return;
    }
    const rows = parseMembersCsv(job.csv).rows;
    const chunk = rows.slice(payload.offset, payload.offset + CHUNK);
    const actions = await this.plan(manager, job.organization_id, chunk);
    const today = todayInParis();
    for (const action of actions) {
      if (action.kind === 'create')
        await this.invitations.createInvitation(manager, {
          organizationId: job.organization_id,
          email: action.row.email,
          role: 'MEMBER',
          invitedBy: job.started_by,
          categories: action.row.categories ?? [],
          duesPaidUntil: action.row.paidUntil,
        });
      else if (action.kind === 'update') {
        if (action.categories)
          await manager.query(
            'UPDATE organization_memberships SET categories = $3::text[] WHERE organization_id = $1 AND user_id = $2',
            [job.organization_id, action.userId, action.categories],
          );
        if (action.paidUntil)
          await this.dues.extendPaidUntil(manager, {
            organizationId: job.organization_id,
            userId: action.userId,
            paidUntil: action.paidUntil,
            today,
            recordedBy: job.started_by,
            reference: 'Import CSV',
          });
      }
    }
    const counts = count(actions);
    const report: ImportReport = {
      created: job.report.created + counts.created,
      updated: job.report.updated + counts.updated,
      unchanged: job.report.unchanged + counts.unchanged,
      errors: job.report.errors,
    };
    const next = payload.offset + CHUNK;
    const finished = next >= rows.length;
    await manager.query(
      `UPDATE member_imports SET status = $2, processed = $3, report = $4,
              csv = CASE WHEN $5 THEN NULL ELSE csv END, finished_at = CASE WHEN $5 THEN now() END
        WHERE id = $1`,
      [job.id, finished ? 'DONE' : 'RUNNING', Math.min(next, rows.length), JSON.stringify(report), finished],
    );
    if (finished) this.logger.info({ importId: job.id, ...counts }, 'member import applied');
    else await enqueue(manager, MemberImportJob, { importId: job.id, offset: next }, { key: `${job.id}:${next}` });
  }
}

function count(actions: Action[]): Omit<ImportReport, 'errors'> {
  return {
    created: actions.filter((a) => a.kind === 'create').length,
    updated: actions.filter((a) => a.kind === 'update').length,
    unchanged: actions.filter((a) => a.kind === 'unchanged').length,
  };
}
