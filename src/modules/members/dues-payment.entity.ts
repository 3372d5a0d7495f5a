import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A dues payment for a dated period (dates are `YYYY-MM-DD` strings). */
@Entity('dues_payments')
export class DuesPaymentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  /** NULL once the person is erased (the amount stays for the accounts, anonymised). */
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('int', { name: 'amount_cents' }) amountCents!: number;
  @Column('date', { name: 'paid_on' }) paidOn!: string;
  @Column('date', { name: 'period_start' }) periodStart!: string;
  @Column('date', { name: 'period_end' }) periodEnd!: string;
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('uuid', { name: 'recorded_by', nullable: true }) recordedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
