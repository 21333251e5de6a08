/** Signs and encrypts portal sessions; `npm start` generates one and keeps it with the data when unset. */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set');
  return secret;
}
