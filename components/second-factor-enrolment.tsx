'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { enrolSecondFactor, type EnrolmentState } from '@/portal/second-factor-actions';

interface Labels { start: string; scan: string; qr: string; key: string; code: string; confirm: string; recovery: string; continue: string }

export function SecondFactorEnrolment({ labels }: { labels: Labels }) {
  const [state, action, pending] = useActionState<EnrolmentState, FormData>(enrolSecondFactor, { step: 'START', qrCode: null, secret: null, recoveryCodes: [], error: null });
  if (state.step === 'DONE') {
    return (
      <div role="status" className="notice">
        <p>{labels.recovery}</p>
        <ul className="recovery-codes" data-testid="recovery-codes">{state.recoveryCodes.map((code) => <li key={code}><code>{code}</code></li>)}</ul>
        <p><Link href="/area">{labels.continue}</Link></p>
      </div>
    );
  }
  return (
    <form action={action}>
      <input type="hidden" name="step" value={state.step} />
      {state.step === 'SCAN' && (
        <>
          <p>{labels.scan}</p>
          <p><img src={state.qrCode!} alt={labels.qr} width={200} height={200} /></p>
          <p>{labels.key}: <code className="secret" data-testid="totp-secret">{state.secret}</code></p>
          <label htmlFor="totp-code">{labels.code}</label>
          <input id="totp-code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" required />
        </>
      )}
      {state.error && <p role="alert" className="error">{state.error}</p>}
      <p><button type="submit" disabled={pending}>{state.step === 'SCAN' ? labels.confirm : labels.start}</button></p>
    </form>
  );
}
