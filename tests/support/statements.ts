import pg from 'pg';

/** The text of every statement sent to PostgreSQL while `run` goes, on any connection. */
export async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const spy = jest.spyOn(pg.Client.prototype, 'query');
  try {
    await run();
    return spy.mock.calls.map(([statement]) => (typeof statement === 'string' ? statement : String((statement as { text?: string }).text)));
  } finally {
    spy.mockRestore();
  }
}
