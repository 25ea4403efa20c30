import { TextField } from './TextField';

interface AddresseeNumberFieldProps {
  /** Prefix of the input's id and test id, unique on the page. */
  id: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** 宛名番号: ten digits, with the server's field error under it. */
export function AddresseeNumberField({ id, value, error, onChange }: AddresseeNumberFieldProps) {
  return (
    <TextField
      id={`${id}-addressee-number`}
      label="宛名番号（10桁）"
      inputMode="numeric"
      pattern="\d{10}"
      maxLength={10}
      title="10桁の数字"
      required
      value={value}
      error={error}
      onChange={onChange}
    />
  );
}
