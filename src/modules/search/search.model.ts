import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '../../common/validation/text.decorators';

export enum SearchType {
  QUESTION = 'QUESTION',
  ANSWER = 'ANSWER',
  POST = 'POST',
  GROUP = 'GROUP',
  PERSON = 'PERSON',
}
registerEnumType(SearchType, { name: 'SearchType' });

@ObjectType('SearchHit', { description: 'One result. Only content the viewer may read is ever returned.' })
export class SearchHitModel {
  @Field(() => SearchType) type!: SearchType;
  @Field(() => ID) id!: string;
  @Field({
    description: "A question's title, an answer's question, a group's or person's name, a post's opening words.",
  })
  title!: string;
  @Field({ description: 'Plain text around the matches, HTML-escaped, with each match inside <mark>…</mark>.' })
  snippet!: string;
  @Field(() => ID, { nullable: true }) groupId!: string | null;
  @Field(() => ID, { nullable: true, description: 'For an answer: its question.' }) questionId!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('SearchResult')
export class SearchResultModel {
  @Field(() => [SearchHitModel]) hits!: SearchHitModel[];
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
  @ArrayMaxSize(5)
  @IsEnum(SearchType, { each: true })
  types?: SearchType[];

  @Field(() => ID, { nullable: true, description: 'Only content of this group.' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(1000)
  offset: number = 0;
}
