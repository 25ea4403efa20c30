import type { InputHTMLAttributes, ReactNode } from 'react';
import { bindValue, FormField } from './FormField';

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
  /** False where the page never marked the field 必須 (the control is still required). */
  requiredMark?: boolean;
}

/** A labelled text input with the server's field error under it, linked for screen readers. */
export function TextField(props: TextFieldProps) {
  const { id, label, value, error, hint, onChange, wide, required, requiredMark = true, ...inputProps } = props;
  return (
    <FormField id={id} label={label} error={error} hint={hint} required={required && requiredMark} wide={wide}>
      {(control) => <input {...inputProps} {...control} required={required} {...bindValue(value, onChange)} />}
    </FormField>
  );
}
