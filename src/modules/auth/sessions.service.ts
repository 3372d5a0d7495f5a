import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { UnauthenticatedError } from '../../common/errors/app-error';
import { createLogger } from '../../common/logging/logger';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { RealtimePublisher } from '../../infra/realtime/realtime-publisher';
import { AccessTokens } from './access-tokens';
import { preparedQuery } from '../../infra/database/prepared-query';

export const REFRESH_TOKEN_TTL_DAYS = 30;

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  userId: string;
  sessionId: string;
}

/** A verified access token: its person, session and expiry (epoch seconds). */
export interface VerifiedAccess {
  id: string;
  sessionId: string;
  expiresAt: number;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Sessions and their rotating refresh tokens. A session is one login on one device; its refresh
 * tokens form a family. Presenting a token that was already rotated away means it leaked, so the
 * whole family (the session) is revoked.
 */
@Injectable()
export class SessionsService {
  private readonly logger = createLogger(SessionsService.name);
  readonly accessTokens: AccessTokens;

  constructor(
    private readonly db: DataSource,
    private readonly realtime: RealtimePublisher,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.accessTokens = new AccessTokens(config.jwtSecret, config.accessTokenTtlSeconds);
  }

  /** Opens a session for a user whose credentials were just checked. Pass `manager` to join a transaction. */
  async open(userId: string, client: ClientInfo, manager: EntityManager = this.db.manager): Promise<IssuedTokens> {
    const [session] = (await manager.query(
      `INSERT INTO sessions (user_id, ip, user_agent) VALUES ($1, $2, $3) RETURNING id`,
      [userId, client.ip ?? null, client.userAgent?.slice(0, 400) ?? null],
    )) as { id: string }[];
    const refreshToken = await this.issueRefreshToken(session.id, manager);
    return {
      accessToken: this.accessTokens.sign({ sub: userId, sid: session.id }),
      refreshToken,
      userId,
      sessionId: session.id,
    };
  }

  async rotate(refreshToken: string, client: ClientInfo): Promise<IssuedTokens> {
    const outcome = await this.db.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT rt.id, rt.session_id, rt.used_at, rt.expires_at < now() AS expired,
                s.user_id, s.revoked_at, u.deactivated_at
           FROM refresh_tokens rt
           JOIN sessions s ON s.id = rt.session_id
           JOIN users u ON u.id = s.user_id
          WHERE rt.token_hash = $1
          FOR UPDATE OF rt, s`,
        [sha256(refreshToken)],
      )) as {
        id: string;
        session_id: string;
        used_at: Date | null;
        expired: boolean;
        user_id: string;
        revoked_at: Date | null;
        deactivated_at: Date | null;
      }[];
      if (!row || row.revoked_at || row.deactivated_at || row.expired) return { ok: false as const };
      if (row.used_at) {
        await this.revokeSession(row.session_id, 'refresh token reuse', manager);
        return { ok: false as const, reuse: row.session_id, userId: row.user_id };
      }
      await manager.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [row.id]);
      await manager.query(`UPDATE sessions SET last_used_at = now(), ip = coalesce($2, ip) WHERE id = $1`, [
        row.session_id,
        client.ip ?? null,
      ]);
      const next = await this.issueRefreshToken(row.session_id, manager);
      return {
        ok: true as const,
        tokens: {
          accessToken: this.accessTokens.sign({ sub: row.user_id, sid: row.session_id }),
          refreshToken: next,
          userId: row.user_id,
          sessionId: row.session_id,
        },
      };
    });
    if (!outcome.ok) {
      if (outcome.reuse && outcome.userId) {
        this.logger.warn({ sessionId: outcome.reuse }, 'rotated refresh token reused; session revoked');
        // Its sockets too, at once: a stolen access token must not keep sending over an open socket.
        this.realtime.endSessions({ userId: outcome.userId, sessionId: outcome.reuse });
      }
      throw new UnauthenticatedError('Invalid or expired refresh token', 'INVALID_REFRESH_TOKEN');
    }
    return outcome.tokens;
  }

  /** Ends the session the refresh token belongs to, when it is the viewer's, and the viewer's current session. */
  async logout(userId: string, currentSessionId: string, refreshToken: string): Promise<void> {
    const ended = (await this.db.query(
      `WITH ended AS (
         UPDATE sessions SET revoked_at = now(), revoked_reason = 'logout'
          WHERE user_id = $1 AND revoked_at IS NULL
            AND (id = $2 OR id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $3))
          RETURNING id)
       SELECT id FROM ended`,
      [userId, currentSessionId, sha256(refreshToken)],
    )) as { id: string }[];
    for (const session of ended) this.realtime.endSessions({ userId, sessionId: session.id });
  }

  /** Ends the session a refresh token belongs to (the web client's logout: its cookie is all it has). */
  async endByRefreshToken(refreshToken: string): Promise<void> {
    const ended = (await this.db.query(
      `WITH ended AS (
         UPDATE sessions SET revoked_at = now(), revoked_reason = 'logout'
          WHERE revoked_at IS NULL AND id = (SELECT session_id FROM refresh_tokens WHERE token_hash = $1)
          RETURNING id, user_id)
       SELECT id, user_id FROM ended`,
      [sha256(refreshToken)],
    )) as { id: string; user_id: string }[];
    for (const session of ended) this.realtime.endSessions({ userId: session.user_id, sessionId: session.id });
  }

  async revokeSession(sessionId: string, reason: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
  }

  /**
   * The one verifier of access tokens, for GraphQL, HTTP routes, socket handshakes and
   * `auth:refresh`: a valid, unexpired token of an open session of an active person.
   */
  async verifyAccessToken(token: string): Promise<VerifiedAccess | undefined> {
    const claims = this.accessTokens.verify(token);
    if (!claims || !(await this.isLive(claims.sid, claims.sub))) return undefined;
    return { id: claims.sub, sessionId: claims.sid, expiresAt: claims.exp };
  }

  /** True while the session is open and its user active: checked on every authenticated request. */
  async isLive(sessionId: string, userId: string): Promise<boolean> {
    const rows = await preparedQuery(
      this.db,
      'session-is-live',
      `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.deactivated_at IS NULL`,
      [sessionId, userId],
    );
    return rows.length > 0;
  }

  /** Whether the account logged in (or refreshed its tokens) from this IP in the last 30 days. */
  async usedAddress(email: string, ip: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE u.email = $1 AND s.ip = $2 AND s.last_used_at > now() - interval '30 days' LIMIT 1`,
      [email, ip],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Which of these sessions are still open (with an active user): one query for all the sockets of an instance. */
  async liveSessions(sessionIds: string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const rows = (await this.db.query(
      `SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = ANY($1::uuid[]) AND s.revoked_at IS NULL AND u.deactivated_at IS NULL`,
      [[...new Set(sessionIds)]],
    )) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }

  private async issueRefreshToken(sessionId: string, manager: EntityManager): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.query(
      `INSERT INTO refresh_tokens (session_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))`,
      [sessionId, sha256(token), REFRESH_TOKEN_TTL_DAYS],
    );
    return token;
  }
}
