import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RequestLoaders } from '../../common/loaders/request-loaders';
import { MailService } from '../mail/mail.service';

export const CALENDAR_PATH = '/calendar';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Each person's secret calendar feed address (`/calendar/<token>.ics`): the token is the only
 * credential, so calendar apps can subscribe without logging in. It is made on first use and
 * replaced by `resetCalendarUrl`, after which the old address answers 404.
 */
@Injectable()
export class CalendarFeeds {
  constructor(
    private readonly db: DataSource,
    private readonly mail: MailService,
  ) {}

  /** The viewer's feed address, made on first use. */
  async urlOf(loaders: RequestLoaders, userId: string): Promise<string> {
    const token = await loaders
      .get<string, string>('events.calendarToken', async (ids) => Promise.all(ids.map((id) => this.tokenOf(id))))
      .load(userId);
    return this.url(token);
  }

  /** A new address; the old one stops working at once. */
  async reset(userId: string): Promise<string> {
    const token = newToken();
    await this.db.query(
      `INSERT INTO calendar_feeds (user_id, token) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token, created_at = now()`,
      [userId, token],
    );
    return this.url(token);
  }

  /** Whose feed this token opens; null for an unknown or revoked one, or a deactivated account. */
  async userOf(token: string): Promise<string | null> {
    if (!TOKEN.test(token)) return null;
    const [row] = (await this.db.query(
      `SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id
        WHERE f.token = $1 AND u.deactivated_at IS NULL`,
      [token],
    )) as { user_id: string }[];
    return row?.user_id ?? null;
  }

  private async tokenOf(userId: string): Promise<string> {
    // Two first reads at once meet on the primary key: both end up with the token that won.
    const [row] = (await this.db.query(
      `WITH made AS (
         INSERT INTO calendar_feeds (user_id, token) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING RETURNING token)
       SELECT token FROM made UNION ALL SELECT token FROM calendar_feeds WHERE user_id = $1 LIMIT 1`,
      [userId, newToken()],
    )) as { token: string }[];
    if (row) return row.token;
    // The other insert committed after this statement's snapshot: read it now.
    const [other] = (await this.db.query('SELECT token FROM calendar_feeds WHERE user_id = $1', [userId])) as {
      token: string;
    }[];
    return other.token;
  }

  private url(token: string): string {
    return this.mail.link(`${CALENDAR_PATH}/${token}.ics`);
  }
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}
