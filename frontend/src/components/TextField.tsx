import type { InputHTMLAttributes, ReactNode } from 'react';
import { FormField } from './FormField';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  /** The input's id and test id, unique on the page. */
  id: string;
  label: ReactNode;
  value: string;
  /** The server's message for this field, shown under it. */
  error?: string;
  hint?: ReactNode;
  onChange: (value: string) => void;
  wide?: boolean;
}

/** A labelled text input with the server's field error under it, linked for screen readers. */
export function TextField({ id, label, value, error, hint, onChange, wide, required, ...inputProps }: TextFieldProps) {
  return (
    <FormField id={id} label={label} error={error} hint={hint} required={required} wide={wide}>
      {(control) => (
        <input
          {...inputProps}
          {...control}
          required={required}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
