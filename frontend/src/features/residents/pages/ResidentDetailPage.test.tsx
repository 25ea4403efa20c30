import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { ResidentCase, ResidentSummary, VaccineEligibility } from '../api';

const MEMBER: ResidentSummary = {
  id: 'r-2',
  addresseeNumber: '000000000002',
  nameKanji: '山田 花',
  nameKana: 'ヤマダ ハナ',
  birthDate: '2021-06-15',
  sex: 'FEMALE',
  address: '東京都千代田区霞が関1-1-1',
  status: 'REGISTERED',
  myNumberMasked: '********5678',
};

function eligibility(vaccineCode: string, status: VaccineEligibility['status']): VaccineEligibility {
  return {
    vaccineCode,
    vaccineName: vaccineCode,
    status,
    nextDose: null,
    eligibleFrom: null,
    eligibleUntil: null,
    reason: `${vaccineCode}の理由`,
  };
}

function residentCase(overrides: Partial<ResidentCase> = {}): ResidentCase {
  return {
    resident: {
      ...MEMBER,
      id: 'r-1',
      addresseeNumber: '000000000001',
      nameKanji: '山田 太郎',
      nameKana: 'ヤマダ タロウ',
      birthDate: '2019-05-01',
      sex: 'MALE',
      myNumberMasked: '********1234',
      phone: null,
      householdNumber: 'H-100',
      relationship: '子',
      householdHeadName: '山田 一郎',
      source: 'SYNTHETIC_DEMO',
    },
    household: [MEMBER],
    doses: [
      {
        id: 11,
        vaccineCode: 'MR',
        vaccine: 'MR（麻しん風しん）',
        doseCategory: '1期',
        doseDate: '2020-05-10',
        lotNumber: 'MR-001',
        institutionId: '1110101',
        institutionName: 'さくら小児科クリニック',
        source: 'COUNTER',
        errorCode: null,
        errorMessage: null,
        corrections: 0,
      },
      {
        id: 12,
        vaccineCode: 'JAPANESE_ENCEPHALITIS',
        vaccine: '日本脳炎',
        doseCategory: '1期初回1回目',
        doseDate: '2023-06-01',
        lotNumber: null,
        institutionId: null,
        institutionName: null,
        source: 'MIGRATED',
        errorCode: null,
        errorMessage: null,
        corrections: 0,
      },
    ],
    eligibility: [
      {
        vaccineCode: 'JAPANESE_ENCEPHALITIS',
        vaccineName: '日本脳炎',
        status: 'ELIGIBLE',
        nextDose: '1期初回2回目',
        eligibleFrom: '2023-06-07',
        eligibleUntil: '2026-11-30',
        reason: '1期初回1回目から6日以上経過しています。',
      },
    ],
    openTasks: [
      {
        id: 't-1',
        name: '接種記録の登録',
        processName: '住登外者確認',
        caseLabel: '住登外者確認 #12',
        assigneeName: null,
        created: '2026-11-26T01:30:00Z',
        due: null,
      },
    ],
    copayExemptions: [
      {
        id: 7,
        vaccine: '高齢者インフルエンザ',
        fiscalYear: '令和8年度',
        status: '決定通知済み',
        decision: '免除',
        receivedAt: '2026-10-01T00:30:00Z',
      },
    ],
    reliefClaims: [
      { id: 3, statusLabel: '調査委員会', vaccinationClass: 'A', vaccine: 'MR', receivedOn: '2026-09-01', late: false },
    ],
    ...overrides,
  };
}

const ILLNESS_PROCESS = {
  key: 'LongTermIllnessException',
  name: '長期療養特例',
  description: '長期療養特例を記録します',
  startForm: {
    id: 'StartLongTermIllnessException',
    type: 'default',
    components: [{ type: 'textfield', id: 'AddresseeNumberField', key: 'addresseeNumber', label: '宛名番号' }],
  },
};

function backend(cases: Record<string, ResidentCase>) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/processes': { status: 200, body: [ILLNESS_PROCESS] },
    ...Object.fromEntries(
      Object.entries(cases).map(([id, body]) => [`GET /api/residents/${id}/case`, { status: 200, body }]),
    ),
  });
}

