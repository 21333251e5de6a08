import { isUserErrorCode, USER_ERROR_MESSAGES, UserErrorCode, userErrorMessage } from '@/domain/user-error-codes';

describe('the user error codes', () => {
  const codes = Object.keys(USER_ERROR_MESSAGES) as UserErrorCode[];

  it('give every code a message in Italian and in English', () => {
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z][A-Z_]*[A-Z]$/);
      expect(UserErrorCode[code]).toBe(code);
      for (const locale of ['it', 'en'] as const) expect(userErrorMessage(code, locale).trim()).not.toBe('');
      expect(userErrorMessage(code, 'it')).not.toBe(userErrorMessage(code, 'en'));
    }
    expect(Object.keys(UserErrorCode)).toEqual(codes);
  });

  it('keep the published values', () => {
    expect(codes).toEqual(expect.arrayContaining([
      'INVALID', 'REQUIRED', 'TOO_LONG', 'NOT_FOUND', 'INVALID_CURSOR', 'CODE_TAKEN', 'EMAIL_TAKEN', 'INVALID_TOKEN', 'NOT_AVAILABLE',
      'SERVICE_INACTIVE', 'SAME_PRODUCT', 'ALREADY_CANCELLED', 'CANCELLATION_PENDING', 'NO_CANCELLATION', 'TOO_LATE',
      'QUOTE_EXPIRED', 'QUOTE_STALE', 'IDEMPOTENCY_KEY_REUSED', 'ALREADY_PAID', 'ORDER_NOT_PAYABLE', 'AMOUNT_MISMATCH', 'FUTURE_DATE',
      'CREDIT_EXCEEDS_INVOICE', 'NOT_AN_INVOICE',
    ]));
  });

  it('recognise a code only among its own', () => {
    expect(isUserErrorCode('QUOTE_EXPIRED')).toBe(true);
    for (const value of ['quote_expired', 'ERROR', 'toString', '__proto__', '', undefined]) expect(isUserErrorCode(value)).toBe(false);
  });
});
