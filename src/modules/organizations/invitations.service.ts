import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { OrganizationAccess } from '../../access/organization-access.service';
import { BadInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../../common/errors/app-error';
import { normalizeEmail } from '../../common/validation/email';
import { LoginThrottle } from '../auth/login-throttle';
import { assertPasswordPolicy, hashPassword, verifyPassword } from '../auth/passwords';
import { ClientInfo, IssuedTokens, SessionsService, sha256 } from '../auth/sessions.service';
import { UserEntity } from '../users/user.entity';
import { directoryText } from '../users/users.service';
import { AcceptInvitationInput, InviteMemberInput } from './dto/organization.inputs';
import { InvitationEntity } from './invitation.entity';
import { Locks, lockForTransaction } from '../../infra/database/advisory-locks';
import { OrganizationsService } from './organizations.service';
import { DomainEvents } from '../../common/events/domain-events';
import { MailService } from '../mail/mail.service';
import { invitationMail } from '../mail/mail-templates';

const INVITATION_TTL_DAYS = 14;

@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly access: OrganizationAccess,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly events: DomainEvents,
    private readonly mail: MailService,
  ) {}

  /** The invitation e-mail, queued in the transaction that creates (or renews) the token. */
  private async queueInvitationMail(
    manager: EntityManager,
    invitation: { id: string; organizationId: string; email: string; invitedBy: string | null; expiresAt: Date },
    token: string,
  ): Promise<void> {
    const [row] = (await manager.query(
      `SELECT o.name, (SELECT display_name FROM users WHERE id = $2) AS inviter FROM organizations o WHERE o.id = $1`,
      [invitation.organizationId, invitation.invitedBy],
    )) as { name: string; inviter: string | null }[];
    await this.mail.queue(manager, {
      key: `invitation:${invitation.id}:${sha256(token).slice(0, 16)}`,
      kind: 'invitation',
      userId: null,
      to: invitation.email,
      organizationName: row.name,
      content: invitationMail({
        organizationName: row.name,
        inviterName: row.inviter,
        link: this.mail.link(`/invitation/${token}`),
        expiresAt: invitation.expiresAt,
      }),
    });
  }

  /** Returns the invitation and its token; the token exists only in this answer (256 random bits, stored hashed). */
  async invite(viewerId: string, input: InviteMemberInput): Promise<{ invitation: InvitationEntity; token: string }> {
    await this.organizations.getById(input.organizationId);
    await this.access.assertAdminister(viewerId, input.organizationId);
    const email = normalizeEmail(input.email);
    const [alreadyMember] = (await this.db.query(
      `SELECT 1 FROM organization_memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND lower(u.email) = $2`,
      [input.organizationId, email],
    )) as unknown[];
    if (alreadyMember) throw new ConflictError('ALREADY_MEMBER', 'This person is already a member of the organisation');
    return this.db.transaction((manager) =>
      this.createInvitation(manager, {
        organizationId: input.organizationId,
        email,
        role: input.role,
        invitedBy: viewerId,
      }),
    );
  }

  /**
   * Creates an invitation and queues its e-mail in the caller's transaction (the caller checked
   * the inviter's rights). `categories` and `duesPaidUntil` (from a member import) are applied to
   * the membership when the invitation is accepted.
   */
  async createInvitation(
    manager: EntityManager,
    spec: {
      organizationId: string;
      email: string;
      role: InvitationEntity['role'];
      invitedBy: string;
      categories?: string[];
      duesPaidUntil?: string | null;
    },
  ): Promise<{ invitation: InvitationEntity; token: string }> {
    const token = randomBytes(32).toString('base64url');
    const repository = manager.getRepository(InvitationEntity);
    const invitation = await repository.save(
      repository.create({
        organizationId: spec.organizationId,
        email: normalizeEmail(spec.email),
        role: spec.role,
        tokenHash: sha256(token),
        invitedBy: spec.invitedBy,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000),
      }),
    );
    if (spec.categories?.length || spec.duesPaidUntil)
      await manager.query('UPDATE invitations SET categories = $2::text[], dues_paid_until = $3::date WHERE id = $1', [
        invitation.id,
        spec.categories ?? [],
        spec.duesPaidUntil ?? null,
      ]);
    await this.events.publish(manager, {
      type: 'invitation.created',
      invitationId: invitation.id,
      organizationId: spec.organizationId,
      actorId: spec.invitedBy,
      role: spec.role,
    });
    await this.queueInvitationMail(manager, invitation, token);
    return { invitation, token };
  }

  /**
   * E-mails a pending invitation again with a new token (the old link stops working) and a new
   * 14-day validity. For the same people as `invite`; an accepted or revoked one cannot be resent.
   */
  async resend(viewerId: string, invitationId: string): Promise<{ invitation: InvitationEntity; token: string }> {
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(InvitationEntity);
      const found = await repository.findOne({ where: { id: invitationId }, lock: { mode: 'pessimistic_write' } });
      if (!found || !(await this.access.canAdminister(viewerId, found.organizationId))) {
        throw new NotFoundError('Invitation');
      }
      if (found.acceptedAt || found.revokedAt)
        throw new ConflictError('INVITATION_CLOSED', 'This invitation was accepted or revoked: invite the person anew');
      found.tokenHash = sha256(token);
      found.expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);
      const saved = await repository.save(found);
      await this.queueInvitationMail(manager, saved, token);
      return saved;
    });
    return { invitation, token };
  }

  /** Invitations still usable (the caller checked the viewer administers the organisation), newest first. */
  async pending(organizationId: string): Promise<InvitationEntity[]> {
    return this.db
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .where('i.organization_id = :organizationId', { organizationId })
      .andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()')
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(100)
      .getMany();
  }

  async revoke(viewerId: string, invitationId: string): Promise<void> {
    const invitation = await this.db.getRepository(InvitationEntity).findOne({ where: { id: invitationId } });
    if (!invitation || !(await this.access.canAdminister(viewerId, invitation.organizationId))) {
      throw new NotFoundError('Invitation');
    }
    if (invitation.acceptedAt)
      throw new ConflictError('INVITATION_ALREADY_ACCEPTED', 'This invitation was already accepted');
    await this.db.transaction(async (manager) => {
      await manager.query(`UPDATE invitations SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1`, [
        invitationId,
      ]);
      await this.events.publish(manager, {
        type: 'invitation.revoked',
        invitationId,
        organizationId: invitation.organizationId,
        actorId: viewerId,
      });
    });
  }

  /**
   * Creates the account (or, for an email that has one, checks its current password) and adds the
   * membership, in one transaction. The invitation is claimed with a conditional UPDATE, so two
   * concurrent uses of one token cannot both succeed.
   */
  async accept(input: AcceptInvitationInput, client: ClientInfo): Promise<IssuedTokens> {
    return this.db.transaction(async (manager) => {
      // Wrapped in a CTE: TypeORM answers a bare UPDATE with [rows, rowCount], a SELECT with rows.
      const [invitation] = (await manager.query(
        `WITH claimed AS (
           UPDATE invitations SET accepted_at = now()
            WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
            RETURNING id, organization_id, email, role)
         SELECT id, organization_id, email, role FROM claimed`,
        [sha256(input.token.trim())],
      )) as { id: string; organization_id: string; email: string; role: InvitationEntity['role'] }[];
      if (!invitation) throw await refusedInvitation(manager, sha256(input.token.trim()));

      // Two invitations for one new email accepted at once must meet one account, not race to create two.
      await lockForTransaction(manager, Locks.account(invitation.email));
      const users = manager.getRepository(UserEntity);
      let user = await users.findOne({ where: { email: invitation.email } });
      if (user) {
        // A password check like a login's: the same limits apply.
        const existing = user;
        const valid = await this.throttle.verify(
          existing.email,
          client.ip ?? 'unknown',
          async () => (await verifyPassword(existing.passwordHash, input.password)) && !existing.deactivatedAt,
        );
        if (!valid)
          throw new UnauthenticatedError(
            'An account exists for this email: give its current password',
            'WRONG_PASSWORD',
          );
      } else {
        assertPasswordPolicy(input.password);
        const displayName = input.displayName?.trim();
        if (!displayName) throw new BadInputError({ displayName: 'is required for a new account' });
        user = users.create({
          email: invitation.email,
          passwordHash: await hashPassword(input.password),
          displayName,
          skills: [],
          interests: [],
        });
        user.directoryText = directoryText(user);
        user = await users.save(user);
        await this.events.publish(manager, { type: 'account.created', userId: user.id });
      }
      await manager.query(`UPDATE invitations SET accepted_by = $2 WHERE id = $1`, [invitation.id, user.id]);
      await this.organizations.addMember(manager, invitation.organization_id, user.id, invitation.role);
      await this.events.publish(manager, {
        type: 'invitation.accepted',
        invitationId: invitation.id,
        organizationId: invitation.organization_id,
        userId: user.id,
      });
      return this.sessions.open(user.id, client, manager);
    });
  }
}

/** Why a token opens nothing (the holder of a 256-bit token learns nothing else by it): its reason. */
async function refusedInvitation(manager: EntityManager, tokenHash: string): Promise<BadInputError> {
  const [found] = (await manager.query(
    'SELECT accepted_at, revoked_at, expires_at <= now() AS expired FROM invitations WHERE token_hash = $1',
    [tokenHash],
  )) as { accepted_at: Date | null; revoked_at: Date | null; expired: boolean }[];
  const reason = !found
    ? 'INVITATION_UNKNOWN'
    : found.accepted_at
      ? 'INVITATION_USED'
      : found.revoked_at
        ? 'INVITATION_REVOKED'
        : 'INVITATION_EXPIRED';
  return new BadInputError({ token: 'this invitation is unknown, expired, revoked or already used' }, reason);
}
