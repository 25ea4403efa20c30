import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { CaseDiagram } from '../../../components/CaseDiagram';
import { CasePage } from '../../../components/CasePage';
import { CaseTimeline } from '../../../components/CaseTimeline';
import { Fact } from '../../../components/Fact';
import { formatWarekiDate, formatWarekiDateTime } from '../../../lib/date';
import { ILLNESS_PROCESS_KEY, ILLNESS_REVOCATION_PROCESS_KEY, illnessExceptionQuery } from '../api';
import { VaccineExtensions } from '../components/VaccineExtensions';

/** One 長期療養特例: the resident, the illness and its period, the doctor's statement, the extensions and the decision. */
export function IllnessExceptionPage() {
  const { id = '' } = useParams();
  const exception = useQuery(illnessExceptionQuery(id));

  return (
    <CasePage
      query={exception}
      title={(data) => `長期療養特例 第${data.id}号`}
      statusTestId="illness-exception-status"
      back={<Link to="/long-term-illness">← 特例の一覧</Link>}
    >
      {(data) => (
        <>
          <section className="case-section" aria-labelledby="illness-facts-title">
            <h2 id="illness-facts-title">特例の内容</h2>
            <dl className="detail-list" data-testid="illness-exception-facts">
              <Fact label="対象の住民">
                <Link to={`/residents/${data.residentId}`}>{data.residentName}</Link>（宛名番号 {data.addresseeNumber}、
                {formatWarekiDate(data.birthDate)}生）
              </Fact>
              <Fact label="疾病の区分">
                {data.diseaseCategoryLabel}
                {data.diseaseName && `　${data.diseaseName}`}
              </Fact>
              <Fact label="療養期間">
                {formatWarekiDate(data.illnessFrom)} 〜 {formatWarekiDate(data.illnessTo)}（特別の事情がなくなった日）
              </Fact>
              <Fact label={data.statementKindLabel}>
                {formatWarekiDate(data.statementReceivedOn)}受付　{data.statementInstitution}　医師{' '}
                {data.statementDoctor}
              </Fact>
              <Fact label="定期接種として受けられる期限">
                <VaccineExtensions vaccines={data.vaccines} />
              </Fact>
              {data.note && <Fact label="備考">{data.note}</Fact>}
              <Fact label="記録">
                {data.recordedBy}（{formatWarekiDateTime(data.recordedAt)}）
                {data.revisedBy && `　訂正: ${data.revisedBy}`}
              </Fact>
              <Fact label="上長の判断">
                {data.decidedBy ? `${data.decidedBy}（${formatWarekiDateTime(data.decidedAt)}）` : '—'}
                {data.decisionReason && `　理由: ${data.decisionReason}`}
              </Fact>
              {data.revocationReason && (
                <Fact label="取消し">
                  {data.revocationReason}（申出: {data.revocationProposedBy}
                  {data.revokedBy ? `、承認: ${data.revokedBy}` : '、上長の承認待ち'}）
                </Fact>
              )}
            </dl>
            {data.status === 'IN_FORCE' && (
              <div className="actions">
                <Link
                  data-testid="illness-revoke"
                  to={`/processes?start=${ILLNESS_REVOCATION_PROCESS_KEY}&exceptionId=${data.id}`}
                >
                  特例を取り消す
                </Link>
              </div>
            )}
          </section>
          <CaseDiagram processKey={ILLNESS_PROCESS_KEY} caseId={String(data.id)} />
          <CaseTimeline id="illness-exception-timeline" entries={data.timeline} />
        </>
      )}
    </CasePage>
  );
}
