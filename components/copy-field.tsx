'use client';

import { useState } from 'react';

/** A read-only value with a button that copies it (a secret address to paste into a calendar app). */
export function CopyField({ id, label, value, copy, copied }: { id: string; label: string; value: string; copy: string; copied: string }) {
  const [done, setDone] = useState(false);
  return (
    <p>
      <label htmlFor={id}>{label}</label>
      <input id={id} readOnly value={value} onFocus={(event) => event.currentTarget.select()} />
      <button type="button" className="secondary" onClick={() => navigator.clipboard.writeText(value).then(() => setDone(true))} aria-live="polite">
        {done ? copied : copy}
      </button>
    </p>
  );
}
