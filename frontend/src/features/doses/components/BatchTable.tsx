import { Link } from 'react-router-dom';
import { formatWarekiDateTime } from '../../../lib/date';
import type { BatchSummary } from '../api';
import { BatchStatusBadge } from './BatchStatusBadge';
import { DataTable } from '../../../components/DataTable';

/** Uploaded files, newest first as the server lists them, each leading to its batch page. */
export function BatchTable({ batches }: { batches: BatchSummary[] }) {
  return (
    <DataTable
      columns={['番号', 'ファイル名', '状態', '行数', '受付', 'エラー', '除外', 'アップロード']}
      testId="batch-table"
    >
      {batches.map((batch) => (
        <tr key={batch.id} data-testid="batch-list-row" data-batch-id={batch.id}>
          <td>#{batch.id}</td>
          <td>
            <Link to={`/dose-batches/${batch.id}`}>{batch.fileName}</Link>
          </td>
          <td>
            <BatchStatusBadge status={batch.status} label={batch.statusLabel} />
            {batch.status === 'VALIDATING' && (
              <span className="batch-validated">
                {' '}
                {batch.validatedRows.toLocaleString('ja-JP')} / {batch.rowCount.toLocaleString('ja-JP')} 行
              </span>
            )}
          </td>
          <td className="number-cell">{batch.rowCount.toLocaleString('ja-JP')}</td>
          <td className="number-cell">{batch.acceptedRows.toLocaleString('ja-JP')}</td>
          <td className="number-cell">{batch.rejectedRows.toLocaleString('ja-JP')}</td>
          <td className="number-cell">{batch.excludedRows.toLocaleString('ja-JP')}</td>
          <td>
            {batch.uploadedBy}
            <br />
            {formatWarekiDateTime(batch.uploadedAt)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
