// The office works in Japan time whatever the workstation's clock zone is set to.
const OFFICE_TIME_ZONE = 'Asia/Tokyo';
const JAPANESE_CALENDAR = 'ja-JP-u-ca-japanese';

const dateFormat = new Intl.DateTimeFormat(JAPANESE_CALENDAR, {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: OFFICE_TIME_ZONE,
});

// Calendar dates (birth dates) have no time zone: they are placed at UTC midnight and read in UTC.
const calendarDateFormat = new Intl.DateTimeFormat(JAPANESE_CALENDAR, {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

const dateTimeFormat = new Intl.DateTimeFormat(JAPANESE_CALENDAR, {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: OFFICE_TIME_ZONE,
});

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseCalendarDate(value: string): Date | null {
  const match = CALENDAR_DATE.exec(value);
  if (!match) {
    return null;
  }
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function parseInstant(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2019-05-01" → "令和元年5月1日"; an ISO date-time is shown as its day in Japan time. */
export function formatWarekiDate(value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const calendarDate = parseCalendarDate(value);
  if (calendarDate) {
    return calendarDateFormat.format(calendarDate);
  }
  const instant = parseInstant(value);
  return instant ? dateFormat.format(instant) : value;
}

/** The text a date field starts with for a stored date: its 和暦 (令和8年4月1日), or nothing when there is none. */
export function typedWarekiDate(value: string | null | undefined): string {
  return value ? formatWarekiDate(value) : '';
}

/** "2026-11-26T05:03:00Z" → "令和8年11月26日 14:03" (Japan time). */
export function formatWarekiDateTime(value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const instant = parseInstant(value);
  return instant ? dateTimeFormat.format(instant) : value;
}

function todayInOffice(now: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: OFFICE_TIME_ZONE,
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Today in the office's time zone, as an ISO date (for date inputs and deadline counts). */
export function officeToday(now: Date = new Date()): string {
  const today = todayInOffice(now);
  return `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
}

/** Completed years of age on today's date in Japan, or null for an unreadable birth date. */
export function ageOn(birthDate: string, now: Date = new Date()): number | null {
  const match = CALENDAR_DATE.exec(birthDate);
  if (!match) {
    return null;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const today = todayInOffice(now);
  const hadBirthday = today.month > month || (today.month === month && today.day >= day);
  return today.year - year - (hadBirthday ? 0 : 1);
}
