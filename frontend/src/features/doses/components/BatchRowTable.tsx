import { Fragment, useState } from 'react';
import { ErrorMessage, Notice } from '../../../components/Message';
import { asApiError } from '../../../lib/api';
import { excludeBatchRow, ROW_STATUS_LABELS, type BatchRow, type DoseReference } from '../api';
import { displayItemValue } from '../display';
import { problemsFromRow } from '../problems';
import { BatchRowEditor } from './BatchRowEditor';
import { ProblemList } from './ProblemList';

const ROW_STATUS_CLASSES: Record<BatchRow['status'], string> = {
  ACCEPTED: 'badge badge-eligible',
  REJECTED: 'badge badge-overdue',
  EXCLUDED: 'badge badge-ended',
};

const COLUMN_COUNT = 7;

interface BatchRowTableProps {
  batchId: string;
  rows: BatchRow[];
  reference: DoseReference | null;
  /** Rejected rows may be corrected or excluded only while the batch is in review. */
  editable: boolean;
  /** A row changed: the batch's counts changed with it. */
  onBatchChanged: () => void;
}

/** The report of a batch's lines with the reasons they were refused, and their correction in place. */
export function BatchRowTable({ batchId, rows: loadedRows, reference, editable, onBatchChanged }: BatchRowTableProps) {
  // Corrected rows stay where they were, with their new state, until the list is loaded again.
  const [rows, setRows] = useState(loadedRows);
  const [open, setOpen] = useState<number[]>([]);
  const [shownRows, setShownRows] = useState(loadedRows);
  const [busyLine, setBusyLine] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // A newly loaded page (another filter or page, or the same one fetched again) replaces the corrected rows.
  if (shownRows !== loadedRows) {
    setShownRows(loadedRows);
    setRows(loadedRows);
    setOpen([]);
  }

  function replace(saved: BatchRow) {
    setRows((current) => current.map((row) => (row.line === saved.line ? saved : row)));
    if (saved.status !== 'REJECTED') {
      setOpen((current) => current.filter((line) => line !== saved.line));
    }
    setNotice(
      saved.status === 'ACCEPTED'
        ? `${saved.line}行目を受け付けました。`
        : saved.status === 'EXCLUDED'
          ? `${saved.line}行目を除外しました。`
          : `${saved.line}行目にはまだエラーがあります。`,
    );
    setError(null);
    onBatchChanged();
  }

  function toggle(line: number) {
    setOpen((current) => (current.includes(line) ? current.filter((l) => l !== line) : [...current, line]));
  }

  /** The batch left review: the rows become a report, and the page shows the batch as it is now. */
  function conflict(message: string) {
    setNotice(null);
    setError(message);
    onBatchChanged();
  }

  async function exclude(row: BatchRow) {
    if (!window.confirm(`${row.line}行目を除外しますか？\n除外した行は登録されません。`)) {
      return;
    }
    setBusyLine(row.line);
    setNotice(null);
    setError(null);
    try {
      replace(await excludeBatchRow(batchId, row.line));
    } catch (failure) {
      const apiError = asApiError(failure);
      if (apiError.status === 409) {
        conflict(apiError.message);
      } else {
        setError(apiError.message);
      }
    } finally {
      setBusyLine(null);
    }
  }

  return (
    <>
      {notice && <Notice testId="batch-row-notice">{notice}</Notice>}
      {error && <ErrorMessage testId="batch-row-error">{error}</ErrorMessage>}
      <table className="data-table batch-rows" data-testid="batch-rows">
        <thead>
          <tr>
            <th scope="col">行</th>
            <th scope="col">状態</th>
            <th scope="col">宛名番号・氏名</th>
            <th scope="col">接種種別・区分</th>
            <th scope="col">接種年月日</th>
            <th scope="col">エラー内容</th>
            <th scope="col">
              <span className="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const correctable = editable && row.status === 'REJECTED';
            const editing = correctable && open.includes(row.line);
            return (
              <Fragment key={row.line}>
                <tr
                  data-testid={`batch-row-${row.line}`}
                  data-status={row.status}
                  className={row.status === 'EXCLUDED' ? 'ended' : undefined}
                >
                  <th scope="row">{row.line}</th>
                  <td>
                    <span className={ROW_STATUS_CLASSES[row.status] ?? 'badge'}>
                      {ROW_STATUS_LABELS[row.status] ?? row.status}
                    </span>
                  </td>
                  <td>
                    {row.items.addresseeNumber || '—'}
                    {row.residentName && (
                      <>
                        <br />
                        {row.residentName}
                      </>
                    )}
                  </td>
                  <td>
                    {displayItemValue('vaccine', row.items.vaccine, reference)}
                    <br />
                    {displayItemValue('doseCategory', row.items.doseCategory, reference)}
                  </td>
                  <td>{displayItemValue('doseDate', row.items.doseDate, reference)}</td>
                  <td>{row.problems.length === 0 ? '—' : <ProblemList problems={problemsFromRow(row.problems)} />}</td>
                  <td className="row-actions">
                    {correctable && (
                      <>
                        <button
                          type="button"
                          data-testid={`batch-row-edit-${row.line}`}
                          aria-expanded={editing}
                          aria-controls={`batch-row-editor-${row.line}`}
                          disabled={!reference}
                          onClick={() => toggle(row.line)}
                        >
                          {editing ? '修正を閉じる' : '修正する'}
                        </button>
                        <button
                          type="button"
                          data-testid={`batch-row-exclude-${row.line}`}
                          disabled={busyLine === row.line}
                          onClick={() => void exclude(row)}
                        >
                          この行を除外
                        </button>
                      </>
                    )}
                  </td>
                </tr>
                {editing && reference && (
                  <tr
                    id={`batch-row-editor-${row.line}`}
                    data-testid={`batch-row-editor-${row.line}`}
                    className="row-editor-row"
                  >
                    <td colSpan={COLUMN_COUNT}>
                      <BatchRowEditor
                        batchId={batchId}
                        row={row}
                        reference={reference}
                        onSaved={replace}
                        onConflict={conflict}
                        onClose={() => toggle(row.line)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
