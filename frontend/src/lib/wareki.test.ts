import { calendarWeeks, formatWarekiMonth, parseJapaneseDate, readTypedDates, UNREADABLE_DATE } from './wareki';

describe('parseJapaneseDate', () => {
  it.each([
    ['令和6年4月1日', '2024-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R6.4.1', '2024-04-01'],
    ['r6/4/1', '2024-04-01'],
    ['H31.4.30', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和64年1月7日', '1989-01-07'],
    ['大正元年7月30日', '1912-07-30'],
    ['明治元年1月25日', '1868-01-25'],
    ['明治45年7月29日', '1912-07-29'],
    ['2024-04-01', '2024-04-01'],
    ['2024/4/1', '2024-04-01'],
    ['２０２４年４月１日', '2024-04-01'],
    ['20240401', '2024-04-01'],
  ])('reads %s as %s', (typed, expected) => {
    expect(parseJapaneseDate(typed)).toBe(expected);
  });

  it.each([
    ['平成35年1月1日', 'after the era ended'],
    ['平成31年5月1日', 'the first day of 令和'],
    ['昭和64年1月8日', 'the first day of 平成'],
    ['令和元年4月30日', 'before the era began'],
    ['明治元年1月24日', 'before 明治'],
    ['大正元年7月29日', 'still 明治'],
    ['令和6年2月30日', 'no such day'],
    ['令和0年1月1日', 'no year 0'],
    ['2024-13-01', 'no such month'],
    ['きのう', 'no date'],
    ['', 'empty'],
  ])('refuses %s (%s)', (typed) => {
    expect(parseJapaneseDate(typed)).toBeNull();
  });
});

describe('the calendar picker', () => {
  it.each([
    [2026, 12, '令和8年12月'],
    [2019, 5, '令和元年5月'],
    [2019, 4, '平成31年4月'],
    [1989, 2, '平成元年2月'],
    [1926, 12, '大正15年12月'],
  ])('heads %i-%i as %s', (year, month, heading) => {
    expect(formatWarekiMonth(year, month)).toBe(heading);
  });

  it('lays a month out in weeks from Sunday', () => {
    // December 2026 starts on a Tuesday and has 31 days.
    const weeks = calendarWeeks(2026, 12);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([null, null, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']);
    expect(weeks[4]).toEqual(['2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', null, null]);
    expect(calendarWeeks(2024, 2).flat().filter(Boolean)).toHaveLength(29);
  });
});

describe('readTypedDates', () => {
  it('gives the ISO date of each field typed in 和暦 or 西暦, and null for a field left empty', () => {
    expect(readTypedDates({ from: 'R8.4.1', to: '2026/4/30', until: ' ' })).toEqual({
      ok: true,
      dates: { from: '2026-04-01', to: '2026-04-30', until: null },
    });
  });

  it('names the fields that read as no date, so that nothing is sent', () => {
    expect(readTypedDates({ from: '令和8年2月30日', to: 'R8.4.1', on: 'きのう' })).toEqual({
      ok: false,
      unreadable: { from: UNREADABLE_DATE, on: UNREADABLE_DATE },
    });
  });
});
