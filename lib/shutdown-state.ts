// On globalThis: the signal handler (instrumentation) and the readiness route are bundled apart.
const holder = globalThis as typeof globalThis & { __pannelloStopping?: boolean };

/** True from the moment this instance was asked to stop: it answers not-ready while it drains. */
export function isStopping(): boolean {
  return holder.__pannelloStopping === true;
}

export function markStopping(): void {
  holder.__pannelloStopping = true;
}
