import { useQuery } from '@tanstack/react-query';
import { CaseDiagram } from '../../../components/CaseDiagram';
import { CaseTimeline } from '../../../components/CaseTimeline';
import { DecisionNotice } from '../../../components/DecisionNotice';
import { Link, useParams } from 'react-router-dom';
import { Fact } from '../../../components/Fact';
import { CasePage } from '../../../components/CasePage';
import { formatWarekiDate, formatWarekiDateTime, officeToday } from '../../../lib/date';
import { formatYen, noticeUrl, PAYMENT_STATUS, paymentLabel, reliefClaimQuery, documentTypesQuery } from '../api';
import { AppealForm } from '../components/AppealForm';
import { DocumentsSection } from '../components/DocumentsSection';
import { EntitlementForm } from '../components/EntitlementForm';
import { DataTable } from '../../../components/DataTable';

/** The case page of a relief claim (R33): what happened, what is waiting, documents, the decision and payments. */
export function ReliefClaimPage() {
  const { id = '' } = useParams();
  const claim = useQuery(reliefClaimQuery(id));
  const documentTypes = useQuery(documentTypesQuery());
  const today = officeToday();

  return (
    <CasePage
      query={claim}
      title={(data) => `健康被害救済の請求 #${data.id}`}
      statusTestId="relief-status"
      back={<Link to="/relief">← 救済請求の一覧</Link>}
    >
      {(data) => {
        const decision = data.decision;
        return (
          <>
            <section className="case-section" aria-labelledby="relief-claim-title">
              <h2 id="relief-claim-title">請求</h2>
              <dl className="detail-list" data-testid="relief-facts">
                <Fact label="被接種者">
                  <Link to={`/residents/${data.residentId}`}>{data.residentName}</Link>（{data.residentNameKana}
                  、宛名番号 {data.addresseeNumber}、{formatWarekiDate(data.residentBirthDate)}生）
                </Fact>
                <Fact label="請求者">
                  {data.claimantName}（{data.claimantRelation}）
                </Fact>
                <Fact label="予防接種">
                  {data.vaccinationClass}類 {data.vaccine}　{formatWarekiDate(data.vaccinatedOn)}接種
                  {data.doseRecordId === null ? '（この市の接種記録なし）' : `（接種記録 #${data.doseRecordId}）`}
                </Fact>
                <Fact label="請求する給付">{data.benefits.map((benefit) => benefit.label).join('・')}</Fact>
                <Fact label="受付">
                  {formatWarekiDate(data.receivedOn)}（{data.receivedBy}）
                </Fact>
                {data.medicalPaidOn && <Fact label="医療費の支払日">{formatWarekiDate(data.medicalPaidOn)}</Fact>}
                {data.deathOn && <Fact label="死亡日">{formatWarekiDate(data.deathOn)}</Fact>}
                {data.late && (
                  <Fact label="請求期限">
                    期限経過
                    {data.lateReason
                      ? `　上長の判断: ${data.lateReason}（${data.lateDecidedBy ?? '—'}）`
                      : '（上長の確認待ち）'}
                  </Fact>
                )}
                {data.note && <Fact label="備考">{data.note}</Fact>}
              </dl>
            </section>

            <section className="case-section" aria-labelledby="relief-waiting-title">
              <h2 id="relief-waiting-title">待っていること</h2>
              {data.waiting.length === 0 ? (
                <p className="empty">待っている手順はありません。</p>
              ) : (
                <ul data-testid="relief-waiting">
                  {data.waiting.map((waiting, index) => (
                    <li key={index}>
                      {waiting.what}
                      {waiting.since && `（${formatWarekiDateTime(waiting.since)}から）`}
                      {waiting.due && `（期日 ${formatWarekiDateTime(waiting.due)}）`}
                      {waiting.assignee && `　担当: ${waiting.assignee}`}
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <DocumentsSection key={data.version} claim={data} documentTypes={documentTypes.data ?? []} today={today} />

            <section className="case-section" aria-labelledby="relief-review-title">
              <h2 id="relief-review-title">審査と決定</h2>
              <dl className="detail-list" data-testid="relief-decision">
                <Fact label="調査委員会">
                  {data.committeeMeetingOn ? `${formatWarekiDate(data.committeeMeetingOn)}開催` : '未定'}
                  {data.committeeOpinion && `　意見: ${data.committeeOpinion}（${data.committeeSummary ?? ''}）`}
                </Fact>
                <Fact label="進達">
                  {data.forwardedOn
                    ? `${formatWarekiDate(data.forwardedOn)}（受付番号 ${data.ministryRequestId}）`
                    : '未進達'}
                </Fact>
                <Fact label="厚生労働省">
                  {decision.ministryOutcome
                    ? `${decision.ministryOutcome}（${formatWarekiDate(decision.ministryDecidedOn)}）`
                    : data.forwardedOn
                      ? '審査中'
                      : '—'}
                </Fact>
                <Fact label="市の決定">
                  {decision.decision ? (
                    <>
                      {decision.decision}　{decision.reason}（決定: {decision.decidedBy}、
                      {decision.approvedBy ? `承認: ${decision.approvedBy}` : '上長の承認待ち'}）
                      {decision.decision === '支給' && (
                        <>
                          <br />
                          一時金等 {formatYen(decision.oneOffAmountYen)}・年金・手当 各期{' '}
                          {formatYen(decision.periodicAmountYen)}
                          {decision.entitlementEndsOn && `（終期 ${formatWarekiDate(decision.entitlementEndsOn)}）`}
                        </>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </Fact>
                {data.appealFiledOn && (
                  <Fact label="審査請求">
                    {formatWarekiDate(data.appealFiledOn)}
                    {data.appealOutcome ? `　裁決: ${data.appealOutcome}` : '　裁決待ち'}
                  </Fact>
                )}
              </dl>
              {decision.noticeText && (
                <DecisionNotice
                  heading={`決定通知書（${formatWarekiDateTime(decision.notifiedAt)}）`}
                  text={decision.noticeText}
                  pdfUrl={noticeUrl(data.id)}
                  testId="relief-notice"
                />
              )}
            </section>

            <section className="case-section" aria-labelledby="relief-payments-title">
              <h2 id="relief-payments-title">支払</h2>
              {data.payments.length === 0 ? (
                <p className="empty">
                  支払予定はありません（厚生労働省の認定と承認された支給決定の後に記録されます）。
                </p>
              ) : (
                <DataTable columns={['給付', '支払期', '額', '状態', '支払日']} testId="relief-payments">
                  {data.payments.map((payment) => (
                    <tr key={payment.id}>
                      <td>{paymentLabel(payment)}</td>
                      <td>{formatWarekiDate(payment.dueOn)}</td>
                      <td>{formatYen(payment.amountYen)}</td>
                      <td>
                        {PAYMENT_STATUS[payment.status]}
                        {payment.runId !== null && `（支払処理 #${payment.runId}）`}
                      </td>
                      <td>{formatWarekiDate(payment.paidOn)}</td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </section>

            {data.status === 'PAYING' && (
              <EntitlementForm
                key={data.version}
                claimId={data.id}
                version={data.version}
                periodicAmountYen={decision.periodicAmountYen}
                entitlementEndsOn={decision.entitlementEndsOn}
              />
            )}

            {data.status === 'NOT_PAID' && <AppealForm claimId={data.id} version={data.version} today={today} />}

            <CaseDiagram processKey="ReliefClaim" caseId={String(data.id)} />

            <CaseTimeline id="relief-timeline" entries={data.timeline} />
          </>
        );
      }}
    </CasePage>
  );
}
