import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { ReliefClaimDetail, ReliefClaimSummary } from '../api';

const SUMMARY: ReliefClaimSummary = {
  id: 7,
  status: 'PAYING',
  statusLabel: '支給中',
  residentName: '架空 太郎',
  addresseeNumber: '1000000043',
  claimantRelation: '本人',
  vaccinationClass: 'A',
  vaccine: 'MR',
  receivedOn: '2026-05-01',
  late: false,
};

const NOT_PAID: ReliefClaimDetail = {
  id: 7,
  status: 'NOT_PAID',
  statusLabel: '不支給（審査請求期間中）',
  version: 12,
  residentId: 43,
  addresseeNumber: '1000000043',
  residentName: '架空 太郎',
  residentNameKana: 'カクウ タロウ',
  residentBirthDate: '2019-05-01',
  claimantRelation: '保護者',
  claimantName: '架空 花子',
  vaccinationClass: 'A',
  vaccine: 'MR',
  vaccinatedOn: '2025-06-02',
  doseRecordId: 99,
  receivedOn: '2026-05-01',
  receivedBy: '佐藤 花子',
  medicalPaidOn: null,
  deathOn: null,
  late: false,
  lateDecidedBy: null,
  lateReason: null,
  note: null,
  benefits: [{ code: 'MEDICAL_EXPENSES', label: '医療費' }],
  documents: [
    {
      id: 3,
      type: 'CLAIM_FORM',
      typeLabel: '請求書',
      fileName: null,
      contentType: null,
      sizeBytes: null,
      receivedOn: '2026-05-01',
      recordedBy: '佐藤 花子',
      recordedAt: '2026-05-01T01:00:00Z',
    },
    {
      id: 4,
      type: 'MEDICAL_RECEIPTS',
      typeLabel: '医療費の領収書',
      fileName: '領収書.pdf',
      contentType: 'application/pdf',
      sizeBytes: 20480,
      receivedOn: '2026-05-10',
      recordedBy: '鈴木 一郎',
      recordedAt: '2026-05-10T01:00:00Z',
    },
  ],
  missingDocuments: [{ code: 'FAMILY_REGISTER', label: '請求者との続柄を証明する書類（戸籍謄本等）' }],
  committeeMeetingOn: '2026-06-15',
  committeeOpinion: '因果関係は考えにくい',
  committeeSummary: '発症時期が合わない',
  forwardedOn: '2026-06-20',
  ministryRequestId: 'RLF-7-1',
  decision: {
    ministryOutcome: '否認',
    ministryDecidedOn: '2026-10-01',
    decision: '不支給',
    reason: '厚生労働大臣が否認したため',
    oneOffAmountYen: null,
    periodicAmountYen: null,
    entitlementEndsOn: null,
    decidedBy: '佐藤 花子',
    decidedAt: '2026-10-02T01:00:00Z',
    approvedBy: '田中 誠',
    approvedAt: '2026-10-02T02:00:00Z',
    noticeText: '予防接種健康被害救済給付 不支給決定通知書\n\n架空 花子 様',
    notifiedAt: '2026-10-02T02:00:01Z',
  },
  appealFiledOn: null,
  appealOutcome: null,
  payments: [],
  timeline: [
    { at: '2026-05-01T01:00:00Z', kind: 'RECEIVED', description: '請求を受付', actor: '佐藤 花子' },
    { at: '2026-10-01T03:00:00Z', kind: 'MINISTRY_DECISION', description: '厚生労働省の通知: 否認', actor: 'システム' },
  ],
  waiting: [{ what: '審査請求（または審査請求期間の経過）', since: null, due: null, assignee: null }],
};

const PAYING: ReliefClaimDetail = {
  ...NOT_PAID,
  status: 'PAYING',
  statusLabel: '支給中',
  decision: {
    ...NOT_PAID.decision,
    ministryOutcome: '認定',
    decision: '支給',
    oneOffAmountYen: 120000,
    periodicAmountYen: 50000,
  },
  payments: [
    {
      id: 1,
      claimId: 7,
      kind: 'ONE_OFF',
      periodNo: 0,
      dueOn: '2026-10-02',
      amountYen: 120000,
      status: 'PAID',
      runId: 2,
      paidOn: '2026-10-20',
    },
    {
      id: 2,
      claimId: 7,
      kind: 'PERIODIC',
      periodNo: 1,
      dueOn: '2026-11-02',
      amountYen: 50000,
      status: 'SCHEDULED',
      runId: null,
      paidOn: null,
    },
  ],
  waiting: [{ what: '予定: 次の支払期', since: null, due: '2026-12-01T15:00:00Z', assignee: null }],
};

function backend(detail: ReliefClaimDetail) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/relief/claims': { status: 200, body: [SUMMARY] },
    'GET /api/relief/claims/7': { status: 200, body: detail },
    'GET /api/relief/document-types': { status: 200, body: [{ code: 'FAMILY_REGISTER', label: '戸籍謄本等' }] },
    'POST /api/relief/claims/7/appeal': { status: 204 },
    'POST /api/relief/claims/7/entitlement': {
      status: 400,
      body: {
        status: 400,
        error: 'invalid',
        message: '額が正しくありません',
        fields: { periodicAmountYen: '0以上の額を入力してください' },
      },
    },
  });
}

