'use server';

import { redirect } from 'next/navigation';
import { portalQuery, type UserError } from './graphql';
import { getDictionary, problemMessage } from './i18n';

export interface EnrolmentState { step: 'START' | 'SCAN' | 'DONE'; qrCode: string | null; secret: string | null; recoveryCodes: string[]; error: string | null }

/** The enrolment, one step per submission: a new secret and its QR code, then the code that confirms it, then the recovery codes (shown this once). */
export async function enrolSecondFactor(previous: EnrolmentState, formData: FormData): Promise<EnrolmentState> {
  const { locale, t } = await getDictionary();
  if (formData.get('step') === 'SCAN') {
    const { data } = await portalQuery<{ confirmTwoFactorEnrolment: { recoveryCodes: string[] | null; userErrors: UserError[] } }>(
      'mutation($code: String!) { confirmTwoFactorEnrolment(input: { code: $code }) { recoveryCodes userErrors { field code message } } }', { code: String(formData.get('code') ?? '') });
    const codes = data?.confirmTwoFactorEnrolment.recoveryCodes;
    if (codes) return { ...previous, step: 'DONE', recoveryCodes: codes, error: null };
    return { ...previous, error: problemMessage(data?.confirmTwoFactorEnrolment.userErrors[0]?.code, locale) ?? t.errors.generic };
  }
  const { data } = await portalQuery<{ beginTwoFactorEnrolment: { qrCode: string | null; secret: string | null; userErrors: UserError[] } }>(
    'mutation { beginTwoFactorEnrolment { qrCode secret userErrors { field code message } } }');
  const begun = data?.beginTwoFactorEnrolment;
  if (!begun?.qrCode) return { ...previous, error: problemMessage(begun?.userErrors[0]?.code, locale) ?? t.errors.generic };
  return { step: 'SCAN', qrCode: begun.qrCode, secret: begun.secret, recoveryCodes: [], error: null };
}

export async function disableSecondFactor(formData: FormData): Promise<void> {
  const { data } = await portalQuery<{ disableTwoFactor: { userErrors: UserError[] } }>(
    'mutation($password: String!, $code: String!) { disableTwoFactor(input: { currentPassword: $password, code: $code }) { userErrors { field code message } } }',
    { password: String(formData.get('currentPassword') ?? ''), code: String(formData.get('code') ?? '') });
  const problem = data?.disableTwoFactor.userErrors[0];
  redirect(problem || !data ? `/due-fattori?errore=${problem?.code ?? 'GENERIC'}` : '/due-fattori');
}
