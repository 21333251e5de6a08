import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Account } from './account';
import { User } from './user';

/** A Bearer token; only the SHA-256 of its secret is kept. */
@Entity('api_tokens')
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The first characters of the token, shown so the owner can recognise it. */
  @Column({ name: 'display_prefix', type: 'varchar', length: 16 })
  displayPrefix: string;

  @Index('UQ_api_tokens_secret_hash', { unique: true })
  @Column({ name: 'secret_hash', type: 'char', length: 64 })
  secretHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** What the token may do (`services:read`…); null for full access, as every token made before scopes existed. */
  @Column({ type: 'varchar', length: 32, array: true, nullable: true })
  scopes: string[] | null;

  /** The one client of a reseller the token reaches; null: the login's whole reach. */
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId: string | null;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Relation<Account>;

  /** The last day the token is accepted, in Europe/Rome; null: it does not expire. */
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  /** The rate limit's window: when it started and the query-cost points spent in it (graphql/rate-limit.ts). */
  @Column({ name: 'rate_window_started_at', type: 'timestamptz', nullable: true })
  rateWindowStartedAt: Date | null;

  @Column({ name: 'rate_used', type: 'integer', default: 0 })
  rateUsed: number;
}
