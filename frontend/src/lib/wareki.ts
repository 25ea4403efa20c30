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
