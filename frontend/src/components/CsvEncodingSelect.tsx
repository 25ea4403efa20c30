import { CSV_ENCODING_LABELS, type CsvEncoding } from '../lib/csv';

interface CsvEncodingSelectProps {
  /** The select's id and test id, unique on the page. */
  id: string;
  value: CsvEncoding;
  onChange: (encoding: CsvEncoding) => void;
}

/** The 文字コード of a CSV download, chosen inline beside its button. */
export function CsvEncodingSelect({ id, value, onChange }: CsvEncodingSelectProps) {
  return (
    <>
      <label htmlFor={id}>文字コード</label>
      <select id={id} data-testid={id} value={value} onChange={(event) => onChange(event.target.value as CsvEncoding)}>
        {(Object.keys(CSV_ENCODING_LABELS) as CsvEncoding[]).map((encoding) => (
          <option key={encoding} value={encoding}>
            {CSV_ENCODING_LABELS[encoding]}
          </option>
        ))}
      </select>
    </>
  );
}
