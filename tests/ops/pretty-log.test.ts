import { prettyLine } from '@/lib/observability/pretty';

describe('log lines in development', () => {
  it('read as time, level, message and the fields, without pid and hostname; an error brings its stack', () => {
    const line = JSON.stringify({ level: 'info', time: '2026-12-07T17:54:19.122Z', pid: 1, hostname: 'vm', requestId: 'r-1', msg: 'request', method: 'POST', status: 200, operationName: null });
    expect(prettyLine(line)).toBe('17:54:19.122 INFO  request requestId=r-1 method=POST status=200 operationName=null\n');
    const failed = JSON.stringify({ level: 'error', time: '2026-12-07T17:54:19.122Z', msg: 'outbox delivery failed', err: { message: 'boom', stack: 'Error: boom\n    at here' } });
    expect(prettyLine(failed)).toBe('17:54:19.122 ERROR outbox delivery failed\nError: boom\n    at here\n');
    expect(prettyLine('not json\n')).toBe('not json\n');
  });
});
