import type { ValueTransformer } from 'typeorm';

/** bigint cents come back from pg as strings; they stay well inside Number's safe range. */
export const centsTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const cents = Number(value);
    if (!Number.isSafeInteger(cents)) throw new RangeError(`amount out of range: ${value}`);
    return cents;
  },
};

export const CENTS = { type: 'bigint', transformer: centsTransformer } as const;
