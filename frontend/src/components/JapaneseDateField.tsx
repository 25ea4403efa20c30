import { useState } from 'react';
import { formatWarekiDate } from '../lib/date';
import { parseJapaneseDate } from '../lib/wareki';
import { bindValue, FormField } from './FormField';
import { JapaneseCalendar } from './JapaneseCalendar';

interface JapaneseDateFieldProps {
  id: string;
  label: string;
  /** What was typed; the caller reads it with parseJapaneseDate when it sends it. */
  value: string;
  onChange: (value: string) => void;
  /** The server's message for this field. */
  error?: string;
  required?: boolean;
  readOnly?: boolean;
  disabled?: boolean;
  onBlur?: () => void;
}

/** What the reading under a date field says for what was typed. */
export function dateReading(value: string): string {
  if (value.trim() === '') {
    return '例: 令和8年4月1日、R8.4.1、2026-04-01';
  }
  const parsed = parseJapaneseDate(value);
  return parsed ? `${formatWarekiDate(parsed)}（${parsed}）` : '日付として読めません（例: 令和8年4月1日）';
}

/**
 * One date input for every form: 和暦 or 西暦 typed as clerks write them (令和6年4月1日, R6.4.1, 2024/4/1), read back
 * under the field in 和暦 so that a slip shows before anything is sent, or picked from a calendar headed in 和暦.
 */
export function JapaneseDateField({
  id,
  label,
  value,
  onChange,
  error,
  required,
  readOnly,
  disabled,
  onBlur,
}: JapaneseDateFieldProps) {
  const [picking, setPicking] = useState(false);
  const parsed = value.trim() === '' ? null : parseJapaneseDate(value);
  const editable = !readOnly && !disabled;
  return (
    <FormField id={id} label={label} error={error} hint={dateReading(value)} required={required}>
      {(control) => (
        <span className="jp-date">
          <input
            {...control}
            type="text"
            inputMode="text"
            autoComplete="off"
            required={required}
            readOnly={readOnly}
            disabled={disabled}
            onBlur={onBlur}
            className={value.trim() !== '' && !parsed ? 'invalid-date' : undefined}
            {...bindValue(value, onChange)}
          />
          {editable && (
            <button
              type="button"
              className="jp-date-pick"
              data-testid={`${id}-calendar`}
              aria-label={`${label}をカレンダーから選ぶ`}
              aria-expanded={picking}
              aria-controls={`${id}-calendar-dialog`}
              onClick={() => setPicking(!picking)}
            >
              カレンダー
            </button>
          )}
          {picking && editable && (
            <JapaneseCalendar
              id={`${id}-calendar-dialog`}
              value={parsed}
              onPick={(day) => {
                onChange(formatWarekiDate(day));
                setPicking(false);
              }}
              onClose={() => setPicking(false)}
            />
          )}
        </span>
      )}
    </FormField>
  );
}
