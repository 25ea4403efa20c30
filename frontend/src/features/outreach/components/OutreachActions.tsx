import { useState } from 'react';
import { CsvEncodingSelect } from '../../../components/CsvEncodingSelect';
import { ErrorMessage, Notice } from '../../../components/Message';
import { CSV_ENCODING_LABELS, type CsvEncoding } from '../../../lib/csv';
import type { Download } from '../../../lib/api';
import { useAction } from '../../../lib/useAction';
import { saveDownload } from '../../../lib/download';
import type { Me } from '../../../lib/auth/session';
import { hasPermission } from '../../../lib/auth/roles';
import { exportCohort, ISSUABLE_STATUSES, issueQuestionnaires, type CohortCriteria } from '../api';

interface OutreachActionsProps {
  me: Me;
  criteria: CohortCriteria;
  total: number;
}

/** CSV出力 and 予診票の発行 for the cohort on screen, offered only to users with the permission. */
export function OutreachActions({ me, criteria, total }: OutreachActionsProps) {
  const canExport = hasPermission(me, 'EXPORT');
  const canPrint = hasPermission(me, 'PRINT');
  const [encoding, setEncoding] = useState<CsvEncoding>('UTF8_BOM');
  // After 予診票 are issued the cohort is fetched again, so that the list shows them as issued.
  const { run, busy, message: notice, error } = useAction<Download>();
  const issuable =
    criteria.vaccine !== null &&
    criteria.statuses.length > 0 &&
    criteria.statuses.every((status) => ISSUABLE_STATUSES.includes(status));

  if (!canExport && !canPrint) {
    return (
      <p className="hint" data-testid="outreach-no-permission">
        CSV出力と予診票の発行には、それぞれの権限が必要です。必要な場合はシステム管理者に依頼してください。
      </p>
    );
  }

  const exportCsv = () =>
    run(
      () => exportCohort(criteria, encoding),
      (file) => {
        saveDownload(file);
        const rows = file.headers.get('X-Row-Count') ?? String(total);
        const replaced = Number(file.headers.get('X-Replaced-Characters') ?? '0');
        return (
          `${rows}件をCSV（${CSV_ENCODING_LABELS[encoding]}）で出力しました。出力は記録されています。` +
          (replaced > 0
            ? `Shift_JIS で表せない文字${replaced}文字を「〓」に置き換えました。元の文字のまま必要な場合は UTF-8 を選んでください。`
            : '')
        );
      },
    );

  const issue = () => {
    if (!window.confirm(`${total}人分の予診票を発行します。発行は住民ごとに記録されます。よろしいですか？`)) {
      return;
    }
    void run(
      () => issueQuestionnaires(criteria),
      (file) => {
        saveDownload(file);
        return `${file.headers.get('X-Row-Count') ?? total}人分の予診票（PDF）を発行しました。`;
      },
    );
  };

  return (
    <section className="actions outreach-actions" aria-label="出力と発行">
      {canExport && (
        <div className="inline-inputs">
          <CsvEncodingSelect id="csv-encoding" value={encoding} onChange={setEncoding} />
          <button
            type="button"
            data-testid="export-button"
            disabled={busy || total === 0}
            onClick={() => void exportCsv()}
          >
            CSV出力
          </button>
        </div>
      )}
      {canPrint && (
        <div className="inline-inputs">
          <button
            type="button"
            className="primary"
            data-testid="issue-button"
            disabled={busy || total === 0 || !issuable}
            onClick={issue}
          >
            予診票を発行（PDF）
          </button>
          {!issuable && (
            <span className="hint">ワクチンと接種状況（接種可・接種時期前）で抽出すると発行できます。</span>
          )}
        </div>
      )}
      {notice && <Notice testId="outreach-notice">{notice}</Notice>}
      {error && <ErrorMessage testId="outreach-error">{error}</ErrorMessage>}
    </section>
  );
}
