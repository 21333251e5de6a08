import type { UserErrorCode } from '@/domain/user-error-codes';

export interface Problem { code: UserErrorCode; message: string; field: string | null }

/**
 * Problems the caller can fix (bad input, a state that forbids the action). Mutations report them
 * in `userErrors`; queries as a BAD_USER_INPUT error. Never carries internals. The code is one of
 * `domain/user-error-codes.ts`; the message is the API's English, as specific as the case allows.
 */
export class UserInputError extends Error {
  readonly problems: Problem[];

  constructor(code: UserErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = 'UserInputError';
    this.problems = [{ code, message, field }];
  }

  static of(problems: Problem[]): UserInputError {
    const error = new UserInputError(problems[0].code, problems.map((p) => p.message).join('; '), problems[0].field);
    error.problems.splice(0, 1, ...problems);
    return error;
  }
}

/** Collects field problems and throws them together. */
export class Validation {
  private readonly problems: Problem[] = [];

  check(ok: boolean, field: string, code: UserErrorCode, message: string): this {
    if (!ok) this.problems.push({ field, code, message });
    return this;
  }

  throwIfInvalid(): void {
    if (this.problems.length) throw UserInputError.of(this.problems);
  }
}

/** The caller may not take this action at all (not a problem it can fix): reported as FORBIDDEN. */
export class ForbiddenError extends Error {
  constructor(message = 'Only the back office may take this action') {
    super(message);
    this.name = 'ForbiddenError';
  }
}
