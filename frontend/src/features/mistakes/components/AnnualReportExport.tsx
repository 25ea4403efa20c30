import { useState } from 'react';
import { CsvEncodingSelect } from '../../../components/CsvEncodingSelect';
import { ErrorMessage, Notice } from '../../../components/Message';
import { CSV_ENCODING_LABELS, type CsvEncoding } from '../../../lib/csv';
import type { Download } from '../../../lib/api';
import { saveDownload } from '../../../lib/download';
import { useAction } from '../../../lib/useAction';
import { exportAnnualReport } from '../api';

/** The 年度's reports as the CSV of the annual report: no name, address or number of anyone. */
export function AnnualReportExport({ fiscalYear, label }: { fiscalYear: number; label: string }) {
  const [encoding, setEncoding] = useState<CsvEncoding>('UTF8_BOM');
  const { run, busy, message, error } = useAction<Download>({ invalidates: [] });

  const exportCsv = () =>
    run(
      () => exportAnnualReport(fiscalYear, encoding),
      (file) => {
        saveDownload(file);
        return `${label}の報告${file.headers.get('X-Row-Count') ?? ''}件をCSV（${CSV_ENCODING_LABELS[encoding]}）で出力しました。出力は記録されています。`;
      },
    );

  return (
    <section className="actions" aria-label="年次報告の出力">
      <div className="inline-inputs">
        <CsvEncodingSelect id="mistakes-csv-encoding" value={encoding} onChange={setEncoding} />
        <button type="button" data-testid="mistakes-export" disabled={busy} onClick={() => void exportCsv()}>
          年次報告のCSV出力
        </button>
      </div>
      {message && <Notice>{message}</Notice>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </section>
  );
}
