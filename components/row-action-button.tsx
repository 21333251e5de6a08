/** A button acting on one row of a table, what it acts on posted as hidden fields and named to screen readers. */
export function RowActionButton({ action, fields, label, ariaLabel }: { action: (formData: FormData) => Promise<void>; fields: Record<string, string>; label: string; ariaLabel: string }) {
  return (
    <form action={action}>
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className="secondary" aria-label={ariaLabel}>{label}</button>
    </form>
  );
}
