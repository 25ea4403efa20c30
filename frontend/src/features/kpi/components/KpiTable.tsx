import { useState, type ReactNode } from 'react';
import { ErrorMessage } from '../../../components/Message';
import { saveDownload } from '../../../lib/download';
import { CSV_ENCODING_LABELS, type CsvEncoding } from '../../../lib/csv';
import { useAction } from '../../../lib/useAction';
import { downloadCsv } from '../api';

/** A table as text: what the screen shows and, unchanged, what the CSV file holds. */
export interface TableModel {
  header: string[];
  rows: string[][];
}

interface KpiSectionProps {
  title: string;
  testId: string;
  /** File name of the CSV, without extension. */
  fileName: string;
  table: TableModel;
  chart?: ReactNode;
  /** Cells to render instead of the text (e.g. links), by row and column. */
  renderCell?: (row: number, column: number, text: string) => ReactNode;
  note?: ReactNode;
}

/** One part of the dashboard: the chart (if any), the table behind it and its CSV download. */
export function KpiSection({ title, testId, fileName, table, chart, renderCell, note }: KpiSectionProps) {
  const [encoding, setEncoding] = useState<CsvEncoding>('UTF8_BOM');
  // A download changes nothing on the server that a page shows.
  const { run, error } = useAction({ invalidates: [] });

  async function download() {
    await run(async () => saveDownload(await downloadCsv(fileName, encoding, [table.header, ...table.rows])));
  }

  return (
    <section className="kpi-section" data-testid={testId} aria-label={title}>
      <h2>{title}</h2>
      {note}
      {chart && <div className="kpi-chart">{chart}</div>}
      <div className="kpi-csv">
        <select
          aria-label={`${title}のCSVの文字コード`}
          value={encoding}
          onChange={(event) => setEncoding(event.target.value as CsvEncoding)}
        >
          {(Object.keys(CSV_ENCODING_LABELS) as CsvEncoding[]).map((key) => (
            <option key={key} value={key}>
              {CSV_ENCODING_LABELS[key]}
            </option>
          ))}
        </select>
        <button type="button" data-testid={`${testId}-csv`} onClick={() => void download()}>
          CSV出力
        </button>
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {table.rows.length === 0 ? (
        <p className="kpi-empty">該当するデータはありません。</p>
      ) : (
        <div className="kpi-table-wrap">
          <table className="data-table kpi-table">
            <thead>
              <tr>
                {table.header.map((cell) => (
                  <th key={cell} scope="col">
                    {cell}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r} data-testid={`${testId}-row`}>
                  {row.map((cell, c) => (
                    <td key={c}>{renderCell ? renderCell(r, c, cell) : cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
