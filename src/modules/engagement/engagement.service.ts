import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { OrganizationAccess } from '../../access/organization-access.service';
import { OrganizationEntity } from '../organizations/organization.entity';
import { toOrganizationModel } from '../organizations/organization.model';
import { AssociationEngagementModel, ContributorScoreModel, EngagementModel } from './engagement.model';
import { ENGAGEMENT_SQL } from './engagement.sql';

/** k-anonymity of the per-association breakdown: a figure covering fewer people is null. */
export const K_ANONYMITY = 5;

interface UnitRow {
  id: string;
  members: number;
  contributors: number;
  activeReaders: number;
  newMembers: number;
  lively: boolean;
  delivered: number | null;
  read: number | null;
  reachedPeople: number;
  questions: number;
  askers: number;
  unanswered: number;
  within48: number | null;
  median: number | null;
  p80: number | null;
}

interface TopRow {
  user_id: string;
  score: number;
  posts: number;
  comments: number;
  answers: number;
  accepted: number;
  events: number;
}

interface EngagementRow {
  computedAt: string;
  units: UnitRow[];
  top: TopRow[];
  associations: string[];
  dormant: string[];
}

const round = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** A count of people, null when between 1 and k - 1 (zero hides no one). */
const peopleCount = (count: number): number | null => (count > 0 && count < K_ANONYMITY ? null : count);

@Injectable()
export class EngagementService {
  constructor(
    private readonly db: DataSource,
    private readonly access: OrganizationAccess,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
  ) {}

  async engagement(viewerId: string, organizationId: string, days: number): Promise<EngagementModel> {
    const role = await this.access.assertEngagementReader(viewerId, organizationId);
    const [{ result }] = (await this.db.query(ENGAGEMENT_SQL, [organizationId, days])) as { result: EngagementRow }[];
    const orgs = new Map(
      (await this.organizations.findBy({ id: In([organizationId, ...result.associations]) })).map((o) => [o.id, o]),
    );
    const units = new Map(result.units.map((unit) => [unit.id, unit]));
    const total = units.get(organizationId);
    const organization = orgs.get(organizationId)!;
    const superMembers = result.top
      .map((row): ContributorScoreModel => ({
        userId: row.user_id,
        score: row.score,
        posts: row.posts,
        comments: row.comments,
        answers: row.answers,
        acceptedAnswers: row.accepted,
        eventsAttended: row.events,
      }))
      // Staff see the figures, not who the others are: only their own entry.
      .filter((entry) => role === 'admin' || entry.userId === viewerId);
    const byAssociation = result.associations
      .filter((id) => id !== organizationId)
      .map((id) => orgs.get(id)!)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      .map((association) => this.suppressed(association, units.get(association.id)));
    return {
      organization: toOrganizationModel(organization),
      days,
      computedAt: new Date(result.computedAt),
      people: total?.members ?? 0,
      contributors: total?.contributors ?? 0,
      activeReaders: total?.activeReaders ?? 0,
      newMembers: total?.newMembers ?? 0,
      questionsAsked: total?.questions ?? 0,
      unansweredQuestions: total?.unanswered ?? 0,
      answeredWithin48hRate: round(total?.within48 ?? null, 3),
      medianHoursToFirstAnswer: round(total?.median ?? null, 1),
      p80HoursToFirstAnswer: round(total?.p80 ?? null, 1),
      superMembers,
      dormantAssociations: result.dormant
        .map((id) => orgs.get(id)!)
        .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
        .map(toOrganizationModel),
      announcementReach: total ? this.reach(total) : null,
      byAssociation,
    };
  }

  /** One association's figures with the small cells (fewer than k people) set to null. */
  private suppressed(association: OrganizationEntity, unit: UnitRow | undefined): AssociationEngagementModel {
    const organization = toOrganizationModel(association);
    if (!unit || unit.members < K_ANONYMITY) {
      return {
        organization,
        contributors: null,
        activeReaders: null,
        newMembers: null,
        questionsAsked: null,
        answeredWithin48hRate: null,
        medianHoursToFirstAnswer: null,
        p80HoursToFirstAnswer: null,
        announcementReach: null,
      };
    }
    const fewAskers = unit.askers > 0 && unit.askers < K_ANONYMITY;
    const fewReached = unit.reachedPeople > 0 && unit.reachedPeople < K_ANONYMITY;
    return {
      organization,
      contributors: peopleCount(unit.contributors),
      activeReaders: peopleCount(unit.activeReaders),
      newMembers: peopleCount(unit.newMembers),
      questionsAsked: fewAskers ? null : unit.questions,
      answeredWithin48hRate: fewAskers ? null : round(unit.within48, 3),
      medianHoursToFirstAnswer: fewAskers ? null : round(unit.median, 1),
      p80HoursToFirstAnswer: fewAskers ? null : round(unit.p80, 1),
      announcementReach: fewReached ? null : this.reach(unit),
    };
  }

  private reach(unit: UnitRow): number | null {
    if (!unit.delivered) return null;
    return round((unit.read ?? 0) / unit.delivered, 3);
  }
}
