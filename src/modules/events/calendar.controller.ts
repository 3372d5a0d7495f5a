import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Authenticated, Public } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { NotFoundError } from '../../common/errors/app-error';
import { MailService } from '../mail/mail.service';
import { CalendarFeeds } from './calendar-feeds.service';
import { EventsService } from './events.service';
import { ICS_CONTENT_TYPE, toICalendar } from './icalendar';

const ICS_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.ics$/i;
const FEED_FILE = /^(.+)\.ics$/;

function sendIcs(res: Response, body: string, filename: string): void {
  res
    .status(200)
    .setHeader('content-type', ICS_CONTENT_TYPE)
    .setHeader('content-disposition', `attachment; filename="${filename}"`)
    .setHeader('cache-control', 'private, no-store')
    .setHeader('x-content-type-options', 'nosniff')
    .send(body);
}

/**
 * Calendars: one event as a file (`GET /events/<id>.ics`, with the bearer token; 404 when the viewer
 * may not read it, exactly as if it did not exist), and each person's feed
 * (`GET /calendar/<token>.ics`, the secret token being the credential; 404 once it is reset).
 */
@Controller()
export class CalendarController {
  constructor(
    private readonly events: EventsService,
    private readonly feeds: CalendarFeeds,
    private readonly mail: MailService,
  ) {}

  @Authenticated()
  @Get('events/:file')
  async event(@CurrentViewer() viewer: Viewer, @Param('file') file: string, @Res() res: Response): Promise<void> {
    const id = ICS_FILE.exec(file)?.[1]?.toLowerCase();
    if (!id) throw new NotFoundError('Event');
    const { event } = await this.events.readable(viewer.id, id);
    sendIcs(res, toICalendar([event], { name: event.title, urlOf: this.urlOf }), `evenement-${event.id}.ics`);
  }

  @Public()
  @Get('calendar/:file')
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const token = FEED_FILE.exec(file)?.[1];
    const userId = token ? await this.feeds.userOf(token) : null;
    if (!userId) throw new NotFoundError('Event');
    const events = await this.events.forCalendar(userId);
    sendIcs(res, toICalendar(events, { name: 'Maillage', urlOf: this.urlOf }), 'maillage.ics');
  }

  private readonly urlOf = (id: string): string => this.mail.link(`/evenements/${id}`);
}
