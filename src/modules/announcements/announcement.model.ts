import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';

export enum Channel {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
}
export type ChannelValue = `${Channel}`;

registerEnumType(Channel, {
  name: 'Channel',
  description: 'How an announcement reaches people.',
  valuesMap: {
    IN_APP: { description: 'An ANNOUNCEMENT notification in Maillage (and on the live socket).' },
    EMAIL: { description: 'An e-mail, to everyone who did not turn announcement e-mails off.' },
  },
});

/** An `announcements` row with the viewer's own recipient row, when there is one. */
export interface AnnouncementRow {
  id: string;
  organization_id: string;
  segment_name: string | null;
  title: string;
  body: string;
  channels: ChannelValue[];
  require_acknowledgement: boolean;
  sent_at: Date;
  read_at?: Date | null;
  acknowledged_at?: Date | null;
  is_recipient?: boolean;
}

@ObjectType('Announcement', {
  description:
    'A message from an organisation to a segment of its members. Its audience was fixed when it was sent; reach counts come from the recipients themselves.',
})
export class AnnouncementModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'Up to 200 characters.' }) title!: string;
  @Field({ description: 'Plain text, up to 20,000 characters.' }) body!: string;
  @Field({ description: 'When it was sent.' }) sentAt!: Date;
  @Field(() => [Channel], { description: 'How it was sent.' }) channels!: ChannelValue[];
  @Field({ description: 'Recipients are asked to confirm they took note of it.' }) requireAcknowledgement!: boolean;
  @Field({ description: 'The viewer received it (it is in their `myAnnouncements`).' }) viewerIsRecipient!: boolean;
  @Field({ description: 'The viewer opened it (false when they are not a recipient).' }) viewerHasRead!: boolean;
  @Field({ description: 'The viewer acknowledged it (false when they are not a recipient).' })
  viewerHasAcknowledged!: boolean;
  organizationId!: string;
  segmentName!: string | null;
}

/** Reach, counted from the recipients table. */
export interface AnnouncementReach {
  audienceCount: number;
  emailedCount: number;
  readCount: number;
  acknowledgedCount: number;
}

export const AnnouncementConnection = ConnectionType(AnnouncementModel, 'Announcement');

export function toAnnouncementModel(row: AnnouncementRow): AnnouncementModel {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    sentAt: row.sent_at,
    channels: row.channels,
    requireAcknowledgement: row.require_acknowledgement,
    viewerIsRecipient: !!row.is_recipient,
    viewerHasRead: !!row.read_at,
    viewerHasAcknowledged: !!row.acknowledged_at,
    organizationId: row.organization_id,
    segmentName: row.segment_name,
  };
}
