import { useState, type ReactNode } from 'react';
import { ErrorMessage } from '../../../components/Message';
import { Pager } from '../../../components/Pager';
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
  /** Rows shown at a time; the CSV holds them all. */
  pageSize?: number;
}

const PAGE_SIZE = 20;

/** One part of the dashboard: the chart (if any), the table behind it and its CSV download. */
export function KpiSection({
  title,
  testId,
  fileName,
  table,
  chart,
  renderCell,
  note,
  pageSize = PAGE_SIZE,
}: KpiSectionProps) {
  const [encoding, setEncoding] = useState<CsvEncoding>('UTF8_BOM');
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(table.rows.length / pageSize));
  // A new table (another period) may be shorter than the page being read.
  const shown = Math.min(page, pages - 1);
  const first = shown * pageSize;
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
        // A table that scrolls sideways must be reachable by keyboard to be scrolled (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="kpi-table-wrap" tabIndex={0} role="region" aria-label={`${title}の表`}>
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
              {table.rows.slice(first, first + pageSize).map((row, i) => (
                <tr key={first + i} data-testid={`${testId}-row`}>
                  {row.map((cell, c) => (
                    <td key={c}>{renderCell ? renderCell(first + i, c, cell) : cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <Pager label={`${title}のページ`} page={shown} size={pageSize} total={table.rows.length} onPage={setPage} />
      )}
    </section>
  );
}
