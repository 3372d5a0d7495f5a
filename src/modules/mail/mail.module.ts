import { Module } from '@nestjs/common';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { MAIL_PERSONAL_DATA } from './mail.personal-data';
import { MailService } from './mail.service';

/** The mail queue and its transport (SMTP, or .eml files): producers `queue` in their transaction. */
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {
  constructor(personalData: PersonalData) {
    personalData.declare(MAIL_PERSONAL_DATA);
  }
}
