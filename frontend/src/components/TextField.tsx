import type { InputHTMLAttributes } from 'react';
import { FieldError } from './Message';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  /** The input's id and test id, unique on the page. */
  id: string;
  label: string;
  value: string;
  /** The server's message for this field, shown under it. */
  error?: string;
  onChange: (value: string) => void;
  wide?: boolean;
}

/** A labelled text input with the server's field error under it, linked for screen readers. */
export function TextField({ id, label, value, error, onChange, wide, ...inputProps }: TextFieldProps) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        {...inputProps}
        id={id}
        data-testid={id}
        value={value}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
