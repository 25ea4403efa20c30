import { Fragment, useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage, Notice } from '../../../components/Message';
import { ApiError } from '../../../lib/api';
import { useAction } from '../../../lib/useAction';
import { batchQuery, excludeBatchRow, ROW_STATUS_LABELS, type BatchRow, type DoseReference } from '../api';
import { displayItemValue } from '../display';
import { problemsFromRow } from '../problems';
import { BatchRowEditor } from './BatchRowEditor';
import { ProblemList } from './ProblemList';

const ROW_STATUS_CLASSES: Record<BatchRow['status'], string> = {
  ACCEPTED: 'badge badge-eligible',
  REJECTED: 'badge badge-overdue',
  EXCLUDED: 'badge badge-ended',
};

const COLUMNS = [
  '行',
  '状態',
  '宛名番号・氏名',
  '接種種別・区分',
  '接種年月日',
  'エラー内容',
  <span key="actions" className="visually-hidden">
    操作
  </span>,
];

interface BatchRowTableProps {
  batchId: string;
  rows: BatchRow[];
  reference: DoseReference | null;
  /** Rejected rows may be corrected or excluded only while the batch is in review. */
  editable: boolean;
}

/** The report of a batch's lines with the reasons they were refused, and their correction in place. */
/** What became of a row the user corrected or excluded. */
function rowNotice(saved: BatchRow): string {
  return saved.status === 'ACCEPTED'
    ? `${saved.line}行目を受け付けました。`
    : saved.status === 'EXCLUDED'
      ? `${saved.line}行目を除外しました。`
      : `${saved.line}行目にはまだエラーがあります。`;
}

export function BatchRowTable({ batchId, rows: loadedRows, reference, editable }: BatchRowTableProps) {
  // Corrected rows stay where they were, with their new state, until the list is loaded again.
  const [rows, setRows] = useState(loadedRows);
  const [open, setOpen] = useState<number[]>([]);
  const [shownRows, setShownRows] = useState(loadedRows);
  const [excluding, setExcluding] = useState<number | null>(null);
  // Every row change (an exclusion, a correction saved in an editor, a lost race) reports here. A row changes the
  // batch's counts and perhaps its status, so only the batch summary is fetched again: the rows stay as corrected and
  // the editors still open stay open.
  const rowChange = useAction<BatchRow>({ invalidates: [batchQuery(batchId).queryKey] });

  // A newly loaded page (another filter or page, or the same one fetched again) replaces the corrected rows.
  if (shownRows !== loadedRows) {
    setShownRows(loadedRows);
    setRows(loadedRows);
    setOpen([]);
  }

  function replace(saved: BatchRow): BatchRow {
    setRows((current) => current.map((row) => (row.line === saved.line ? saved : row)));
    if (saved.status !== 'REJECTED') {
      setOpen((current) => current.filter((line) => line !== saved.line));
    }
    return saved;
  }

  /** An editor saved its row: the server already answered, so the outcome is recorded at once. */
  function saved(row: BatchRow) {
    void rowChange.run(() => Promise.resolve(replace(row)), rowNotice);
  }

  function toggle(line: number) {
    setOpen((current) => (current.includes(line) ? current.filter((l) => l !== line) : [...current, line]));
  }

  /**
   * An editor's save lost the race: the batch left review. Recorded as this table's own 409, so that the message
   * shows above the rows and the batch is fetched again (the rows become a report).
   */
  function conflict(message: string) {
    void rowChange.run(() => Promise.reject(new ApiError(409, message)));
  }

  async function exclude(row: BatchRow) {
    if (!window.confirm(`${row.line}行目を除外しますか？\n除外した行は登録されません。`)) {
      return;
    }
    setExcluding(row.line);
    await rowChange.run(async () => replace(await excludeBatchRow(batchId, row.line)), rowNotice);
  }

  return (
    <>
      {rowChange.message && <Notice testId="batch-row-notice">{rowChange.message}</Notice>}
      {rowChange.error && <ErrorMessage testId="batch-row-error">{rowChange.error}</ErrorMessage>}
      <DataTable columns={COLUMNS} className="batch-rows" testId="batch-rows">
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
                        disabled={rowChange.busy && excluding === row.line}
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
                  <td colSpan={COLUMNS.length}>
                    <BatchRowEditor
                      batchId={batchId}
                      row={row}
                      reference={reference}
                      onSaved={saved}
                      onConflict={conflict}
                      onClose={() => toggle(row.line)}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </DataTable>
    </>
  );
}
