import { formatWarekiDate } from '../lib/date';
import { parseJapaneseDate } from '../lib/wareki';
import { bindValue, FormField } from './FormField';

interface JapaneseDateFieldProps {
  id: string;
  label: string;
  /** What was typed; the caller reads it with parseJapaneseDate when it sends it. */
  value: string;
  onChange: (value: string) => void;
  /** The server's message for this field. */
  error?: string;
  required?: boolean;
}

/**
 * One date input for every form: 和暦 or 西暦 typed as clerks write them (令和6年4月1日, R6.4.1, 2024/4/1), read back
 * under the field in 和暦 so that a slip shows before anything is sent.
 */
export function JapaneseDateField({ id, label, value, onChange, error, required }: JapaneseDateFieldProps) {
  const parsed = value.trim() === '' ? null : parseJapaneseDate(value);
  const reading =
    value.trim() === ''
      ? '例: 令和8年4月1日、R8.4.1、2026-04-01'
      : parsed
        ? `${formatWarekiDate(parsed)}（${parsed}）`
        : '日付として読めません（例: 令和8年4月1日）';
  return (
    <FormField id={id} label={label} error={error} hint={reading} required={required}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="text"
          autoComplete="off"
          required={required}
          className={value.trim() !== '' && !parsed ? 'invalid-date' : undefined}
          {...bindValue(value, onChange)}
        />
      )}
    </FormField>
  );
}
