import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Account } from './account';

export type UserRole = 'USER' | 'ADMIN';

/** What a USER may do for its account (docs/product-rules.md, Accounts and access; domain/access-roles.ts decides what each may use). */
export type AccountRole = 'OWNER' | 'BILLING' | 'TECHNICAL' | 'READ_ONLY';
export const ACCOUNT_ROLES: readonly AccountRole[] = ['OWNER', 'BILLING', 'TECHNICAL', 'READ_ONLY'];
/** A back-office login limited to support's work (the ticket queue and what answering needs); a back-office login without one is the full admin. */
export type BackOfficeRole = 'SUPPORT';
/** users.account_role: an account login's role, or SUPPORT on a back-office login. */
export type LoginRole = AccountRole | BackOfficeRole;

/** A login. A USER acts for its account; an ADMIN is the back office and may have no account. */
@Entity('users')
@Check('CHK_users_role', `"role" IN ('USER', 'ADMIN')`)
@Check('CHK_users_account', `"role" = 'ADMIN' OR "account_id" IS NOT NULL`)
@Check('CHK_users_email_lowercase', `"email" = lower("email")`)
@Check('CHK_users_account_role', `("role" = 'ADMIN' AND ("account_role" IS NULL OR "account_role" = 'SUPPORT')) OR ("role" = 'USER' AND "account_role" IN ('OWNER', 'BILLING', 'TECHNICAL', 'READ_ONLY'))`)
@Check('CHK_users_locale', `"locale" IN ('it', 'en')`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** How the person is called; empty until given in the profile. */
  @Column({ type: 'varchar', length: 200, default: '' })
  name: string;

  /** The language of the portal and emails for this login; null: the account's. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  locale: 'it' | 'en' | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 8 })
  role: UserRole;

  /** Its role in its account; for the back office null (the full admin) or SUPPORT. */
  @Column({ name: 'account_role', type: 'varchar', length: 16, nullable: true })
  accountRole: LoginRole | null;

  /** The TOTP secret (base32) of the second factor, once enrolment is confirmed. */
  @Column({ name: 'totp_secret', type: 'varchar', length: 64, nullable: true })
  totpSecret: string | null;

  /** A TOTP secret being enrolled: shown as a QR code, kept until a code from it confirms it. */
  @Column({ name: 'totp_pending_secret', type: 'varchar', length: 64, nullable: true })
  totpPendingSecret: string | null;

  /** The latest TOTP time step accepted: a code is accepted once. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep: string | null;

  @Index()
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<Account>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
