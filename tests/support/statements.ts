import pg from 'pg';

/** `name` is set for a named prepared statement. */
export interface SentStatement { text: string; values: unknown[]; name?: string }

/** Every statement sent to PostgreSQL while `run` goes, on any connection, with its parameters. */
export async function queriesDuring(run: () => Promise<unknown>): Promise<SentStatement[]> {
  const spy = jest.spyOn(pg.Client.prototype, 'query');
  try {
    await run();
    return spy.mock.calls.map(([statement, values]) => {
      if (typeof statement === 'string') return { text: statement, values: Array.isArray(values) ? values : [] };
      const { text, values: parameters = [], name } = statement as { text: string; values?: unknown[]; name?: string };
      return { text, values: parameters, name };
    });
  } finally {
    spy.mockRestore();
  }
}

/** The text of every statement sent to PostgreSQL while `run` goes, on any connection. */
export async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  return (await queriesDuring(run)).map((statement) => statement.text);
}
