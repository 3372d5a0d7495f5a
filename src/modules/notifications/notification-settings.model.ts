import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { NotificationTypeValue } from './notification.entity';
import { NotificationType } from './notification.model';

export enum EmailFrequency {
  IMMEDIATE = 'IMMEDIATE',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  NEVER = 'NEVER',
}
export type EmailFrequencyValue = `${EmailFrequency}`;

registerEnumType(EmailFrequency, {
  name: 'EmailFrequency',
  description: 'How often notifications are e-mailed. Security e-mails (password reset or change) are always sent.',
  valuesMap: {
    IMMEDIATE: { description: 'One e-mail shortly after each notification (several at once are grouped).' },
    DAILY: { description: 'One digest each morning (7:00, Paris time) with what is still unread. The default.' },
    WEEKLY: { description: 'One digest on Monday mornings with what is still unread.' },
    NEVER: { description: 'No notification e-mails.' },
  },
});

@ObjectType('NotificationSettings', { description: "The viewer's notification e-mail preferences." })
export class NotificationSettingsModel {
  @Field(() => EmailFrequency, { description: 'How often notifications are e-mailed (default DAILY).' })
  emailFrequency!: EmailFrequencyValue;

  @Field(() => [NotificationType], {
    description: 'Kinds of notification never e-mailed (they still appear in the app).',
  })
  mutedTypes!: NotificationTypeValue[];

  @Field({
    description:
      "Announcements of the viewer's organisations are also e-mailed (default true); they always appear in the app.",
  })
  emailAnnouncements!: boolean;

  @Field({ description: 'Dues renewal reminders are e-mailed (default true).' })
  emailRenewalReminders!: boolean;
}

@InputType('UpdateNotificationSettingsInput', { description: 'What to change; omitted fields stay as they are.' })
export class UpdateNotificationSettingsInput {
  @Field(() => EmailFrequency, { nullable: true, description: 'How often notifications are e-mailed.' })
  @IsOptional()
  @IsEnum(EmailFrequency)
  emailFrequency?: EmailFrequencyValue;

  @Field(() => [NotificationType], { nullable: true, description: 'Kinds of notification never e-mailed.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(NotificationType, { each: true })
  mutedTypes?: NotificationTypeValue[];

  @Field(() => Boolean, { nullable: true, description: 'Receive announcements by e-mail too.' })
  @IsOptional()
  @IsBoolean()
  emailAnnouncements?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Receive dues renewal reminders by e-mail.' })
  @IsOptional()
  @IsBoolean()
  emailRenewalReminders?: boolean;
}
