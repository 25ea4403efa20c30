import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { CaseDiagram } from '../../../components/CaseDiagram';
import { CasePage } from '../../../components/CasePage';
import { CaseTimeline } from '../../../components/CaseTimeline';
import { Fact } from '../../../components/Fact';
import { formatWarekiDate, formatWarekiDateTime } from '../../../lib/date';
import { mistakeReportQuery } from '../api';

/** One 予防接種の間違い report: the dose, the facts, who was told, the approval and the prefecture's receipt. */
export function MistakeReportPage() {
  const { id = '' } = useParams();
  const report = useQuery(mistakeReportQuery(id));

  return (
    <CasePage
      query={report}
      title={(data) => `予防接種の間違い報告 #${data.id}`}
      statusTestId="mistake-status"
      back={<Link to="/mistakes">← 予防接種の間違いの一覧</Link>}
    >
      {(data) => (
        <>
          <section className="case-section" aria-labelledby="mistake-facts-title">
            <h2 id="mistake-facts-title">間違いの内容</h2>
            <dl className="detail-list" data-testid="mistake-facts">
              <Fact label="被接種者">
                {data.resident ? (
                  <Link to={`/residents/${data.resident.id}`}>
                    {data.resident.name}（{data.resident.nameKana}、宛名番号 {data.resident.addresseeNumber}）
                  </Link>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label="接種">
                {data.vaccine} {data.category}　{formatWarekiDate(data.doseDate)}（接種記録 #{data.doseRecordId}）
              </Fact>
              <Fact label="類型">{data.kindLabel}</Fact>
              <Fact label="健康被害">{data.healthDamageLabel}</Fact>
              {data.ruleBroken && <Fact label="登録時の確認">{data.ruleBroken}</Fact>}
              <Fact label="発生の経緯">{data.whatHappened}</Fact>
              <Fact label="原因">{data.cause}</Fact>
              <Fact label="再発防止策">{data.prevention}</Fact>
              <Fact label="作成">
                {formatWarekiDateTime(data.startedAt)}（{data.startedBy}）
              </Fact>
            </dl>
          </section>
          <section className="case-section" aria-labelledby="mistake-informed-title">
            <h2 id="mistake-informed-title">説明・連絡と報告</h2>
            <dl className="detail-list" data-testid="mistake-progress">
              <Fact label="被接種者への説明">
                {data.residentInformedOn
                  ? `${formatWarekiDate(data.residentInformedOn)}　${data.residentInformedHow ?? ''}`
                  : '未記録'}
              </Fact>
              <Fact label="医療機関への連絡">
                {data.clinicInformedOn
                  ? `${formatWarekiDate(data.clinicInformedOn)}　${data.clinicContact ?? ''}`
                  : '未記録'}
              </Fact>
              <Fact label="上長の承認">
                {data.approvedBy ? `${data.approvedBy}（${formatWarekiDateTime(data.approvedAt)}）` : '未承認'}
              </Fact>
              <Fact label="都道府県への報告">
                {data.reportedAt
                  ? `${formatWarekiDateTime(data.reportedAt)}（受付番号 ${data.prefectureReceipt ?? ''}）`
                  : '未報告'}
              </Fact>
            </dl>
          </section>
          <CaseDiagram processKey="WrongVaccinationReport" caseId={String(data.id)} />
          <CaseTimeline
            id="mistake-timeline"
            entries={data.timeline.map((event) => ({
              at: event.occurredAt,
              description: event.description,
              actor: event.actor,
            }))}
          />
        </>
      )}
    </CasePage>
  );
}
