import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatWarekiDate, officeToday } from '../lib/date';
import { calendarWeeks, formatWarekiMonth } from '../lib/wareki';

interface JapaneseCalendarProps {
  id: string;
  /** The chosen day (YYYY-MM-DD), or null: the calendar then opens on this month. */
  value: string | null;
  onPick: (isoDate: string) => void;
  onClose: () => void;
}

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

/**
 * A month calendar headed in 和暦 (令和8年12月) with steps by month and by year, so that a birth date decades back is
 * a few clicks away. Days are buttons named by their 和暦 date; Escape closes it.
 */
export function JapaneseCalendar({ id, value, onPick, onClose }: JapaneseCalendarProps) {
  const start = value ?? officeToday();
  const [month, setMonth] = useState({ year: Number(start.slice(0, 4)), month: Number(start.slice(5, 7)) });
  const chosenRef = useRef<HTMLButtonElement>(null);
  const today = officeToday();

  useEffect(() => {
    chosenRef.current?.focus();
  }, []);

  function step(months: number) {
    const index = month.year * 12 + (month.month - 1) + months;
    setMonth({ year: Math.floor(index / 12), month: (index % 12) + 1 });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  }

  const prefix = `${month.year}-${String(month.month).padStart(2, '0')}-`;
  // Focus lands on the chosen day, else today, else the 1st, of the month shown.
  const focusTarget = value?.startsWith(prefix) ? value : today.startsWith(prefix) ? today : `${prefix}01`;
  return (
    // The dialog only listens for Escape; its buttons take the keyboard.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div className="jp-calendar" id={id} role="dialog" aria-label="カレンダー（和暦）" onKeyDown={onKeyDown}>
      <div className="jp-calendar-head">
        <button type="button" onClick={() => step(-12)} aria-label="前の年">
          «
        </button>
        <button type="button" onClick={() => step(-1)} aria-label="前の月">
          ‹
        </button>
        <span aria-live="polite" data-testid={`${id}-month`}>
          {formatWarekiMonth(month.year, month.month)}
        </span>
        <button type="button" onClick={() => step(1)} aria-label="次の月">
          ›
        </button>
        <button type="button" onClick={() => step(12)} aria-label="次の年">
          »
        </button>
      </div>
      <table className="jp-calendar-days">
        <thead>
          <tr>
            {WEEKDAYS.map((day) => (
              <th key={day} scope="col">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {calendarWeeks(month.year, month.month).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) =>
                day === null ? (
                  <td key={d} />
                ) : (
                  <td key={d}>
                    <button
                      type="button"
                      ref={day === focusTarget ? chosenRef : undefined}
                      className={
                        [day === value ? 'chosen' : '', day === today ? 'today' : ''].join(' ').trim() || undefined
                      }
                      aria-label={formatWarekiDate(day)}
                      aria-pressed={day === value}
                      onClick={() => onPick(day)}
                    >
                      {Number(day.slice(8))}
                    </button>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="jp-calendar-close" onClick={onClose}>
        閉じる
      </button>
    </div>
  );
}
