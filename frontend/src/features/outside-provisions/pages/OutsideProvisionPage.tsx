import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { CaseDiagram } from '../../../components/CaseDiagram';
import { CasePage } from '../../../components/CasePage';
import { CaseTimeline } from '../../../components/CaseTimeline';
import { Fact } from '../../../components/Fact';
import { formatWarekiDate, formatWarekiDateTime } from '../../../lib/date';
import { outsideProvisionQuery } from '../api';

/** One provision outside the network: what, to whom, why, how, and who recorded, confirmed and sent it, when. */
export function OutsideProvisionPage() {
  const { id = '' } = useParams();
  const provision = useQuery(outsideProvisionQuery(id));

  return (
    <CasePage
      query={provision}
      title={(data) => `ネットワーク以外による提供 第${data.id}号`}
      statusTestId="outside-provision-status"
      back={<Link to="/outside-provisions">← 提供の一覧</Link>}
    >
      {(data) => (
        <>
          <section className="case-section" aria-labelledby="outside-provision-facts-title">
            <h2 id="outside-provision-facts-title">提供の記録</h2>
            <dl className="detail-list" data-testid="outside-provision-facts">
              <Fact label="本人">
                <Link to={`/residents/${data.residentId}`}>{data.residentName}</Link>（宛名番号 {data.addresseeNumber}）
              </Fact>
              <Fact label="提供先">
                {data.recipientName}（{data.recipientKindLabel}）
              </Fact>
              <Fact label="宛先">{data.recipientContact}</Fact>
              <Fact label="提供の方法">{data.methodLabel}</Fact>
              <Fact label="提供する内容">{data.content}</Fact>
              <Fact label="目的">{data.purpose}</Fact>
              <Fact label="根拠">{data.legalBasis}</Fact>
              <Fact label="記録">
                {data.recordedBy}（{formatWarekiDateTime(data.recordedAt)}）
                {data.revisedBy && `　訂正: ${data.revisedBy}`}
              </Fact>
              <Fact label="内容と提供先の確認">
                {data.confirmedBy ? `${data.confirmedBy}（${formatWarekiDateTime(data.confirmedAt)}）` : '—'}
                {data.decisionReason && `　理由: ${data.decisionReason}`}
              </Fact>
              <Fact label="送付">
                {data.sentOn ? `${formatWarekiDate(data.sentOn)}　${data.sentBy ?? ''}` : '—'}
                {data.sendNote && `　${data.sendNote}`}
              </Fact>
            </dl>
          </section>
          <CaseDiagram processKey="OutsideProvision" caseId={String(data.id)} />
          <CaseTimeline id="outside-provision-timeline" entries={data.timeline} />
        </>
      )}
    </CasePage>
  );
}
