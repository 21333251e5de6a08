import type { DataSource } from 'typeorm';
import { User } from '@/entities';
import { hashPassword, verifyPassword } from '@/lib/passwords';

// Compared against when the email is unknown, so a miss takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

/** The user id for a correct email and password, otherwise null. */
export async function authenticateWithPassword(db: DataSource, email: string, password: string): Promise<string | null> {
  const user = await db.getRepository(User).findOne({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    await verifyPassword(await (decoyHash ??= hashPassword('decoy password')), password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user.id : null;
}
