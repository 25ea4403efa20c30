import { useState, type FormEvent } from 'react';
import { JapaneseDateField } from '../../../components/JapaneseDateField';
import { ErrorMessage, Loading } from '../../../components/Message';
import { formatWarekiDate, formatWarekiDateTime, officeToday, typedWarekiDate } from '../../../lib/date';
import { useAction } from '../../../lib/useAction';
import { readTypedDates } from '../../../lib/wareki';
import {
  abnormalAccessReport,
  exportAbnormalAccess,
  OPERATION_LABELS,
  previousMonth,
  type AbnormalAccess,
  type AbnormalAccessReport,
  type ReportPeriod,
  type ReportSection,
} from '../api';
import { CsvExportControl } from './CsvExportControl';
import { DataTable } from '../../../components/DataTable';

interface AbnormalAccessPanelProps {
  /** Today in Japan (YYYY-MM-DD); the period starts as the previous month. */
  today?: string;
  /** The user holds EXPORT (R12). */
  canExport: boolean;
}

/** "08:30:00" → "8:30" */
function clock(time: string): string {
  const [hours, minutes] = time.split(':');
  return `${Number(hours)}:${minutes}`;
}

/** 異常アクセス報告 (R11): closed days and outside office hours, failed logins, lockouts, heavy viewers. */
export function AbnormalAccessPanel({ today = officeToday(), canExport }: AbnormalAccessPanelProps) {
  const [period, setPeriod] = useState<ReportPeriod>(() => {
    const month = previousMonth(today);
    return { from: typedWarekiDate(month.from), to: typedWarekiDate(month.to) };
  });
  // The report comes with the period it was asked for, so that its CSV is of the same period.
  const { run, refuse, result, error, fields, busy } = useAction<{ report: AbnormalAccessReport; shown: ReportPeriod }>(
    {
      invalidates: [],
    },
  );

  async function show(event: FormEvent) {
    event.preventDefault();
    const read = readTypedDates(period);
    if (!read.ok) {
      refuse(read.unreadable);
      return;
    }
    const asked = { from: read.dates.from ?? '', to: read.dates.to ?? '' };
    await run(async () => ({ report: await abnormalAccessReport(asked), shown: asked }));
  }
  const report = result?.report;
  const shown = result?.shown;

  return (
    <section aria-labelledby="abnormal-access-title" data-testid="abnormal-access-panel">
      <h2 id="abnormal-access-title">異常アクセス報告</h2>
      <form className="search-form" onSubmit={show}>
        {(['from', 'to'] as const).map((key) => (
          <JapaneseDateField
            key={key}
            id={`abnormal-${key}`}
            label={key === 'from' ? '期間（開始日）' : '期間（終了日）'}
            required
            value={period[key]}
            error={fields[key]}
            onChange={(value) => setPeriod({ ...period, [key]: value })}
          />
        ))}
        <button type="submit" className="primary" disabled={busy} data-testid="abnormal-access-button">
          表示
        </button>
      </form>
      {busy && <Loading />}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {report && shown && (
        <div data-testid="abnormal-access-report">
          <p>
            {formatWarekiDate(report.from)}〜{formatWarekiDate(report.to)}
            。執務時間は開庁日の{clock(report.opensAt)}〜{clock(report.closesAt)}です。
          </p>
          <CsvExportControl
            id="abnormal-access"
            permitted={canExport}
            onExport={(encoding) => exportAbnormalAccess(shown, encoding)}
          />
          <AccessSection
            id="outside-hours"
            title="閉庁日・執務時間外のアクセス"
            section={report.outsideOfficeHours}
            withReason
          />
          <AccessSection id="login-failures" title="ログイン失敗" section={report.loginFailures} />
          <AccessSection id="lockouts" title="アカウントロック" section={report.lockouts} />
          <section aria-labelledby="heavy-viewers-title" data-testid="heavy-viewers">
            <h3 id="heavy-viewers-title">
              1日に{report.dailyViewThreshold}件を超える住民情報の閲覧（{report.heavyViewers.count}件）
            </h3>
            {report.heavyViewers.count === 0 ? (
              <p className="empty">該当はありません。</p>
            ) : (
              <DataTable columns={['日付', 'ユーザーID', '閲覧件数', '閲覧した住民数']}>
                {report.heavyViewers.rows.map((viewer) => (
                  <tr key={`${viewer.day}-${viewer.username}`}>
                    <td>{formatWarekiDate(viewer.day)}</td>
                    <td>{viewer.username}</td>
                    <td className="number-cell">{viewer.views.toLocaleString('ja-JP')}</td>
                    <td className="number-cell">{viewer.residents.toLocaleString('ja-JP')}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        </div>
      )}
    </section>
  );
}

interface AccessSectionProps {
  id: string;
  title: string;
  section: ReportSection<AbnormalAccess>;
  withReason?: boolean;
}

function AccessSection({ id, title, section, withReason = false }: AccessSectionProps) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`}>
        {title}（{section.count.toLocaleString('ja-JP')}件）
      </h3>
      {section.rows.length < section.count && (
        <p className="hint">先頭の{section.rows.length}件を表示しています。すべてはCSV出力で確認できます。</p>
      )}
      {section.count === 0 ? (
        <p className="empty">該当はありません。</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">日時</th>
              {withReason && <th scope="col">理由</th>}
              <th scope="col">ユーザーID</th>
              <th scope="col">操作</th>
              <th scope="col">宛名番号</th>
              <th scope="col">端末アドレス</th>
            </tr>
          </thead>
          <tbody>
            {section.rows.map((access) => (
              <tr key={access.id}>
                <td>{formatWarekiDateTime(access.occurredAt)}</td>
                {withReason && <td>{access.reason ?? ''}</td>}
                <td>{access.username}</td>
                <td>{OPERATION_LABELS[access.operation] ?? access.operation}</td>
                <td>{access.addresseeNumber ?? '—'}</td>
                <td>{access.clientAddress ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
