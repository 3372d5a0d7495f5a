import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '../../common/validation/text.decorators';

export enum SearchType {
  QUESTION = 'QUESTION',
  ANSWER = 'ANSWER',
  POST = 'POST',
  GROUP = 'GROUP',
  PERSON = 'PERSON',
  EVENT = 'EVENT',
}
registerEnumType(SearchType, {
  name: 'SearchType',
  description: 'What a hit is.',
  valuesMap: {
    QUESTION: { description: 'A question (title, details, tags).' },
    ANSWER: { description: 'An answer; `questionId` says which question.' },
    POST: { description: 'A post in a group.' },
    GROUP: {
      description: 'A group, found by name, description and topics (private ones too: their metadata is public).',
    },
    PERSON: { description: 'A person, found by name and by what they share (job title, skills, interests).' },
    EVENT: { description: 'An event in a group (title, description, place); cancelled ones are not found.' },
  },
});

@ObjectType('SearchHit', { description: 'One result. Only content the viewer may read is ever returned.' })
export class SearchHitModel {
  @Field(() => SearchType, { description: 'What the hit is.' }) type!: SearchType;
  @Field(() => ID, { description: 'The id of the question, answer, post, group or person.' }) id!: string;
  @Field({
    description: "A question's title, an answer's question, a group's or person's name, a post's opening words.",
  })
  title!: string;
  @Field({ description: 'Plain text around the matches, HTML-escaped, with each match inside <mark>…</mark>.' })
  snippet!: string;
  @Field(() => ID, { nullable: true, description: 'The group it lives in; null for a person.' }) groupId!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'For an answer: its question.' }) questionId!: string | null;
  @Field({ description: 'When it was written (or the group or account created).' }) createdAt!: Date;
}

@ObjectType('SearchResult', { description: 'One page of hits across the requested types, best first.' })
export class SearchResultModel {
  @Field(() => [SearchHitModel], { description: 'The hits of this page, best first.' }) hits!: SearchHitModel[];
  @Field(() => Int, {
    description: 'About how many hits the viewer may see in all; never counts what they may not read.',
  })
  estimatedTotal!: number;
}

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Words to find; typos and missing accents are tolerated.' })
  @IsNotBlank()
  @MaxLength(200)
  query!: string;

  @Field(() => [SearchType], { nullable: true, description: 'All types when omitted.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(SearchType, { each: true })
  types?: SearchType[];

  @Field(() => ID, { nullable: true, description: 'Only content of this group.' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => Int, { defaultValue: 0, description: 'How many hits to skip, 0 to 1,000.' })
  @IsInt()
  @Min(0)
  @Max(1000)
  offset: number = 0;
}
