import { date, dateTime } from '@/portal/format';

describe("the portal's dates and times", () => {
  it('write the year with four digits, times in Europe/Rome', () => {
    expect(dateTime('2026-12-07T16:26:00.000Z', 'it')).toBe('07/12/2026, 17:26');
    expect(dateTime('2026-07-02T22:05:00.000Z', 'it')).toBe('03/07/2026, 00:05');
    expect(dateTime('2026-12-07T16:26:00.000Z', 'en')).toBe('2026-12-07, 17:26');
    expect(date('2026-12-07', 'it')).toBe('07/12/2026');
  });
});
