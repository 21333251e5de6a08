import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed portal login, kept for a day: recent failures per email and per address throttle further attempts. */
@Entity('login_attempts')
@Index('IDX_login_attempts_email_created', ['email', 'createdAt'])
@Index('IDX_login_attempts_address_created', ['address', 'createdAt'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As typed, normalised; not necessarily a known login. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** The client's IP address. */
  @Column({ type: 'varchar', length: 64 })
  address: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
