import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An uploaded file. `postId`/`groupId` are null until a post carries it; until then only its uploader sees it. */
@Entity('files')
export class FileEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'uploader_id', nullable: true }) uploaderId!: string | null;
  /** The name it was uploaded with (accents kept, path parts removed). */
  @Column('text') name!: string;
  /** Judged from the content, never from the name or the client's claim. */
  @Column('text', { name: 'mime_type' }) mimeType!: string;
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) size!: number;
  @Column('text', { name: 'storage_key' }) storageKey!: string;
  @Column('text', { name: 'thumbnail_key', nullable: true }) thumbnailKey!: string | null;
  @Column('uuid', { name: 'post_id', nullable: true }) postId!: string | null;
  @Column('uuid', { name: 'group_id', nullable: true }) groupId!: string | null;
  @Column('int') position!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'attached_at', nullable: true }) attachedAt!: Date | null;
}
