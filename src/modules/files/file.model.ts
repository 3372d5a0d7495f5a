import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ConnectionArgs, ConnectionType } from '../../common/pagination/connection';
import { FileEntity } from './file.entity';

@ObjectType('File', { description: 'A file attached to a post (or uploaded and waiting for one).' })
export class FileModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'The name it was uploaded with, accents kept.' }) name!: string;
  @Field({ description: 'The type judged from its content, e.g. application/pdf or image/jpeg.' }) mimeType!: string;
  @Field(() => Int, { description: 'Size in bytes (of the stored file: images are re-encoded without metadata).' })
  size!: number;
  @Field({ description: 'When it was uploaded.' }) createdAt!: Date;
  uploaderId!: string | null;
  storageKey!: string;
  hasThumbnail!: boolean;
}

export const FileConnection = ConnectionType(FileModel, 'File');

export function toFileModel(entity: FileEntity): FileModel {
  return {
    id: entity.id,
    name: entity.name,
    mimeType: entity.mimeType,
    size: entity.size,
    createdAt: entity.createdAt,
    uploaderId: entity.uploaderId,
    storageKey: entity.storageKey,
    hasThumbnail: entity.thumbnailKey !== null,
  };
}

@ArgsType()
export class DocumentsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Words in the file name; case and accents ignored.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

/** What `POST /files` answers. */
export interface UploadAnswer {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  url: string;
  thumbnailUrl: string | null;
}
