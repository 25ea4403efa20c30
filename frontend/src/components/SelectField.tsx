import type { ReactNode, SelectHTMLAttributes } from 'react';
import { bindValue, FormField } from './FormField';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> {
  /** The select's id and test id, unique on the page. */
  id: string;
  label: ReactNode;
  value: string;
  options: SelectOption[];
  error?: string;
  hint?: ReactNode;
  /** The text of the empty choice; null offers none (a choice is always made). */
  placeholder?: string | null;
  onChange: (value: string) => void;
  /** False where the page never marked the field 必須 (the control is still required). */
  requiredMark?: boolean;
}

/** The options of a code → label table, in its order. */
export function labelledOptions(labels: Record<string, string>): SelectOption[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/**
 * A labelled select with the server's field error under it. A value that is not among the options (a clinic's
 * unknown code, a contract that ended) stays selected and visible, marked, so that nothing is changed unseen.
 */
export function SelectField({
  id,
  label,
  value,
  options,
  error,
  hint,
  placeholder = '選択してください',
  onChange,
  required,
  requiredMark = true,
  ...selectProps
}: SelectFieldProps) {
  const unlisted = value !== '' && !options.some((option) => option.value === value);
  return (
    <FormField id={id} label={label} error={error} hint={hint} required={required && requiredMark}>
      {(control) => (
        <select {...selectProps} {...control} required={required} {...bindValue(value, onChange)}>
          {placeholder !== null && <option value="">{placeholder}</option>}
          {unlisted && <option value={value}>{`${value}（一覧にない値）`}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
