import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const ISSUER = 'Pannello Clienti';
// A code from the step before or after the server's is accepted too: phones' clocks drift.
const TOLERANCE_SECONDS = 30;

/** A new TOTP secret (RFC 6238: base32, SHA-1, 6 digits, 30 s), and how an authenticator app enrols it. */
export async function newTotpEnrolment(accountLabel: string): Promise<{ secret: string; uri: string; qrCode: string }> {
  const secret = generateSecret();
  const uri = generateURI({ issuer: ISSUER, label: accountLabel, secret });
  return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(uri, { type: 'svg', margin: 2 })).toString('base64')}` };
}

/** The time step a 6-digit code matches, if it matches one within the tolerance and after `afterStep` (each code counts once); otherwise null. */
export async function totpStep(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, ...(afterStep === null ? {} : { afterTimeStep: afterStep }) });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

// Without look-alikes (0/o, 1/l/i): read off a sheet of paper and typed back.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten recovery codes, `xxxxx-xxxxx` (about 49 bits each). */
export function newRecoveryCodes(): string[] {
  const code = () => Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return Array.from({ length: 10 }, () => code().replace(/^(.{5})/, '$1-'));
}

/** A recovery code as typed (any case, spaces or dash) in the form it was hashed in. */
export function normalizeRecoveryCode(input: string): string {
  const bare = input.toLowerCase().replace(/[\s-]/g, '');
  return `${bare.slice(0, 5)}-${bare.slice(5)}`;
}
