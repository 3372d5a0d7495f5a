import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CommissionEntity } from './commission.entity';

export enum PublicationStatus {
  PROPOSED = 'PROPOSED',
  PUBLISHED = 'PUBLISHED',
}
export type PublicationStatusValue = `${PublicationStatus}`;
registerEnumType(PublicationStatus, {
  name: 'PublicationStatus',
  description: "Where a commission's working post stands on its way to the showcase.",
  valuesMap: {
    PROPOSED: { description: 'A member of the working group proposed it; an owner or moderator may publish it.' },
    PUBLISHED: { description: 'A copy is in the showcase group, signed by the commission.' },
  },
});

@ObjectType('Commission', {
  description:
    'A commission of an organisation: a PRIVATE working group where its members work, and a PUBLIC showcase group where it publishes.',
})
export class CommissionModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'Its name, visible to everyone logged in. At most 180 characters.' }) name!: string;
  @Field(() => String, {
    nullable: true,
    description: 'What it is about; visible to everyone. At most 5,000 characters.',
  })
  description!: string | null;
  @Field({ description: 'When it was created.' }) createdAt!: Date;
  organizationId!: string;
  workingGroupId!: string;
  showcaseGroupId!: string;
}

export function toCommissionModel(entity: CommissionEntity): CommissionModel {
  return {
    id: entity.id,
    name: entity.name,
    description: entity.description,
    createdAt: entity.createdAt,
    organizationId: entity.organizationId,
    workingGroupId: entity.workingGroupId,
    showcaseGroupId: entity.showcaseGroupId,
  };
}
