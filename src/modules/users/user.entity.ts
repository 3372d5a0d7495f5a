import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProfileVisibility } from '../../access/profile-policy';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text', { name: 'job_title', nullable: true }) jobTitle!: string | null;
  @Column('text', { nullable: true }) bio!: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) skills!: string[];
  @Column('text', { array: true, default: () => "'{}'" }) interests!: string[];
  @Column('text', { name: 'avatar_url', nullable: true }) avatarUrl!: string | null;
  @Column('text', { nullable: true }) phone!: string | null;
  /** Directory consent as stored: read it through `consentOf` (a field it lacks has its default). */
  @Column('jsonb', { name: 'profile_visibility' }) profileVisibility!: Partial<ProfileVisibility>;
  @Column('timestamptz', { name: 'memberships_ended_at', nullable: true }) membershipsEndedAt!: Date | null;
  /** What the directory searches: kept in step with the profile by UsersService. */
  @Column('text', { name: 'directory_text', default: '' }) directoryText!: string;
  @Column('timestamptz', { name: 'deactivated_at', nullable: true }) deactivatedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
