import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FormField } from './FormField';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'> {
  id: string;
  label: ReactNode;
  value: string;
  error?: string;
  hint?: ReactNode;
  onChange: (value: string) => void;
}

/** A labelled multi-line input (reasons, remarks) with the server's field error under it. */
export function TextAreaField({
  id,
  label,
  value,
  error,
  hint,
  onChange,
  required,
  ...textareaProps
}: TextAreaFieldProps) {
  return (
    <FormField id={id} label={label} error={error} hint={hint} required={required} wide>
      {(control) => (
        <textarea
          {...textareaProps}
          {...control}
          required={required}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
