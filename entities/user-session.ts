import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from './user';

/**
 * A signed-in portal session. The session cookie (a next-auth JWT) carries its id, and a request is
 * accepted only while the row is not ended: signing out, or ending it from another device, refuses the
 * cookie at once.
 */
@Entity('user_sessions')
@Index('IDX_user_sessions_user_created', ['userId', 'createdAt'])
export class UserSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** Browser and system, read from the User-Agent when signing in. */
  @Column({ type: 'varchar', length: 100 })
  device: string;

  /** The client's IP address when signing in. */
  @Column({ type: 'varchar', length: 64 })
  address: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Updated at most once a minute, by the request that finds it older. */
  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;

  /** When this session passed the second factor (signing in with a code, or enrolling); null: it did not. */
  @Column({ name: 'second_factor_at', type: 'timestamptz', nullable: true })
  secondFactorAt: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** The rate limit's window, as an API token's (graphql/rate-limit.ts). */
  @Column({ name: 'rate_window_started_at', type: 'timestamptz', nullable: true })
  rateWindowStartedAt: Date | null;

  @Column({ name: 'rate_used', type: 'integer', default: 0 })
  rateUsed: number;
}
