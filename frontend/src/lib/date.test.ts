import { ageOn, formatWarekiDate, formatWarekiDateTime, officeToday } from './date';

describe('formatWarekiDate', () => {
  it('shows the last day of Heisei as 平成31年', () => {
    expect(formatWarekiDate('2019-04-30')).toBe('平成31年4月30日');
  });

  it('shows the first day of Reiwa as 令和元年', () => {
    expect(formatWarekiDate('2019-05-01')).toBe('令和元年5月1日');
  });

  it('shows the Showa to Heisei change', () => {
    expect(formatWarekiDate('1989-01-07')).toBe('昭和64年1月7日');
    expect(formatWarekiDate('1989-01-08')).toBe('平成元年1月8日');
  });

  it('shows an instant as its day in Japan time', () => {
    // 2019-04-30T15:30Z is already 1 May, 00:30 in Tokyo.
    expect(formatWarekiDate('2019-04-30T15:30:00Z')).toBe('令和元年5月1日');
  });

  it('shows a dash for a missing date and the raw text for an unreadable one', () => {
    expect(formatWarekiDate(null)).toBe('—');
    expect(formatWarekiDate('不明')).toBe('不明');
  });
});

describe('formatWarekiDateTime', () => {
  it('shows date and 24-hour time in Japan time', () => {
    expect(formatWarekiDateTime('2026-11-26T05:03:00Z')).toBe('令和8年11月26日 14:03');
  });

  it('keeps an explicit offset', () => {
    expect(formatWarekiDateTime('2019-04-30T23:59:00+09:00')).toBe('平成31年4月30日 23:59');
  });
});

describe('ageOn', () => {
  const now = new Date('2026-11-26T03:00:00Z');

  it('counts a birthday reached today', () => {
    expect(ageOn('2000-11-26', now)).toBe(26);
  });

  it('does not count a birthday still to come', () => {
    expect(ageOn('2000-11-27', now)).toBe(25);
  });

  it('uses the Japanese calendar day, not the UTC one', () => {
    // 15:30 UTC on the 25th is already the 26th in Tokyo.
    expect(ageOn('2000-11-26', new Date('2026-11-25T15:30:00Z'))).toBe(26);
  });

  it('gives null for an unreadable birth date', () => {
    expect(ageOn('2000/11/26', now)).toBeNull();
  });
});

describe('officeToday', () => {
  it('is the calendar day in Japan, whatever the workstation zone', () => {
    expect(officeToday(new Date('2026-04-30T15:30:00Z'))).toBe('2026-05-01');
    expect(officeToday(new Date('2026-04-30T14:59:00Z'))).toBe('2026-04-30');
  });
});
