import { useQuery } from '@tanstack/react-query';
import { CaseDiagram } from '../../../components/CaseDiagram';
import { CaseTimeline } from '../../../components/CaseTimeline';
import { DecisionNotice } from '../../../components/DecisionNotice';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Fact } from '../../../components/Fact';
import { CasePage } from '../../../components/CasePage';
import { formatWarekiDate, formatWarekiDateTime, officeToday } from '../../../lib/date';
import { useMe } from '../../../lib/auth/AuthProvider';
import { hasPermission } from '../../../lib/auth/roles';
import { noticePdfUrl, packagePdfUrl, residentRequestQuery } from '../api';
import { DeadlineBadges } from '../components/DeadlineBadges';
import { ExtensionForm } from '../components/ExtensionForm';
import { PackageView } from '../components/PackageView';

/** One request (R28): requester, identity check, deadline and extension, the collected data, decision and notice. */
export function ResidentRequestPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const request = useQuery(residentRequestQuery(id));
  // Which request's copy is open: another request's page opens with it closed.
  const [packageShownFor, setPackageShownFor] = useState<number | null>(null);
  const today = officeToday();
  const canPrint = hasPermission(me, 'PRINT');

  return (
    <CasePage
      query={request}
      title={(data) => `${data.kindLabel} 第${data.id}号`}
      statusTestId="resident-request-status"
      back={<Link to="/resident-requests">← 請求の一覧</Link>}
    >
      {(data) => {
        const extended = data.extension !== null;
        const showPackage = packageShownFor === data.id;
        return (
          <>
            <section className="case-section" aria-labelledby="request-facts-title">
              <h2 id="request-facts-title">請求</h2>
              <dl className="detail-list" data-testid="resident-request-facts">
                <Fact label="対象の住民">
                  <Link to={`/residents/${data.residentId}`}>{data.residentName}</Link>（{data.residentNameKana}
                  、宛名番号 {data.addresseeNumber}）
                </Fact>
                <Fact label="請求者">
                  {data.requesterName}（{data.requesterTypeLabel}
                  {data.requesterRelation && `・${data.requesterRelation}`}）
                </Fact>
                <Fact label="請求の内容">{data.requestText}</Fact>
                <Fact label="受付">
                  {formatWarekiDate(data.receivedOn)}（{data.receivedBy}）
                </Fact>
                <Fact label="決定の期限">
                  {formatWarekiDate(data.dueOn)} <DeadlineBadges request={{ ...data, extended }} today={today} />
                  {data.extension && (
                    <>
                      <br />
                      {formatWarekiDate(data.extension.previousDueOn)}から延長　理由: {data.extension.reason}
                      （延長の通知 {formatWarekiDate(data.extension.noticeSentOn)}送付、記録:{' '}
                      {data.extension.recordedBy}）
                    </>
                  )}
                </Fact>
                <Fact label="本人確認">
                  {data.identityResult === null
                    ? '未確認'
                    : `${data.identityDocument}で${data.identityResult === 'CONFIRMED' ? '確認済み' : '確認できず（返戻）'}（${data.identityCheckedBy}、${formatWarekiDateTime(data.identityCheckedAt)}）`}
                  {data.identityNote && `　${data.identityNote}`}
                </Fact>
              </dl>
            </section>

            {data.open && !extended && <ExtensionForm key={data.version} requestId={data.id} version={data.version} />}

            <section className="case-section" aria-labelledby="request-package-title">
              <h2 id="request-package-title">対象の保有個人情報</h2>
              {data.packageCollected ? (
                <>
                  <p>
                    本人確認の後に収集した、この住民について市が保有する記録とその利用の記録の写しです（個人番号は含みません）。
                    表示と印刷は記録されます。
                  </p>
                  <p>
                    <button
                      type="button"
                      data-testid="show-package"
                      onClick={() => setPackageShownFor(showPackage ? null : data.id)}
                    >
                      {showPackage ? '写しを閉じる' : '写しを表示'}
                    </button>{' '}
                    {canPrint && (
                      <a href={packagePdfUrl(data.id)} target="_blank" rel="noreferrer" data-testid="package-pdf">
                        PDFで表示・印刷
                      </a>
                    )}
                  </p>
                  {showPackage && <PackageView requestId={data.id} />}
                </>
              ) : (
                <p className="empty">本人確認の後に収集されます。</p>
              )}
            </section>

            <section className="case-section" aria-labelledby="request-decision-title">
              <h2 id="request-decision-title">決定</h2>
              <dl className="detail-list" data-testid="resident-request-decision">
                <Fact label="決定">
                  {data.decisionLabel
                    ? `${data.decisionLabel}　理由: ${data.decisionReason}（決定: ${data.decidedBy}、${data.approvedBy ? `承認: ${data.approvedBy}` : '上長の承認待ち'}）`
                    : '—'}
                </Fact>
                {data.corrections.map((correction, index) => (
                  <Fact key={index} label="訂正">
                    {correction.item}: {correction.beforeText} → {correction.afterText}（{correction.correctedBy}、
                    {formatWarekiDateTime(correction.correctedAt)}）
                  </Fact>
                ))}
                {data.noticeSentOn && <Fact label="決定通知の送付">{formatWarekiDate(data.noticeSentOn)}</Fact>}
              </dl>
              {data.noticeText && (
                <DecisionNotice
                  heading={`決定通知書（${formatWarekiDateTime(data.noticePreparedAt)}作成）`}
                  text={data.noticeText}
                  pdfUrl={canPrint ? noticePdfUrl(data.id) : null}
                  testId="request-notice"
                />
              )}
            </section>

            <CaseDiagram processKey="ResidentDataRequest" caseId={String(data.id)} />

            <CaseTimeline id="resident-request-timeline" entries={data.timeline} />
          </>
        );
      }}
    </CasePage>
  );
}
