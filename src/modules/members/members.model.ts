import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../../common/graphql/date-scalar';
import { DuesStatusValue } from './dues-status';

export enum MemberCategory {
  ADHERENT = 'ADHERENT',
  BENEVOLE = 'BENEVOLE',
  SALARIE = 'SALARIE',
  ELU = 'ELU',
}
import { MemberCategoryValue } from './member-category';
export { MEMBER_CATEGORIES } from './member-category';
export type { MemberCategoryValue };
registerEnumType(MemberCategory, {
  name: 'MemberCategory',
  description: 'What a person is to the association; a person may be several.',
  valuesMap: {
    ADHERENT: { description: 'Adhérent: a member who pays dues.' },
    BENEVOLE: { description: 'Bénévole: a volunteer.' },
    SALARIE: { description: 'Salarié: an employee.' },
    ELU: { description: 'Élu: an elected officer (board, bureau).' },
  },
});

export enum DuesStatus {
  UP_TO_DATE = 'UP_TO_DATE',
  GRACE = 'GRACE',
  LAPSED = 'LAPSED',
  NONE = 'NONE',
}
registerEnumType(DuesStatus, {
  name: 'DuesStatus',
  description: 'Where a membership stands with its dues, computed from the dated periods paid (never stored).',
  valuesMap: {
    UP_TO_DATE: { description: 'A paid period reaches today (a renewal paid ahead counts).' },
    GRACE: { description: "The last paid period ended less than the organisation's `duesGraceDays` ago." },
    LAPSED: { description: 'The last paid period ended longer ago than the grace period.' },
    NONE: { description: 'Never paid.' },
  },
});

/** Both the status and the statuses a filter asks for. */
export type { DuesStatusValue };

@ObjectType('DuesPayment', { description: 'A dues payment for a period, recorded by an admin.' })
export class DuesPaymentModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field(() => Int, { description: 'The amount in euro cents (0 or more).' }) amountCents!: number;
  @Field(() => DateScalar, { description: 'The day it was paid.' }) paidOn!: string;
  @Field(() => DateScalar, { description: 'The first day the payment covers.' }) periodStart!: string;
  @Field(() => DateScalar, { description: 'The last day the payment covers (included).' }) periodEnd!: string;
  @Field(() => String, { nullable: true, description: 'A free reference (cheque number, receipt…).' })
  reference!: string | null;
  @Field({ description: 'When it was recorded.' }) createdAt!: Date;
  organizationId!: string;
  userId!: string | null;
}

@ObjectType('SavedMemberFilter', {
  description: 'A saved `MemberFilter`, as a segment holds it (absent fields do not filter).',
})
export class SavedMemberFilterModel {
  @Field(() => [MemberCategory], { nullable: true, description: 'Any of these categories.' })
  categories?: MemberCategoryValue[];
  @Field(() => [DuesStatus], { nullable: true, description: 'Any of these dues statuses.' })
  duesStatus?: DuesStatusValue[];
  @Field(() => Int, { nullable: true, description: 'Joined in the last N days.' }) joinedWithinDays?: number;
  @Field(() => Int, { nullable: true, description: 'Not seen in Maillage for N days or more.' })
  inactiveForDays?: number;
  @Field(() => Int, { nullable: true, description: 'Dues paid until a day within the next N days.' })
  duesEndingWithinDays?: number;
  @Field(() => [String], { nullable: true, description: 'Any of these skills.' }) skills?: string[];
  @Field(() => String, { nullable: true, description: 'Words in the name or e-mail.' }) search?: string;
  @Field(() => Boolean, { nullable: true, description: 'Also the members of every organisation below.' })
  includeDescendants?: boolean;
}

@ObjectType('Segment', { description: 'A saved member filter of an organisation, with its live member count.' })
export class SegmentModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'Its name, e.g. "Bénévoles".' }) name!: string;
  @Field(() => SavedMemberFilterModel, { description: 'Who belongs to it.' }) filter!: SavedMemberFilterModel;
  @Field({
    description: 'One of the five segments every organisation gets; it cannot be deleted or changed.',
  })
  builtIn!: boolean;
  @Field({ description: 'When it was saved.' }) createdAt!: Date;
  organizationId!: string;
}

@ObjectType('MemberImportError', { description: 'A row of the file that was not imported, and why.' })
export class MemberImportErrorModel {
  @Field(() => Int, { description: 'The line in the file (the header is line 1).' }) line!: number;
  @Field({ description: 'The column at fault: email, categories or cotisation_jusqu_au.' }) column!: string;
  @Field({ description: 'What is wrong, in French.' }) message!: string;
}

export enum MemberImportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(MemberImportStatus, {
  name: 'MemberImportStatus',
  description: 'Where an applied import stands (it runs in the background, in chunks).',
  valuesMap: {
    QUEUED: { description: 'Waiting for the background job to start.' },
    RUNNING: { description: 'Being applied; `processed` rows so far.' },
    DONE: { description: 'Every valid row applied (or, for a dry run, the report is complete).' },
    FAILED: { description: 'Stopped: the person who started it is gone, or it kept failing (logged).' },
  },
});

@ObjectType('MemberImportReport', {
  description:
    'What an import did (or, in a dry run, would do): rows creating an invitation, updating a member, or changing nothing; and the rows refused.',
})
export class MemberImportReportModel {
  @Field(() => Int, { description: 'New people invited (one e-mail each).' }) created!: number;
  @Field(() => Int, { description: 'Members whose categories or dues changed.' }) updated!: number;
  @Field(() => Int, { description: 'Rows that changed nothing (already so, or already invited).' }) unchanged!: number;
  @Field(() => [MemberImportErrorModel], { description: 'Rows refused, with line and column; the others stand.' })
  errors!: MemberImportErrorModel[];
  @Field(() => ID, {
    nullable: true,
    description: 'The background import (applied imports only): poll `memberImport(id)` while it runs.',
  })
  importId?: string | null;
  @Field(() => MemberImportStatus, {
    description:
      'DONE for a dry run; for an applied import, DONE once every row is applied (else RUNNING: the counts so far).',
  })
  status!: MemberImportStatus;
}

@ObjectType('MemberImport', { description: 'An import applied in the background, with its progress.' })
export class MemberImportModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field(() => MemberImportStatus, { description: 'QUEUED, RUNNING, DONE or FAILED.' }) status!: MemberImportStatus;
  @Field(() => Int, { description: 'Valid rows applied so far.' }) processed!: number;
  @Field(() => Int, { description: 'Valid rows to apply.' }) total!: number;
  @Field(() => MemberImportReportModel, { description: 'The counts so far, and the rows refused.' })
  report!: MemberImportReportModel;
  @Field({ description: 'When it was started.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it finished.' }) finishedAt!: Date | null;
}
