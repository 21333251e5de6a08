const COLORS: Record<string, string> = { trace: '90', debug: '36', info: '32', warn: '33', error: '31', fatal: '35' };

/** One JSON log line as a person reads it in a terminal: time, level, message, the rest as key=value. */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json);
  } catch {
    return json;
  }
  const { time, level, msg, pid: _pid, hostname: _hostname, err, ...rest } = entry;
  const fields = Object.entries(rest).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const stack = err && typeof err === 'object' && 'stack' in err ? `\n${String((err as { stack: unknown }).stack)}` : '';
  const label = String(level);
  const color = process.stdout.isTTY ? COLORS[label] : undefined;
  const shown = color ? `\x1b[${color}m${label.toUpperCase().padEnd(5)}\x1b[0m` : label.toUpperCase().padEnd(5);
  return `${String(time ?? '').slice(11, 23)} ${shown} ${[msg, ...fields].filter((part) => part !== undefined && part !== '').join(' ')}${stack}\n`;
}
