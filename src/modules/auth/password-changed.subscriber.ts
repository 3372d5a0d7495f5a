import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainEvents } from '../../common/events/domain-events';
import { passwordChangedMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';

/** "Your password was changed": after a change or a reset, always (a security e-mail ignores preferences). */
@Injectable()
export class PasswordChangedSubscriber {
  constructor(events: DomainEvents, mail: MailService) {
    events.subscribe('account.password_changed', async (e, { manager }) => {
      const [user] = (await manager.query('SELECT email FROM users WHERE id = $1', [e.userId])) as { email: string }[];
      if (!user) return;
      await mail.queue(manager, {
        key: `password-changed:${e.userId}:${randomUUID()}`,
        kind: 'password-changed',
        userId: e.userId,
        to: user.email,
        organizationName: await mail.organizationNameOf(manager, e.userId),
        content: passwordChangedMail({
          when: new Date(),
          reset: e.reset,
          forgotLink: mail.link('/mot-de-passe-oublie'),
        }),
      });
    });
  }
}
