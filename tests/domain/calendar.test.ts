import { addDays, addYears, dateAt, daysBetween, isCalendarDate } from '@/domain/calendar';

describe('calendar dates', () => {
  it('counts whole days across DST changes and leap days', () => {
    expect(daysBetween('2026-07-02', '2027-01-01')).toBe(183);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // clocks go forward on 29 March
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2); // and back on 25 October
    expect(daysBetween('2027-01-01', '2026-07-02')).toBe(-183);
  });

  it('adds a year, turning 29 February into 28 February', () => {
    expect(addYears('2027-01-01', 1)).toBe('2028-01-01');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('validates dates strictly', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('tomorrow')).toBe(false);
    // PostgreSQL has no year 0
    expect(isCalendarDate('0000-01-01')).toBe(false);
    expect(isCalendarDate('0001-01-01')).toBe(true);
  });

  it('reads the date in Europe/Rome from an instant', () => {
    expect(dateAt(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // 00:30 in Rome (CEST)
    expect(dateAt(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31'); // 23:59 in Rome (CET)
  });
});
