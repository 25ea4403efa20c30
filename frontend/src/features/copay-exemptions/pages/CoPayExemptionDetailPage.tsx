import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { CaseDiagram } from '../../../components/CaseDiagram';
import { ErrorMessage, Loading } from '../../../components/Message';
import { formatWarekiDate, formatWarekiDateTime } from '../../../lib/date';
import { type CoPayExemptionDetail, coPayExemptionQuery } from '../api';
import { FactList } from '../../../components/Fact';
import { MatchTable } from '../components/MatchTable';
import { WithdrawalForm } from '../components/WithdrawalForm';

function yen(amount: number): string {
  return `${amount.toLocaleString('ja-JP')}円`;
}

function applicationRows(detail: CoPayExemptionDetail): [string, string][] {
  const rows: [string, string][] = [
    ['状態', detail.status],
    ['受付方法', detail.channel],
    ['予防接種', detail.vaccine],
    ['年度', detail.fiscalYear],
    ['受付日時', formatWarekiDateTime(detail.receivedAt)],
    ['受付者', detail.receivedBy ?? '—'],
    ['備考', detail.note ?? '—'],
  ];
  if (detail.closingReason) {
    rows.push(['返戻・取下げの理由', `${detail.closingReason}（${detail.closedBy ?? '—'}）`]);
  }
  return rows;
}

/** One application with everything its decision rests on: the applicant, every recorded match, the decision, the notice. */
export function CoPayExemptionDetailPage() {
  const { id = '' } = useParams();
  const application = useQuery(coPayExemptionQuery(id));
  const back = (
    <p className="back-link">
      <Link to="/copay-exemptions">← 免除申請の一覧へ戻る</Link>
    </p>
  );

  if (application.isPending) {
    return <Loading />;
  }
  if (application.error || !application.data) {
    return (
      <section>
        {back}
        <ErrorMessage>{application.error?.message}</ErrorMessage>
      </section>
    );
  }
  const detail = application.data;
  return (
    <section>
      {back}
      <h1>
        自己負担金免除申請 #{detail.id}
        <span className={detail.ended ? 'badge badge-ended' : 'badge'} data-testid="copay-exemption-status">
          {detail.status}
        </span>
      </h1>
      <section className="case-section">
        <h2>申請</h2>
        <FactList rows={applicationRows(detail)} testId="application-facts" />
      </section>
      {detail.applicant && (
        <section className="case-section">
          <h2>申請者（ぴったりサービスの入力内容）</h2>
          <FactList
            testId="applicant-facts"
            rows={[
              ['申請番号', detail.applicant.applicationNumber],
              ['氏名', detail.applicant.nameKanji],
              ['氏名（カナ）', detail.applicant.nameKana],
              ['生年月日', formatWarekiDate(detail.applicant.birthDate)],
              ['電話番号', detail.applicant.phone ?? '—'],
            ]}
          />
        </section>
      )}
      <section className="case-section">
        <h2>対象者</h2>
        {detail.resident ? (
          <FactList
            testId="resident-facts"
            rows={[
              ['宛名番号', detail.resident.addresseeNumber],
              ['氏名', detail.resident.nameKanji],
              ['氏名（カナ）', detail.resident.nameKana],
              ['生年月日', formatWarekiDate(detail.resident.birthDate)],
            ]}
          />
        ) : (
          <p className="empty">申請者はまだ特定されていません。</p>
        )}
      </section>
      <section className="case-section">
        <h2>課税・生活保護の状況の照合記録</h2>
        <MatchTable matches={detail.matches} />
      </section>
      <section className="case-section">
        <h2>決定</h2>
        {detail.decision ? (
          <FactList
            testId="decision-facts"
            rows={[
              ['決定', detail.decision.decision],
              ['自己負担金', yen(detail.decision.coPayYen)],
              ['理由', detail.decision.reason],
              ['決定者', `${detail.decision.decidedBy}（${formatWarekiDateTime(detail.decision.decidedAt)}）`],
              [
                '承認者',
                detail.decision.approvedBy
                  ? `${detail.decision.approvedBy}（${formatWarekiDateTime(detail.decision.approvedAt)}）`
                  : '—',
              ],
            ]}
          />
        ) : (
          <p className="empty">まだ決定していません。</p>
        )}
      </section>
      <section className="case-section">
        <h2>決定通知</h2>
        {detail.notice ? (
          <FactList
            testId="notice-facts"
            rows={[
              ['通知番号', detail.notice.number],
              ['通知日', formatWarekiDate(detail.notice.issuedAt)],
              ['決定', detail.notice.decision],
              ['自己負担金', yen(detail.notice.coPayYen)],
              ['理由', detail.notice.reason],
            ]}
          />
        ) : (
          <p className="empty">決定通知はまだありません。</p>
        )}
      </section>
      {!detail.ended && <WithdrawalForm id={detail.id} version={detail.version} />}
      <CaseDiagram processKey="CoPayExemption" caseId={String(detail.id)} />
    </section>
  );
}
