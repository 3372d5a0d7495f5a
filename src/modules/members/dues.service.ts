import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BadInputError, NotFoundError } from '../../common/errors/app-error';
import { groupByKey, RequestLoaders } from '../../common/loaders/request-loaders';
import { isIsoDate } from '../../common/graphql/date-scalar';
import { RecordDuesPaymentInput } from './dto/member.inputs';
import { DuesPaymentEntity } from './dues-payment.entity';
import { MembersService } from './members.service';
import { addDays } from './dues-status';

export interface DuesPaymentSpec {
  organizationId: string;
  userId: string;
  amountCents: number;
  paidOn: string;
  periodStart: string;
  periodEnd: string;
  reference: string | null;
  recordedBy: string | null;
}

const COLUMNS = `id, organization_id AS "organizationId", user_id AS "userId", amount_cents AS "amountCents",
  paid_on::text AS "paidOn", period_start::text AS "periodStart", period_end::text AS "periodEnd",
  reference, recorded_by AS "recordedBy", created_at AS "createdAt"`;

/** Dues payments: dated periods from which the dues status is computed. */
@Injectable()
export class DuesService {
  constructor(
    private readonly db: DataSource,
    private readonly members: MembersService,
  ) {}

  async record(viewerId: string, input: RecordDuesPaymentInput): Promise<DuesPaymentEntity> {
    await this.members.assertAdmin(viewerId, input.organizationId);
    const spec: DuesPaymentSpec = {
      organizationId: input.organizationId,
      userId: input.userId,
      amountCents: input.amountCents,
      paidOn: input.paidOn,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      reference: input.reference?.trim() || null,
      recordedBy: viewerId,
    };
    assertValidPayment(spec);
    return this.db.transaction((manager) => this.insert(manager, spec));
  }

  /**
   * Inserts a payment in the caller's transaction, after locking the membership (two payments for
   * one member queue, so the overlap check holds). NOT_FOUND when the person is not a member.
   */
  async insert(manager: EntityManager, spec: DuesPaymentSpec): Promise<DuesPaymentEntity> {
    const [membership] = (await manager.query(
      'SELECT 1 FROM organization_memberships WHERE organization_id = $1 AND user_id = $2 FOR UPDATE',
      [spec.organizationId, spec.userId],
    )) as unknown[];
    if (!membership) throw new NotFoundError('Membership');
    const [overlap] = (await manager.query(
      `SELECT period_start::text AS start, period_end::text AS "end" FROM dues_payments
        WHERE organization_id = $1 AND user_id = $2 AND period_start <= $4::date AND period_end >= $3::date LIMIT 1`,
      [spec.organizationId, spec.userId, spec.periodStart, spec.periodEnd],
    )) as { start: string; end: string }[];
    if (overlap)
      throw new BadInputError(
        { periodStart: `overlaps the payment already recorded for ${overlap.start} to ${overlap.end}` },
        'DUES_PERIOD_OVERLAP',
      );
    const [row] = (await manager.query(
      `INSERT INTO dues_payments (organization_id, user_id, amount_cents, paid_on, period_start, period_end, reference, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        spec.organizationId,
        spec.userId,
        spec.amountCents,
        spec.paidOn,
        spec.periodStart,
        spec.periodEnd,
        spec.reference,
        spec.recordedBy,
      ],
    )) as DuesPaymentEntity[];
    return row;
  }

  /**
   * Makes the membership paid up to `paidUntil` (an import's `cotisation_jusqu_au`): when it is
   * paid until an earlier day (or never), a payment of 0 for the missing period (at most a year,
   * ending that day) is recorded. False when nothing changed.
   */
  async extendPaidUntil(
    manager: EntityManager,
    spec: {
      organizationId: string;
      userId: string;
      paidUntil: string;
      today: string;
      recordedBy: string | null;
      reference: string;
    },
  ): Promise<boolean> {
    await manager.query(
      'SELECT 1 FROM organization_memberships WHERE organization_id = $1 AND user_id = $2 FOR UPDATE',
      [spec.organizationId, spec.userId],
    );
    const [{ paid_until: current }] = (await manager.query(
      `SELECT max(period_end)::text AS paid_until FROM dues_payments WHERE organization_id = $1 AND user_id = $2`,
      [spec.organizationId, spec.userId],
    )) as { paid_until: string | null }[];
    if (current !== null && current >= spec.paidUntil) return false;
    const yearBefore = addDays(
      `${Number(spec.paidUntil.slice(0, 4)) - 1}${spec.paidUntil.slice(4).replace('-02-29', '-02-28')}`,
      1,
    );
    const start = current !== null && addDays(current, 1) > yearBefore ? addDays(current, 1) : yearBefore;
    await this.insert(manager, {
      organizationId: spec.organizationId,
      userId: spec.userId,
      amountCents: 0,
      paidOn: spec.today < spec.paidUntil ? spec.today : spec.paidUntil,
      periodStart: start,
      periodEnd: spec.paidUntil,
      reference: spec.reference,
      recordedBy: spec.recordedBy,
    });
    return true;
  }

  /** A membership's payments, latest period first, batched per request. */
  payments(loaders: RequestLoaders, organizationId: string, userId: string): Promise<DuesPaymentEntity[]> {
    return loaders
      .get<string, DuesPaymentEntity[]>('members.duesPayments', async (keys) => {
        const pairs = keys.map((k) => k.split(':'));
        const rows = (await this.db.query(
          `SELECT ${COLUMNS} FROM dues_payments d
            WHERE (d.organization_id, d.user_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
            ORDER BY d.period_end DESC, d.id`,
          [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        )) as DuesPaymentEntity[];
        return groupByKey(keys, rows, (row) => `${row.organizationId}:${row.userId}`);
      })
      .load(`${organizationId}:${userId}`);
  }
}

/** Amounts and dates that make sense; BAD_USER_INPUT naming the field otherwise. */
export function assertValidPayment(
  spec: Pick<DuesPaymentSpec, 'amountCents' | 'paidOn' | 'periodStart' | 'periodEnd'>,
) {
  const problems: Record<string, string> = {};
  if (!Number.isInteger(spec.amountCents) || spec.amountCents < 0) problems.amountCents = 'must not be negative';
  for (const field of ['paidOn', 'periodStart', 'periodEnd'] as const)
    if (!isIsoDate(spec[field])) problems[field] = 'must be a calendar day written YYYY-MM-DD';
  if (!problems.periodStart && !problems.periodEnd && spec.periodEnd < spec.periodStart)
    problems.periodEnd = 'must not be before periodStart';
  if (Object.keys(problems).length) throw new BadInputError(problems);
}
