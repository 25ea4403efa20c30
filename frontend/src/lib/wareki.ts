/**
 * Dates typed as clerks write them: 和暦 (令和6年4月1日, 令和元年5月1日, R6.4.1, H31/4/30, 昭和64年1月7日) or 西暦
 * (2024-04-01, 2024/4/1, 20240401, 2024年4月1日), full-width digits too. A 和暦 date must lie within its era's
 * real first and last days: 平成35年 and 昭和64年1月8日 are refused, not carried into the next era.
 */
interface Era {
  names: string[];
  first: string;
  last: string | null;
}

const ERAS: Era[] = [
  { names: ['明治', 'M'], first: '1868-01-25', last: '1912-07-29' },
  { names: ['大正', 'T'], first: '1912-07-30', last: '1926-12-24' },
  { names: ['昭和', 'S'], first: '1926-12-25', last: '1989-01-07' },
  { names: ['平成', 'H'], first: '1989-01-08', last: '2019-04-30' },
  { names: ['令和', 'R'], first: '2019-05-01', last: null },
];

const WAREKI = /^(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d{1,2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/i;
const SEIREKI = /^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function halfWidth(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[－―ー−]/g, '-')
    .trim();
}

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO date (YYYY-MM-DD) of what was typed, or null when it is no date (or outside its era). */
export function parseJapaneseDate(text: string): string | null {
  const value = halfWidth(text);
  const wareki = WAREKI.exec(value);
  if (wareki) {
    const era = ERAS.find((candidate) => candidate.names.some((name) => name === wareki[1].toUpperCase()));
    if (!era) {
      return null;
    }
    const eraYear = wareki[2] === '元' ? 1 : Number(wareki[2]);
    if (eraYear < 1) {
      return null;
    }
    const year = Number(era.first.slice(0, 4)) + eraYear - 1;
    const date = iso(year, Number(wareki[3]), Number(wareki[4]));
    if (!date || date < era.first || (era.last !== null && date > era.last)) {
      return null;
    }
    return date;
  }
  const seireki = SEIREKI.exec(value) ?? COMPACT.exec(value);
  if (seireki) {
    return iso(Number(seireki[1]), Number(seireki[2]), Number(seireki[3]));
  }
  return null;
}

/** The error under a date field whose text reads as no date when the form is sent. */
export const UNREADABLE_DATE = '日付を正しく入力してください（例: 令和8年4月1日、R8.4.1）';

/** Checked dates of a form: each as an ISO date (null when left empty), or the fields whose text is no date. */
export type TypedDates<K extends string> =
  { ok: true; dates: Record<K, string | null> } | { ok: false; unreadable: Record<string, string> };

/**
 * Reads a form's typed dates (和暦 or 西暦) before it is sent. A field left empty is null, for the server to say
 * whether it is needed; one that reads as no date is named here, under its field, instead of the whole request
 * failing at the server.
 */
export function readTypedDates<K extends string>(typed: Record<K, string>): TypedDates<K> {
  const dates = {} as Record<K, string | null>;
  const unreadable: Record<string, string> = {};
  for (const key of Object.keys(typed) as K[]) {
    const text = typed[key].trim();
    const parsed = text === '' ? null : parseJapaneseDate(text);
    if (text !== '' && !parsed) {
      unreadable[key] = UNREADABLE_DATE;
    }
    dates[key] = parsed;
  }
  return Object.keys(unreadable).length > 0 ? { ok: false, unreadable } : { ok: true, dates };
}

/** The 和暦 name of a month by the era of its first day: (2019, 5) → 令和元年5月, (2026, 12) → 令和8年12月. */
export function formatWarekiMonth(year: number, month: number): string {
  const first = iso(year, month, 1) ?? '';
  const era = [...ERAS].reverse().find((candidate) => first >= candidate.first);
  if (!era) {
    return `${year}年${month}月`;
  }
  const eraYear = year - Number(era.first.slice(0, 4)) + 1;
  return `${era.names[0]}${eraYear === 1 ? '元' : eraYear}年${month}月`;
}

/** The days (YYYY-MM-DD) of a month in weeks from Sunday, null before the 1st and after the last day. */
export function calendarWeeks(year: number, month: number): (string | null)[][] {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: firstWeekday }, () => null);
  for (let day = 1; day <= days; day++) {
    cells.push(iso(year, month, day));
  }
  while (cells.length % 7 !== 0) {
    cells.push(null);
  }
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}
