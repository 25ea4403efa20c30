import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { bindValue, FormField } from './FormField';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'> {
  id: string;
  label: ReactNode;
  value: string;
  error?: string;
  hint?: ReactNode;
  onChange: (value: string) => void;
  /** False where the page never marked the field 必須 (the control is still required). */
  requiredMark?: boolean;
}

/** A labelled multi-line input (reasons, remarks) with the server's field error under it. */
export function TextAreaField(props: TextAreaFieldProps) {
  const { id, label, value, error, hint, onChange, required, requiredMark = true, ...textareaProps } = props;
  // Always the full width: reasons and remarks run to several lines.
  return (
    <FormField id={id} label={label} error={error} hint={hint} required={required && requiredMark} wide>
      {(control) => <textarea {...textareaProps} {...control} required={required} {...bindValue(value, onChange)} />}
    </FormField>
  );
}
