import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BadInputError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/events/domain-events';
import { RateLimits } from '../../common/rate-limit/rate-limits';
import { EMAIL_PATTERN, normalizeEmail } from '../../common/validation/email';
import { RealtimePublisher } from '../../infra/realtime/realtime-publisher';
import { passwordResetMail, passwordResetNoAccountMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { assertPasswordPolicy, hashPassword } from './passwords';
import { sha256 } from './sessions.service';

export const RESET_TOKEN_TTL_MINUTES = 60;
const NO_USER = '00000000-0000-0000-0000-000000000000';

function invalidToken(): BadInputError {
  return new BadInputError({ token: 'this reset link is unknown, expired or already used' }, 'RESET_TOKEN_INVALID');
}

/**
 * Password reset by e-mail. Asking tells nothing about the address: the answer is always true, and
 * the work is the same (one token drawn, one e-mail queued: to an address without an active
 * account, an e-mail saying so), so an observer of answers, timings or the e-mail count learns
 * nothing. Tokens are 256 random bits, stored as SHA-256, valid one hour, single use.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly db: DataSource,
    private readonly mail: MailService,
    private readonly limits: RateLimits,
    private readonly events: DomainEvents,
    private readonly realtime: RealtimePublisher,
  ) {}

  async request(rawEmail: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    if (!EMAIL_PATTERN.test(email)) throw new BadInputError({ email: 'must be an email address' });
    await this.limits.consume('passwordResetPerEmail', email);
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction(async (manager) => {
      const [user] = (await manager.query('SELECT id FROM users WHERE email = $1 AND deactivated_at IS NULL', [
        email,
      ])) as { id: string }[];
      if (user) {
        const [reset] = (await manager.query(
          `INSERT INTO password_resets (user_id, token_hash, expires_at)
           VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING id`,
          [user.id, sha256(token), RESET_TOKEN_TTL_MINUTES],
        )) as { id: string }[];
        await this.mail.queue(manager, {
          key: `password-reset:${reset.id}`,
          kind: 'password-reset',
          userId: user.id,
          to: email,
          organizationName: await this.mail.organizationNameOf(manager, user.id),
          content: passwordResetMail({ link: this.mail.link(`/reinitialiser/${token}`) }),
        });
      } else {
        // The same queries as the other branch (a token row, the sender's name), so both take the same time.
        await manager.query(`SELECT $1::text AS token_hash, now() + make_interval(mins => $2) AS expires_at`, [
          sha256(token),
          RESET_TOKEN_TTL_MINUTES,
        ]);
        await this.mail.organizationNameOf(manager, NO_USER);
        await this.mail.queue(manager, {
          key: `password-reset-no-account:${randomUUID()}`,
          kind: 'password-reset-no-account',
          userId: null,
          to: email,
          organizationName: null,
          content: passwordResetNoAccountMail({ forgotLink: this.mail.link('/mot-de-passe-oublie') }),
        });
      }
    });
  }

  /** Sets the password and ends every session of the account (its sockets too); the other links stop working. */
  async reset(token: string, newPassword: string): Promise<void> {
    const tokenHash = sha256(token.trim());
    const [valid] = (await this.db.query(
      `SELECT 1 FROM password_resets r JOIN users u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.deactivated_at IS NULL`,
      [tokenHash],
    )) as unknown[];
    if (!valid) throw invalidToken();
    assertPasswordPolicy(newPassword, 'newPassword');
    const hash = await hashPassword(newPassword);
    const userId = await this.db.transaction(async (manager) => {
      // Claimed with a conditional UPDATE: two uses of one link cannot both succeed.
      const [claimed] = (await manager.query(
        `WITH claimed AS (
           UPDATE password_resets SET used_at = now()
            WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
            RETURNING user_id)
         SELECT user_id FROM claimed`,
        [tokenHash],
      )) as { user_id: string }[];
      if (!claimed) throw invalidToken();
      await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [
        claimed.user_id,
        hash,
      ]);
      await manager.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
        claimed.user_id,
      ]);
      await manager.query(
        `UPDATE sessions SET revoked_at = now(), revoked_reason = 'password reset' WHERE user_id = $1 AND revoked_at IS NULL`,
        [claimed.user_id],
      );
      await this.events.publish(manager, { type: 'account.password_changed', userId: claimed.user_id, reset: true });
      return claimed.user_id;
    });
    this.realtime.endSessions({ userId });
  }
}
