import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { CoPayExemptionDetail } from '../api';

const APPROVED: CoPayExemptionDetail = {
  id: 12,
  version: 7,
  channel: '窓口',
  vaccine: '高齢者インフルエンザ',
  fiscalYear: '令和8年度',
  statusCode: 'NOTIFIED',
  status: '決定通知済み',
  ended: true,
  receivedAt: '2026-11-26T01:30:00Z',
  receivedBy: '佐藤 花子',
  note: '非課税証明書を持参',
  resident: {
    id: 40,
    addresseeNumber: '1000000043',
    nameKanji: '山田 太郎',
    nameKana: 'ヤマダ タロウ',
    birthDate: '1950-05-01',
  },
  applicant: null,
  matches: [
    {
      id: 1,
      source: '庁内連携（住民税課税台帳・生活保護台帳）',
      result: '回答あり',
      requestedAt: '2026-11-26T01:30:05Z',
      recordedAt: '2026-11-26T01:30:08Z',
      localTaxStatus: '課税記録なし（当年度の転入など）',
      assistanceStatus: '受給なし',
      outcomeCode: 'INCONCLUSIVE',
      outcome: '判定できず（職員が確認）',
      reason: '判定できません',
      checkedBy: 'システム（自動判定）',
      note: null,
    },
    {
      id: 2,
      source: '課税（非課税）証明書',
      result: '職員が確認',
      requestedAt: null,
      recordedAt: '2026-11-26T02:00:00Z',
      localTaxStatus: '住民税非課税世帯',
      assistanceStatus: null,
      outcomeCode: 'EXEMPT',
      outcome: '免除に該当',
      reason: '住民税非課税世帯のため自己負担金は免除です（市独自の免除）',
      checkedBy: '佐藤 花子',
      note: '前住所地の非課税証明書で確認',
    },
  ],
  decision: {
    decisionCode: 'EXEMPT',
    decision: '免除',
    reason: '住民税非課税世帯のため自己負担金は免除です（市独自の免除）',
    coPayYen: 0,
    decidedBy: '佐藤 花子',
    decidedAt: '2026-11-26T02:00:00Z',
    approvedBy: '田中 誠',
    approvedAt: '2026-11-26T03:15:00Z',
  },
  notice: {
    number: '自負免第5号',
    decision: '免除',
    coPayYen: 0,
    reason: '住民税非課税世帯のため自己負担金は免除です（市独自の免除）',
    issuedAt: '2026-11-26T03:15:01Z',
  },
  closingReason: null,
  closedBy: null,
  endedAt: '2026-11-26T03:15:01Z',
};

const WAITING_E_APPLICATION: CoPayExemptionDetail = {
  ...APPROVED,
  id: 13,
  version: 3,
  channel: '電子申請（ぴったりサービス）',
  statusCode: 'IDENTIFYING',
  status: '申請者の確認待ち',
  ended: false,
  receivedBy: null,
  note: null,
  resident: null,
  applicant: {
    applicationNumber: 'PT-0001-0002-0003',
    nameKanji: '鈴木 一郎',
    nameKana: 'スズキ イチロウ',
    birthDate: '1955-01-08',
    phone: '090-0000-0042',
  },
  matches: [],
  decision: null,
  notice: null,
  endedAt: null,
};

function facts(testId: string): Record<string, string> {
  return Object.fromEntries(
    within(screen.getByTestId(testId))
      .getAllByRole('term')
      .map((term) => [term.textContent, term.nextElementSibling?.textContent ?? '']),
  );
}

