import { FieldError } from './Message';

interface AddresseeNumberFieldProps {
  /** Prefix of the input's id and test id, unique on the page. */
  id: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** 宛名番号: ten digits, with the server's field error under it. */
export function AddresseeNumberField({ id, value, error, onChange }: AddresseeNumberFieldProps) {
  const inputId = `${id}-addressee-number`;
  return (
    <div className="field">
      <label htmlFor={inputId}>宛名番号（10桁）</label>
      <input
        id={inputId}
        data-testid={inputId}
        inputMode="numeric"
        pattern="\d{10}"
        maxLength={10}
        title="10桁の数字"
        required
        value={value}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldError id={`${inputId}-error`} message={error} />
    </div>
  );
}
