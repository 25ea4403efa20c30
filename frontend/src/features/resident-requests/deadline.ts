/** How a request's deadline reads in lists: a badge per fact, the label saying it (colour only helps scanning). */
export interface DeadlineBadge {
  label: string;
  className: string;
}

export interface DeadlineFacts {
  dueOn: string;
  extended: boolean;
  overdue: boolean;
  open: boolean;
}

/** Days the reminder comes before the due date (the server's default, immunization.resident-request.reminder-before). */
export const REMINDER_DAYS = 5;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) {
    throw new Error(`not a date: ${isoDate}`);
  }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/** Calendar days from today to the due date: 0 on the due date, negative once it has passed. */
export function daysLeft(dueOn: string, today: string): number {
  return dayNumber(dueOn) - dayNumber(today);
}

/** 期限超過 while undecided past the due date; 期限まであと N 日 within the reminder period; 延長 once extended. */
export function deadlineBadges(request: DeadlineFacts, today: string): DeadlineBadge[] {
  const badges: DeadlineBadge[] = [];
  if (request.open) {
    const left = daysLeft(request.dueOn, today);
    if (request.overdue || left < 0) {
      badges.push({ label: '期限超過', className: 'badge badge-overdue' });
    } else if (left === 0) {
      badges.push({ label: '本日が期限', className: 'badge badge-warning' });
    } else if (left <= REMINDER_DAYS) {
      badges.push({ label: `期限まであと${left}日`, className: 'badge badge-warning' });
    }
  }
  if (request.extended) {
    badges.push({ label: '延長', className: 'badge' });
  }
  return badges;
}
