import type { ChangeEvent, ReactNode } from 'react';
import { FieldError } from './Message';

/** What a control needs to be found by tests and read with its label, hint and error by screen readers. */
export interface FieldControlProps {
  id: string;
  'data-testid': string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FormFieldProps {
  /** The control's id and test id, unique on the page. */
  id: string;
  label: ReactNode;
  /** The server's message for this field, shown under it. */
  error?: string;
  /** A short help text under the control (format, example, reading in 和暦). */
  hint?: ReactNode;
  wide?: boolean;
  /** Marks the label as 必須; the control itself carries `required`. */
  required?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}

/** The frame every labelled form control shares: label, control, hint and the server's field error. */
export function FormField({ id, label, error, hint, wide, required, children }: FormFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const className = ['field', wide ? 'field-wide' : null, required ? 'field-required' : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'data-testid': id,
        'aria-invalid': Boolean(error),
        'aria-describedby': describedBy === '' ? undefined : describedBy,
      })}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** Ties a text control (input, textarea, select) to a string held by the form. */
export function bindValue(value: string, onChange: (value: string) => void) {
  return {
    value,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      onChange(event.target.value),
  };
}
