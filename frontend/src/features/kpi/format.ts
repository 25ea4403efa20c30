/** Durations arrive in hours: under two days they read as hours, beyond as days. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) {
    return '—';
  }
  if (hours < 48) {
    return `${hours.toFixed(1)}時間`;
  }
  return `${(hours / 24).toFixed(1)}日`;
}

export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) {
    return '—';
  }
  return `${(rate * 100).toFixed(1)}%`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('ja-JP');
}

/**
 * 年度 of a cohort by the calendar year it starts in, in 和暦: 2019 → 令和元年度 (as the state names it, though it
 * began in 平成31年), 2018 → 平成30年度. The era is the one of December 31 of the starting year.
 */
export function formatFiscalYear(startYear: number): string {
  const date = new Date(Date.UTC(startYear, 11, 31));
  const text = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
  return `${text.replace(/^(\D+)1年$/, '$1元年').replace(/年$/, '')}年度`;
}