describe('relief pages', () => {
  it('lists claims and opens the case page', async () => {
    backend(PAYING);
    const { router } = renderApp('/relief');
    const row = await screen.findByTestId('relief-claim-row');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['#7', '架空 太郎（1000000043）', '本人', 'A類 MR', '令和8年5月1日', '支給中']);
    await userEvent.click(row);
    await waitFor(() => expect(router.state.location.pathname).toBe('/relief/7'));
  });

  it('shows documents received and missing, the decision, the notice, the timeline in 和暦 and the payments', async () => {
    backend(PAYING);
    renderApp('/relief/7');
    expect(await screen.findByTestId('relief-status')).toHaveTextContent('支給中');
    expect(screen.getByTestId('relief-missing-documents')).toHaveTextContent('戸籍謄本等');
    const viewLink = within(screen.getByTestId('relief-documents')).getByRole('link', { name: /領収書\.pdf/ });
    expect(viewLink).toHaveAttribute('href', '/api/relief/claims/7/documents/4');
    expect(screen.getByTestId('relief-decision')).toHaveTextContent('認定（令和8年10月1日）');
    expect(screen.getByTestId('relief-decision')).toHaveTextContent('一時金等 120,000円・年金・手当 各期 50,000円');
    expect(screen.getByTestId('relief-notice')).toHaveTextContent('不支給決定通知書');
    expect(screen.getByTestId('relief-notice-pdf')).toHaveAttribute('href', '/api/relief/claims/7/notice.pdf');
    const payments = within(screen.getByTestId('relief-payments')).getAllByRole('row').slice(1);
    expect(
      within(payments[0])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['一時金等', '令和8年10月2日', '120,000円', '支払済み（支払処理 #2）', '令和8年10月20日']);
    expect(within(payments[1]).getAllByRole('cell')[0]).toHaveTextContent('年金・手当 第2期');
    expect(screen.getByTestId('relief-timeline')).toHaveTextContent('令和8年5月1日 10:00 請求を受付（佐藤 花子）');
    expect(screen.getByTestId('relief-waiting')).toHaveTextContent('予定: 次の支払期（期日 令和8年12月2日 00:00）');
    expect(screen.queryByTestId('relief-appeal-button')).not.toBeInTheDocument();
  });

  it('records an appeal against a 不支給 decision with the version on screen', async () => {
    const { requests } = backend(NOT_PAID);
    renderApp('/relief/7');
    await userEvent.click(await screen.findByTestId('relief-appeal-button'));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST' && r.path === '/api/relief/claims/7/appeal');
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({ version: 12, note: '' });
  });

  it('records an appeal dated in 和暦 as clerks write it, and refuses a date it cannot read without sending', async () => {
    const { requests } = backend(NOT_PAID);
    renderApp('/relief/7');
    // The calendar button repeats the label, so the field is the textbox whose name starts with it.
    const filedOn = await screen.findByRole('textbox', { name: /^審査請求の日付/ });
    await userEvent.clear(filedOn);
    await userEvent.type(filedOn, '令和8年2月30日');
    await userEvent.click(screen.getByTestId('relief-appeal-button'));
    expect(await screen.findByText(/日付を正しく入力してください/)).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await userEvent.clear(filedOn);
    await userEvent.type(filedOn, 'R8.12.1');
    expect(screen.getByText('令和8年12月1日（2026-12-01）')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('relief-appeal-button'));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST' && r.path === '/api/relief/claims/7/appeal');
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({ version: 12, filedOn: '2026-12-01' });
  });

  it("revises a paying entitlement with the version on screen and shows the server's refusal", async () => {
    const { requests } = backend(PAYING);
    renderApp('/relief/7');
    const amount = await screen.findByTestId('relief-entitlement-amount');
    expect(amount).toHaveValue('50000');
    await userEvent.clear(amount);
    await userEvent.type(amount, '45000');
    await userEvent.type(screen.getByTestId('relief-entitlement-reason'), '等級改定');
    await userEvent.click(screen.getByTestId('relief-entitlement-button'));
    expect(await screen.findByTestId('relief-entitlement-error')).toHaveTextContent('額が正しくありません');
    expect(screen.getByText('0以上の額を入力してください')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST' && r.path === '/api/relief/claims/7/entitlement');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      version: 12,
      periodicAmountYen: 45000,
      entitlementEndsOn: null,
      reason: '等級改定',
    });
  });

  it('asks for a file before uploading a document', async () => {
    const { requests } = backend(NOT_PAID);
    renderApp('/relief/7');
    await userEvent.click(await screen.findByTestId('relief-upload-button'));
    expect(await screen.findByText('ファイルを選んでください')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
