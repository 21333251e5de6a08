/** Shared between the global setup (which writes it) and the test files (which read it). */
export const TEMPLATE_DATABASE = 'pannello_test_template';

export function clusterUrl(database: string): string {
  const base = process.env.TEST_CLUSTER_URL;
  if (!base) throw new Error('TEST_CLUSTER_URL is not set: run the tests through jest (npm test)');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}