describe('ResidentDetailPage', () => {
  it('shows every section of the case from a single /case call', async () => {
    const { requests } = backend({ 'r-1': residentCase() });
    renderApp('/residents/r-1');

    const detail = await screen.findByTestId('resident-detail');
    expect(within(detail).getByText('山田 太郎')).toBeInTheDocument();
    expect(within(detail).getByText(/^令和元年5月1日（\d+歳）$/)).toBeInTheDocument();
    expect(within(detail).getByText('********1234')).toBeInTheDocument();
    expect(within(detail).getByText('合成データ（デモ）')).toBeInTheDocument();

    const [eligible] = within(screen.getByTestId('eligibility')).getAllByTestId('eligibility-row');
    expect(
      within(eligible)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      '日本脳炎',
      '接種可',
      '1期初回2回目',
      '令和5年6月7日 〜 令和8年11月30日',
      '1期初回1回目から6日以上経過しています。',
    ]);

    const doses = within(screen.getByTestId('dose-timeline')).getAllByTestId('dose-entry');
    expect(doses.map((entry) => entry.textContent)).toEqual([
      '令和2年5月10日MR（麻しん風しん）1期さくら小児科クリニックロット番号 MR-001窓口入力修正（職権）',
      '令和5年6月1日日本脳炎1期初回1回目移行データ修正（職権）',
    ]);

    const [member] = within(screen.getByTestId('household')).getAllByTestId('household-row');
    expect(
      within(member)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['山田 花', 'ヤマダ ハナ', '令和3年6月15日', '住民']);
    expect(within(member).getByRole('link', { name: '山田 花' })).toHaveAttribute('href', '/residents/r-2');

    const [task] = within(screen.getByTestId('open-tasks')).getAllByTestId('open-task-row');
    expect(
      within(task)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['住登外者確認', '接種記録の登録', '住登外者確認 #12', '未割当', '令和8年11月26日 10:30', '—']);
    expect(within(task).getByRole('link', { name: '接種記録の登録' })).toHaveAttribute('href', '/tasks/t-1');

    const related = within(screen.getByTestId('related-cases')).getAllByTestId('related-case-row');
    expect(related.map((row) => row.textContent)).toEqual([
      '自己負担免除 #7令和8年10月1日高齢者インフルエンザ（令和8年度）決定通知済み（免除）',
      '健康被害救済 #3令和8年9月1日MR（A類）調査委員会',
    ]);
    expect(within(related[1]).getByRole('link')).toHaveAttribute('href', '/relief/3');

    // One view, one audit row: the plain detail endpoint is not called besides /case.
    expect(requests.filter((request) => request.path.startsWith('/api/residents')).map((r) => r.path)).toEqual([
      '/api/residents/r-1/case',
    ]);
  });

  it('marks a dose kept with an エラーコード and a corrected one, and leads to its 職権修正', async () => {
    const [first, second] = residentCase().doses;
    backend({
      'r-1': residentCase({
        doses: [
          { ...first, corrections: 2 },
          {
            ...second,
            errorCode: 'E032',
            errorMessage: 'E032 前回の接種（1期初回1回目、令和5年5月30日）からの間隔が足りません',
          },
        ],
      }),
    });
    const { router } = renderApp('/residents/r-1');

    const [corrected, warned] = await screen.findAllByTestId('dose-entry');
    expect(within(corrected).getByTestId('dose-corrections')).toHaveTextContent('修正あり（2件）');
    expect(within(corrected).queryByTestId('dose-error')).not.toBeInTheDocument();
    expect(within(warned).getByText('E032')).toHaveClass('badge', 'badge-error-code');
    expect(within(warned).getByTestId('dose-error')).toHaveTextContent(
      /^E032前回の接種（1期初回1回目、令和5年5月30日）からの間隔が足りません$/,
    );
    expect(within(warned).queryByTestId('dose-corrections')).not.toBeInTheDocument();

    const link = within(corrected).getByRole('link', { name: '修正（職権）: 令和2年5月10日 MR（麻しん風しん） 1期' });
    expect(link).toHaveAttribute('href', '/doses/11/correct');
    await userEvent.click(link);
    expect(router.state.location.pathname).toBe('/doses/11/correct');
    expect(router.state.location.state).toEqual({ from: '/residents/r-1' });
  });

  it('starts a 職権修正 of the resident’s identity items with the 宛名番号 filled in, not in the URL', async () => {
    backend({ 'r-1': residentCase() });
    const { router } = renderApp('/residents/r-1');

    const link = await screen.findByTestId('start-identity-correction');
    await userEvent.click(link);
    expect(router.state.location.pathname).toBe('/processes');
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('start')).toBe('ResidentIdentityCorrection');
    expect(params.get('addresseeNumber')).toBeNull();
    expect(router.state.location.state).toEqual({
      values: { addresseeNumber: residentCase().resident.addresseeNumber },
    });
  });

  it('puts overdue and eligible vaccines first, then upcoming ones, keeping the server order within a group', async () => {
    backend({
      'r-1': residentCase({
        eligibility: [
          eligibility('A', 'COMPLETED'),
          eligibility('B', 'UPCOMING'),
          eligibility('C', 'ELIGIBLE'),
          eligibility('D', 'NOT_ELIGIBLE'),
          eligibility('E', 'OVERDUE'),
          eligibility('F', 'ELIGIBLE'),
          eligibility('G', 'UPCOMING'),
        ],
      }),
    });
    renderApp('/residents/r-1');

    const rows = await screen.findAllByTestId('eligibility-row');
    expect(rows.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual([
      'C',
      'E',
      'F',
      'B',
      'G',
      'A',
      'D',
    ]);
    const badge = (index: number) => within(rows[index]).getAllByRole('cell')[1].firstElementChild;
    expect(badge(0)).toHaveTextContent('接種可');
    expect(badge(0)).toHaveClass('badge', 'badge-eligible');
    expect(badge(1)).toHaveTextContent('期限切れ');
    expect(badge(1)).toHaveClass('badge', 'badge-overdue');
    expect(badge(3)).toHaveTextContent('接種時期前');
    expect(badge(3)).toHaveClass('badge', 'badge-upcoming');
    expect(badge(5)).toHaveTextContent('完了');
    expect(badge(5)).toHaveClass('badge', 'badge-ended');
    expect(badge(6)).toHaveTextContent('対象外');
    expect(badge(6)).toHaveClass('badge', 'badge-not-eligible');
    expect(within(rows[0]).getAllByRole('cell')[2]).toHaveTextContent('—');
    expect(within(rows[0]).getAllByRole('cell')[3]).toHaveTextContent(/^—$/);

    const legend = screen.getByTestId('eligibility-legend');
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.firstElementChild?.textContent),
    ).toEqual(['接種可', '期限切れ', '接種時期前', '完了', '対象外']);
  });

  it('shows an open-ended 接種期間 with a dash on the missing side', async () => {
    backend({
      'r-1': residentCase({
        eligibility: [{ ...eligibility('MR', 'UPCOMING'), eligibleFrom: '2027-04-01' }],
      }),
    });
    renderApp('/residents/r-1');

    const [row] = await screen.findAllByTestId('eligibility-row');
    expect(within(row).getAllByRole('cell')[3]).toHaveTextContent('令和9年4月1日 〜 —');
  });

  it('says so when a section has nothing to show', async () => {
    backend({
      'r-1': residentCase({
        household: [],
        doses: [],
        eligibility: [],
        openTasks: [],
        copayExemptions: [],
        reliefClaims: [],
      }),
    });
    renderApp('/residents/r-1');

    await screen.findByTestId('resident-detail');
    expect(screen.getByTestId('eligibility')).toHaveTextContent('判定対象のワクチンはありません。');
    expect(screen.getByTestId('dose-timeline')).toHaveTextContent('接種記録はありません。');
    expect(screen.getByTestId('household')).toHaveTextContent('同じ世帯の他の住民はいません。');
    expect(screen.getByTestId('open-tasks')).toHaveTextContent('処理中のタスクはありません。');
    expect(screen.getByTestId('related-cases')).toHaveTextContent('申請・請求はありません。');
    expect(screen.queryByTestId('dose-entry')).not.toBeInTheDocument();
    expect(screen.queryByTestId('open-task-row')).not.toBeInTheDocument();
  });

  it("opens a household member's case page and still leads back to the search results", async () => {
    backend({
      'r-1': residentCase(),
      'r-2': residentCase({ resident: { ...residentCase().resident, ...MEMBER }, household: [] }),
    });
    const { router } = renderApp('/residents');
    // As the search page does: the detail page is entered with the search to return to.
    const search = { criteria: { name: '山田', birthDate: '', addresseeNumber: '' }, page: 0 };
    await act(() => router.navigate('/residents/r-1', { state: { search } }));

    await userEvent.click(await screen.findByRole('link', { name: '山田 花' }));

    expect(router.state.location.pathname).toBe('/residents/r-2');
    expect(await screen.findByText('ヤマダ ハナ', { selector: 'dd' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: '← 検索結果へ戻る' }));
    expect(router.state.location.pathname).toBe('/residents');
    expect(router.state.location.search).toBe('');
    expect(router.state.location.state).toEqual({ search });
  });

  it('shows the server message when the resident cannot be found', async () => {
    backend({});
    renderApp('/residents/r-404');

    expect(await screen.findByRole('alert')).toHaveTextContent('見つかりません');
    expect(screen.getByRole('link', { name: '← 検索結果へ戻る' })).toHaveAttribute('href', '/residents');
  });

  it('shows 個人番号 unmasked only on request, for a user with the permission', async () => {
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: { ...STAFF1, permissions: ['REVEAL_MY_NUMBER'] } },
      'GET /api/residents/r-1/case': { status: 200, body: residentCase() },
      'POST /api/residents/r-1/my-number': { status: 200, body: { myNumber: '123456789018' } },
    });
    renderApp('/residents/r-1');

    const value = await screen.findByTestId('my-number');
    expect(value).toHaveTextContent('********1234');
    await userEvent.click(within(value).getByRole('button', { name: '表示（記録されます）' }));
    expect(await screen.findByText('1234 5678 9018')).toBeInTheDocument();
    expect(requests.filter((request) => request.path.endsWith('/my-number'))).toHaveLength(1);
  });

  it('offers no reveal without the permission', async () => {
    backend({ 'r-1': residentCase() });
    renderApp('/residents/r-1');

    const value = await screen.findByTestId('my-number');
    expect(within(value).queryByRole('button')).not.toBeInTheDocument();
  });

  it('starts a case for the resident with the 宛名番号 filled in, which never appears in the URL', async () => {
    backend({ 'r-1': residentCase() });
    const { router } = renderApp('/residents/r-1');
    const links = await screen.findByTestId('start-case-links');
    await userEvent.click(within(links).getByRole('link', { name: '長期療養特例を記録' }));

    expect(router.state.location.pathname).toBe('/processes');
    expect(router.state.location.search).toBe('?start=LongTermIllnessException');
    expect(router.state.location.search).not.toContain('000000000001');
    expect(await screen.findByLabelText('宛名番号')).toHaveValue('000000000001');
  });

  it('records a 60-64-year-old’s qualifying disability for the B類 vaccines with the date read from 和暦', async () => {
    const sixtyTwo = `${new Date().getFullYear() - 62}-01-01`;
    const resident = residentCase().resident;
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
      'GET /api/residents/r-1/case': {
        status: 200,
        body: residentCase({ resident: { ...resident, birthDate: sixtyTwo }, bClassQualifications: [] }),
      },
      'POST /api/residents/r-1/b-class-qualifications': { status: 201, body: { id: 5 } },
    });
    renderApp('/residents/r-1');

    const section = await screen.findByTestId('b-class-qualifications');
    expect(within(section).getByText('記録はありません。')).toBeInTheDocument();
    await userEvent.selectOptions(within(section).getByLabelText(/障害の種類/), 'HEART');
    await userEvent.selectOptions(within(section).getByLabelText(/確認した書類/), 'DISABILITY_CERTIFICATE');
    await userEvent.type(within(section).getByRole('textbox', { name: /^書類を確認した日/ }), 'R8.4.1');
    await userEvent.click(within(section).getByRole('button', { name: '記録する' }));

    expect(await within(section).findByText('B類の対象となる障害を記録しました。')).toBeInTheDocument();
    const posted = requests.find((request) => request.method === 'POST');
    expect(JSON.parse(posted?.body ?? '{}')).toEqual({
      impairment: 'HEART',
      evidence: 'DISABILITY_CERTIFICATE',
      evidenceSeenOn: '2026-04-01',
    });
  });

  it('shows no B類 section for a child without a record', async () => {
    backend({ 'r-1': residentCase() });
    renderApp('/residents/r-1');
    await screen.findByTestId('resident-detail');
    expect(screen.queryByTestId('b-class-qualifications')).not.toBeInTheDocument();
  });
});
