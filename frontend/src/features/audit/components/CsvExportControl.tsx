import { useState } from 'react';
import { CsvEncodingSelect } from '../../../components/CsvEncodingSelect';
import { ErrorMessage, Notice } from '../../../components/Message';
import type { Download } from '../../../lib/api';
import { CSV_ENCODING_LABELS, type CsvEncoding } from '../../../lib/csv';
import { saveDownload } from '../../../lib/download';
import { useAction } from '../../../lib/useAction';

interface CsvExportControlProps {
  /** Prefix of ids and test ids, unique on the page. */
  id: string;
  onExport: (encoding: CsvEncoding) => Promise<Download>;
  /** The user holds EXPORT (R12); without it the control says so instead (the server refuses regardless). */
  permitted: boolean;
}

/** Encoding choice and a CSV出力 button; says how many rows went out and that the export itself is recorded. */
export function CsvExportControl({ id, onExport, permitted }: CsvExportControlProps) {
  const [encoding, setEncoding] = useState<CsvEncoding>('UTF8_BOM');
  // An export changes nothing on screen: only the audit log, which records it.
  const { run, busy, message: notice, error } = useAction<Download>({ invalidates: [] });

  async function exportCsv() {
    await run(
      () => onExport(encoding),
      (file) => {
        saveDownload(file);
        return `${file.headers.get('X-Row-Count') ?? ''}件をCSV（${CSV_ENCODING_LABELS[encoding]}）で出力しました。出力は監査ログに記録されています。`;
      },
    );
  }

  if (!permitted) {
    return (
      <p className="hint" data-testid={`${id}-export-not-permitted`}>
        CSV出力には「CSV出力」の権限が必要です（R12）。
      </p>
    );
  }
  return (
    <div className="actions">
      <div className="inline-inputs">
        <CsvEncodingSelect id={`${id}-encoding`} value={encoding} onChange={setEncoding} />
        <button type="button" onClick={() => void exportCsv()} disabled={busy} data-testid={`${id}-export`}>
          CSV出力
        </button>
      </div>
      {notice && <Notice testId={`${id}-export-notice`}>{notice}</Notice>}
      {error && <ErrorMessage testId={`${id}-export-error`}>{error}</ErrorMessage>}
    </div>
  );
}
