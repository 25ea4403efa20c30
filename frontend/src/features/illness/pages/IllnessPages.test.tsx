import { screen, within } from '@testing-library/react';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { IllnessExceptionDetail, IllnessExceptionSummary } from '../api';

const MR = { vaccineCode: 'MR', vaccineName: 'MR（麻しん風しん）', until: '2028-11-26' };
const BCG = { vaccineCode: 'BCG', vaccineName: 'BCG', until: '2027-12-06' };

const SUMMARY: IllnessExceptionSummary = {
  id: 4,
  status: 'AWAITING_APPROVAL',
  statusLabel: '上長の承認待ち',
  residentId: 43,
  residentName: '架空 花子',
  addresseeNumber: '1000000043',
  illnessTo: '2026-11-27',
  vaccines: [BCG, MR],
  recordedAt: '2026-12-06T01:00:00Z',
  recordedBy: '佐藤 花子',
};

const DETAIL: IllnessExceptionDetail = {
  id: 4,
  status: 'IN_FORCE',
  statusLabel: '適用中',
  residentId: 43,
  residentName: '架空 花子',
  addresseeNumber: '1000000043',
  birthDate: '2023-12-07',
  diseaseCategory: 'IMMUNOSUPPRESSIVE_TREATMENT',
  diseaseCategoryLabel: '免疫の機能を抑制する治療を必要とする重篤な疾病',
  diseaseName: '白血病',
  illnessFrom: '2024-06-07',
  illnessTo: '2026-11-27',
  statementKindLabel: '医師の意見書',
  statementReceivedOn: '2026-12-04',
  statementInstitution: '架空市立病院',
  statementDoctor: '試験 医師',
  note: null,
  vaccines: [MR],
  recordedBy: '佐藤 花子',
  recordedAt: '2026-12-06T01:00:00Z',
  revisedBy: null,
  decisionReason: null,
  decidedBy: '高橋 上長',
  decidedAt: '2026-12-06T02:00:00Z',
  revocationReason: null,
  revocationProposedBy: null,
  revokedBy: null,
  timeline: [
    { at: '2026-12-06T01:00:00Z', kind: 'RECORDED', description: '長期療養特例を記録', actor: '佐藤 花子' },
    { at: '2026-12-06T02:00:00Z', kind: 'APPROVED', description: '承認', actor: '高橋 上長' },
  ],
};

function backend() {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/long-term-illness': {
      status: 200,
      body: [SUMMARY, { ...SUMMARY, id: 3, status: 'REJECTED', statusLabel: '却下', vaccines: [MR] }],
    },
    'GET /api/long-term-illness/4': { status: 200, body: DETAIL },
    'GET /api/long-term-illness/5': {
      status: 200,
      body: {
        ...DETAIL,
        id: 5,
        status: 'REVOKED',
        statusLabel: '取消し',
        revocationReason: '意見書が別人のものだった',
        revocationProposedBy: '佐藤 花子',
        revokedBy: '鈴木 上長',
      },
    },
  });
}

describe('long-term illness pages', () => {
  it('lists the special cases with each vaccine’s last day in 和暦, greys ended ones and links to the recording form', async () => {
    backend();
    renderApp('/long-term-illness');
    const rows = await screen.findAllByTestId('illness-exception-row');
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      '第4号',
      '架空 花子（1000000043）',
      '令和8年11月27日',
      'BCG 令和9年12月6日まで、MR（麻しん風しん） 令和10年11月26日まで',
      expect.stringContaining('佐藤 花子'),
      '上長の承認待ち',
    ]);
    expect(rows[0]).not.toHaveClass('ended');
    expect(rows[1]).toHaveClass('ended');
    expect(screen.getByRole('link', { name: '業務の開始の「長期療養特例」' })).toHaveAttribute(
      'href',
      '/processes?start=LongTermIllnessException',
    );
  });

  it('shows one case with the illness, the doctor’s statement, the extension, the decision and the timeline', async () => {
    backend();
    renderApp('/long-term-illness/4');
    const facts = await screen.findByTestId('illness-exception-facts');
    expect(screen.getByTestId('illness-exception-status')).toHaveTextContent('適用中');
    expect(facts).toHaveTextContent('免疫の機能を抑制する治療を必要とする重篤な疾病 白血病');
    expect(facts).toHaveTextContent('令和6年6月7日 〜 令和8年11月27日（特別の事情がなくなった日）');
    expect(facts).toHaveTextContent('令和8年12月4日受付 架空市立病院 医師 試験 医師');
    expect(facts).toHaveTextContent('MR（麻しん風しん） 令和10年11月26日まで');
    expect(facts).toHaveTextContent('高橋 上長');
    expect(within(facts).getByRole('link', { name: '架空 花子' })).toHaveAttribute('href', '/residents/43');
    expect(screen.getByTestId('illness-exception-timeline')).toHaveTextContent('長期療養特例を記録（佐藤 花子）');
  });

  it('offers the revocation of a case in force, with its number, and shows a revoked case’s reason without it', async () => {
    backend();
    const { unmount } = renderApp('/long-term-illness/4');
    expect(await screen.findByTestId('illness-revoke')).toHaveAttribute(
      'href',
      '/processes?start=LongTermIllnessRevocation&exceptionId=4',
    );
    unmount();

    renderApp('/long-term-illness/5');
    const facts = await screen.findByTestId('illness-exception-facts');
    expect(facts).toHaveTextContent('意見書が別人のものだった（申出: 佐藤 花子、承認: 鈴木 上長）');
    expect(screen.queryByTestId('illness-revoke')).not.toBeInTheDocument();
  });

  it('is in the navigation for case workers', async () => {
    backend();
    renderApp('/long-term-illness');
    expect(await screen.findByRole('link', { name: '長期療養特例' })).toHaveAttribute('href', '/long-term-illness');
  });
});
