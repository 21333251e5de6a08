import { MAX_DELIVERY_ATTEMPTS, isLastAttempt, retryDelaySeconds } from '@/domain/delivery';
import { dueReminderOffset, REMINDER_OFFSETS, reminderTable } from '@/domain/reminders';

describe('which reminder is due', () => {
  it('is the offset itself on its day', () => {
    for (const offset of REMINDER_OFFSETS) expect(dueReminderOffset(offset)).toBe(offset);
  });

  it('after missed days, is only the latest offset whose day has come', () => {
    expect(dueReminderOffset(59)).toBe(60);
    expect(dueReminderOffset(31)).toBe(60);
    expect(dueReminderOffset(16)).toBe(30);
    expect(dueReminderOffset(6)).toBe(7);
    expect(dueReminderOffset(2)).toBe(7);
  });

  it('is none more than 60 days ahead, nor on or after the expiry day', () => {
    expect(dueReminderOffset(61)).toBeNull();
    expect(dueReminderOffset(0)).toBeNull();
    expect(dueReminderOffset(-3)).toBeNull();
  });

  it('is tabulated for every day from 1 to 60 for the set-based query', () => {
    const { daysLeft, offsets } = reminderTable();
    expect(daysLeft).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(offsets).toEqual(daysLeft.map(dueReminderOffset));
  });
});

describe('delivery retries', () => {
  it('back off from a minute, doubling, up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 11].map(retryDelaySeconds)).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it('go on for about three days', () => {
    const seconds = Array.from({ length: MAX_DELIVERY_ATTEMPTS - 1 }, (_, i) => retryDelaySeconds(i + 1)).reduce((a, b) => a + b, 0);
    expect(seconds / 86_400).toBeGreaterThan(2.5);
    expect(seconds / 86_400).toBeLessThan(3.5);
  });

  it('stop after the last attempt', () => {
    expect(isLastAttempt(MAX_DELIVERY_ATTEMPTS - 1)).toBe(false);
    expect(isLastAttempt(MAX_DELIVERY_ATTEMPTS)).toBe(true);
  });
});
