/** A one-line status message after a form (announced to screen readers). */
export function OutcomeNotice({ message, error }: { message?: string | null; error?: string | null }) {
  if (error) return <p role="alert" className="notice notice-error">{error}</p>;
  if (message) return <p role="status" className="notice">{message}</p>;
  return null;
}
