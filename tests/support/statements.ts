import pg from 'pg';

export interface SentStatement { text: string; values: unknown[] }

/** Every statement sent to PostgreSQL while `run` goes, on any connection, with its parameters. */
export async function queriesDuring(run: () => Promise<unknown>): Promise<SentStatement[]> {
  const spy = jest.spyOn(pg.Client.prototype, 'query');
  try {
    await run();
    return spy.mock.calls.map(([statement, values]) => (typeof statement === 'string'
      ? { text: statement, values: Array.isArray(values) ? values : [] }
      : { text: String((statement as { text?: string }).text), values: (statement as { values?: unknown[] }).values ?? [] }));
  } finally {
    spy.mockRestore();
  }
}

/** The text of every statement sent to PostgreSQL while `run` goes, on any connection. */
export async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  return (await queriesDuring(run)).map((statement) => statement.text);
}