describe('CoPayExemptionDetailPage', () => {
  it('shows the application, every recorded match, the decision and the notice with 和暦 dates', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
      'GET /api/copay-exemptions/12': { status: 200, body: APPROVED },
    });
    renderApp('/copay-exemptions/12');

    expect(await screen.findByTestId('copay-exemption-status')).toHaveTextContent('決定通知済み');
    expect(facts('application-facts')).toMatchObject({
      受付方法: '窓口',
      年度: '令和8年度',
      受付日時: '令和8年11月26日 10:30',
      備考: '非課税証明書を持参',
    });
    expect(facts('resident-facts')).toMatchObject({ 宛名番号: '1000000043', 生年月日: '昭和25年5月1日' });

    const matches = screen.getAllByTestId('match-row');
    expect(
      within(matches[0])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      '令和8年11月26日 10:30',
      '庁内連携（住民税課税台帳・生活保護台帳）',
      '回答あり',
      '課税記録なし（当年度の転入など）',
      '受給なし',
      '判定できず（職員が確認）',
      'システム（自動判定）',
      '—',
    ]);
    expect(within(matches[1]).getByText('免除に該当')).toHaveClass('badge-eligible');
    expect(within(matches[1]).getAllByRole('cell')[7]).toHaveTextContent('前住所地の非課税証明書で確認');

    expect(facts('decision-facts')).toMatchObject({
      決定: '免除',
      自己負担金: '0円',
      決定者: '佐藤 花子（令和8年11月26日 11:00）',
      承認者: '田中 誠（令和8年11月26日 12:15）',
    });
    expect(facts('notice-facts')).toMatchObject({ 通知番号: '自負免第5号', 通知日: '令和8年11月26日' });
    expect(screen.queryByTestId('withdrawal-button')).not.toBeInTheDocument();
  });

  it('shows what an e-applicant typed until staff identify them, and withdraws with the version on screen', async () => {
    let withdrawn = false;
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
      'GET /api/copay-exemptions/13': () => ({
        status: 200,
        body: withdrawn
          ? {
              ...WAITING_E_APPLICATION,
              status: '取下げ',
              statusCode: 'WITHDRAWN',
              ended: true,
              closingReason: '電話で取下げの申し出',
              closedBy: '山田 花子',
            }
          : WAITING_E_APPLICATION,
      }),
      'POST /api/copay-exemptions/13/withdrawal': () => {
        withdrawn = true;
        return { status: 204 };
      },
    });
    document.cookie = 'XSRF-TOKEN=token-1';
    renderApp('/copay-exemptions/13');

    expect(await screen.findByTestId('copay-exemption-status')).toHaveTextContent('申請者の確認待ち');
    expect(facts('applicant-facts')).toMatchObject({
      申請番号: 'PT-0001-0002-0003',
      氏名: '鈴木 一郎',
      生年月日: '昭和30年1月8日',
    });
    expect(screen.getByText('申請者はまだ特定されていません。')).toBeInTheDocument();
    expect(screen.getByText('まだ照合していません。')).toBeInTheDocument();
    expect(screen.getByText('まだ決定していません。')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('取下げの理由'), '電話で取下げの申し出');
    await userEvent.click(screen.getByTestId('withdrawal-button'));

    await waitFor(() => expect(screen.getByTestId('copay-exemption-status')).toHaveTextContent('取下げ'));
    const withdrawal = requests.find((request) => request.path.endsWith('/withdrawal'));
    expect(JSON.parse(withdrawal!.body!)).toEqual({ version: 3, reason: '電話で取下げの申し出' });
    expect(facts('application-facts')['返戻・取下げの理由']).toBe('電話で取下げの申し出（山田 花子）');
    expect(screen.queryByTestId('withdrawal-button')).not.toBeInTheDocument();
  });

  it("shows the server's refusal of a withdrawal when someone changed the application meanwhile", async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
      'GET /api/copay-exemptions/13': { status: 200, body: WAITING_E_APPLICATION },
      'POST /api/copay-exemptions/13/withdrawal': {
        status: 409,
        body: {
          status: 409,
          error: 'concurrent_edit',
          message: 'この申請は他の職員または処理によって更新されました。画面を更新してから操作してください',
        },
      },
    });
    document.cookie = 'XSRF-TOKEN=token-1';
    renderApp('/copay-exemptions/13');

    await userEvent.type(await screen.findByLabelText('取下げの理由'), '取下げ');
    await userEvent.click(screen.getByTestId('withdrawal-button'));

    expect(await screen.findByTestId('withdrawal-error')).toHaveTextContent('他の職員または処理によって更新されました');
    expect(screen.getByTestId('copay-exemption-status')).toHaveTextContent('申請者の確認待ち');
  });

  it('says so when the application does not exist', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
      'GET /api/copay-exemptions/99': {
        status: 404,
        body: { status: 404, error: 'not_found', message: '免除申請が見つかりません' },
      },
    });
    renderApp('/copay-exemptions/99');

    expect(await screen.findByRole('alert')).toHaveTextContent('免除申請が見つかりません');
    expect(screen.getByRole('link', { name: '← 免除申請の一覧へ戻る' })).toBeInTheDocument();
  });
});
