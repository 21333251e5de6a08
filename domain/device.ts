// Checked in order: Edge and Opera announce Chrome too, Chrome announces Safari.
const BROWSERS: [RegExp, string][] = [[/Edg\//, 'Edge'], [/OPR\/|Opera/, 'Opera'], [/Firefox\//, 'Firefox'], [/Chrom(e|ium)\//, 'Chrome'], [/Safari\//, 'Safari']];
const SYSTEMS: [RegExp, string][] = [[/Android/, 'Android'], [/iPhone|iPad|iPod/, 'iOS'], [/Windows/, 'Windows'], [/Mac OS X|Macintosh/, 'macOS'], [/CrOS/, 'ChromeOS'], [/Linux/, 'Linux']];

const firstMatch = (userAgent: string, table: [RegExp, string][]) => table.find(([pattern]) => pattern.test(userAgent))?.[1];

/** A signed-in device as a person recognises it ("Firefox, Windows"), from the browser's User-Agent. */
export function deviceLabel(userAgent: string | null | undefined): string {
  const agent = userAgent ?? '';
  const parts = [firstMatch(agent, BROWSERS), firstMatch(agent, SYSTEMS)].filter(Boolean);
  return parts.length ? parts.join(', ') : agent.replace(/[^\x20-\x7e]/g, '').trim().slice(0, 100) || 'unknown';
}
