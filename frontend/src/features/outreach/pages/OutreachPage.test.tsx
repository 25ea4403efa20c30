import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Me } from '../../../lib/auth/session';
import { fakeBackend, STAFF1, SYSTEM_INFO, type RecordedRequest } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { CohortPage, CohortRow, OutreachOptions } from '../api';

const OPTIONS: OutreachOptions = {
  vaccines: [
    { code: 'BCG', name: 'BCG' },
    { code: 'MR', name: 'MR（麻しん風しん）' },
  ],
  districts: ['本町', '仲町', '栄町'],
  maxExportRows: 10000,
  maxQuestionnaires: 2000,
  maxEvaluated: 5000,
};

const ROW: CohortRow = {
  id: 41,
  addresseeNumber: '0000000041',
  nameKanji: '相沢 陽翔',
  nameKana: 'アイザワ ハルト',
  birthDate: '2020-06-15',
  ageYears: 6,
  ageMonths: 77,
  sex: 'MALE',
  postalCode: '360-0811',
  address: '埼玉県架空市本町1丁目2番3号',
  district: '本町',
  residentStatus: 'REGISTERED',
  eligibility: {
    vaccineCode: 'MR',
    vaccineName: 'MR（麻しん風しん）',
    status: 'ELIGIBLE',
    nextDose: '2期',
    eligibleFrom: null,
    eligibleUntil: '2027-03-31',
    reason: '2期を接種できます',
  },
  questionnaireIssuedAt: null,
};

function page(items: CohortRow[], total = items.length, pageNumber = 0): CohortPage {
  return { items, page: pageNumber, size: 50, total, asOf: '2026-11-26' };
}

function backend(me: Me, search: CohortPage | ((request: RecordedRequest) => { status: number; body: unknown })) {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: me },
    'GET /api/outreach/options': { status: 200, body: OPTIONS },
    'POST /api/outreach/search': typeof search === 'function' ? search : { status: 200, body: search },
    'POST /api/outreach/export': {
      status: 200,
      body: 'csv',
      headers: {
        'Content-Disposition':
          "attachment; filename*=UTF-8''%E4%BA%88%E9%98%B2%E6%8E%A5%E7%A8%AE%E5%AF%BE%E8%B1%A1%E8%80%85.csv",
        'X-Row-Count': '1',
        'X-Replaced-Characters': '2',
      },
    },
    'POST /api/outreach/questionnaires': {
      status: 200,
      body: 'pdf',
      headers: { 'Content-Disposition': 'attachment; filename="yoshinhyo.pdf"', 'X-Row-Count': '1' },
    },
  });
}

const EXPORTER: Me = { ...STAFF1, permissions: ['EXPORT', 'PRINT'] };

function lastBody(requests: RecordedRequest[], path: string): Record<string, unknown> {
  const request = requests.filter((r) => r.path === path).at(-1);
  return JSON.parse(request?.body ?? '{}') as Record<string, unknown>;
}

async function searchMrPhaseTwo() {
  await userEvent.type(await screen.findByTestId('age-from'), '5');
  await userEvent.type(screen.getByTestId('age-to'), '6');
  await userEvent.selectOptions(screen.getByTestId('districts'), ['本町', '栄町']);
  await userEvent.selectOptions(screen.getByTestId('vaccine'), 'MR');
  await userEvent.click(screen.getByTestId('status-ELIGIBLE'));
  await userEvent.type(screen.getByTestId('dose-category'), '2期');
  await userEvent.click(screen.getByTestId('cohort-search-button'));
}

describe('OutreachPage', () => {
  beforeEach(() => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
  });

  it('sends the criteria in the body and lists the cohort with 和暦 dates and the vaccine status', async () => {
    const { requests } = backend(STAFF1, page([ROW]));
    renderApp('/outreach');
    expect(await screen.findByRole('link', { name: '対象者抽出' })).toHaveClass('active');
    // Vaccine status and 接種区分 need a vaccine first.
    expect(await screen.findByTestId('status-ELIGIBLE')).toBeDisabled();

    await searchMrPhaseTwo();

    const rows = await screen.findAllByTestId('cohort-row');
    expect(rows).toHaveLength(1);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      '0000000041',
      '相沢 陽翔',
      'アイザワ ハルト',
      '令和2年6月15日',
      '6歳',
      '男',
      '本町',
      '埼玉県架空市本町1丁目2番3号',
      '住民',
      '接種可',
      '2期',
      '令和9年3月31日',
      '未発行',
    ]);
    expect(screen.getByTestId('cohort-summary')).toHaveTextContent('令和8年11月26日時点で 1人が該当します。');
    const search = requests.find((r) => r.path === '/api/outreach/search');
    expect(search?.method).toBe('POST');
    expect(JSON.parse(search?.body ?? '{}')).toEqual({
      criteria: {
        ageUnit: 'YEARS',
        ageFrom: 5,
        ageTo: 6,
        districts: ['本町', '栄町'],
        sex: null,
        residentStatuses: ['REGISTERED'],
        vaccine: 'MR',
        statuses: ['ELIGIBLE'],
        doseCategory: '2期',
      },
      page: 0,
      size: 50,
    });
  });

  it('offers neither export nor print to a user without the permissions', async () => {
    backend(STAFF1, page([ROW]));
    renderApp('/outreach');
    await searchMrPhaseTwo();
    await screen.findAllByTestId('cohort-row');
    expect(screen.queryByTestId('export-button')).not.toBeInTheDocument();
    expect(screen.queryByTestId('issue-button')).not.toBeInTheDocument();
    expect(screen.getByTestId('outreach-no-permission')).toHaveTextContent('権限が必要です');
  });

  it('exports the cohort as CSV in the chosen encoding and says what was replaced', async () => {
    const { requests } = backend(EXPORTER, page([ROW]));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderApp('/outreach');
    await searchMrPhaseTwo();
    await screen.findAllByTestId('cohort-row');

    await userEvent.selectOptions(screen.getByTestId('csv-encoding'), 'SHIFT_JIS');
    await userEvent.click(screen.getByTestId('export-button'));

    expect(await screen.findByTestId('outreach-notice')).toHaveTextContent(
      '1件をCSV（Shift_JIS）で出力しました。出力は記録されています。Shift_JIS で表せない文字2文字を「〓」に置き換えました。',
    );
    expect(lastBody(requests, '/api/outreach/export')).toMatchObject({
      encoding: 'SHIFT_JIS',
      criteria: { vaccine: 'MR' },
    });
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('予防接種対象者.csv');
    click.mockRestore();
  });

  it('issues 予診票 only for a cohort due for the vaccine, after confirmation, and reloads the list', async () => {
    const { requests } = backend(EXPORTER, page([ROW]));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderApp('/outreach');
    await searchMrPhaseTwo();
    await screen.findAllByTestId('cohort-row');

    await userEvent.click(screen.getByTestId('issue-button'));
    expect(await screen.findByTestId('outreach-notice')).toHaveTextContent('1人分の予診票（PDF）を発行しました。');
    expect(confirm).toHaveBeenCalledWith('1人分の予診票を発行します。発行は住民ごとに記録されます。よろしいですか？');
    expect(lastBody(requests, '/api/outreach/questionnaires')).toMatchObject({ criteria: { statuses: ['ELIGIBLE'] } });
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('yoshinhyo.pdf');
    await waitFor(() => expect(requests.filter((r) => r.path === '/api/outreach/search')).toHaveLength(2));
    expect(screen.getByTestId('outreach-notice')).toHaveTextContent('1人分の予診票（PDF）を発行しました。');
    click.mockRestore();
    confirm.mockRestore();
  });

  it('keeps the print button off until the cohort is chosen by a due status', async () => {
    backend(EXPORTER, page([ROW]));
    renderApp('/outreach');
    await userEvent.selectOptions(await screen.findByTestId('vaccine'), 'MR');
    await userEvent.click(screen.getByTestId('status-COMPLETED'));
    await userEvent.click(screen.getByTestId('cohort-search-button'));
    await screen.findAllByTestId('cohort-row');
    expect(screen.getByTestId('issue-button')).toBeDisabled();
    expect(screen.getByText(/接種状況（接種可・接種時期前）で抽出すると発行できます/)).toBeInTheDocument();
  });

  it('shows the server refusal and its field messages beside the criteria', async () => {
    backend(STAFF1, () => ({
      status: 400,
      body: {
        status: 400,
        error: 'validation_failed',
        message: '検索条件に誤りがあります',
        fields: { ageTo: '年齢の上限は下限以上にしてください', 'criteria.ageFrom': '年齢は0以上で入力してください' },
      },
    }));
    renderApp('/outreach');
    await userEvent.type(await screen.findByTestId('age-from'), '7');
    await userEvent.type(screen.getByTestId('age-to'), '5');
    await userEvent.click(screen.getByTestId('cohort-search-button'));
    expect(await screen.findByTestId('cohort-error')).toHaveTextContent('検索条件に誤りがあります');
    expect(screen.getByText('年齢の上限は下限以上にしてください')).toBeInTheDocument();
    expect(screen.getByText('年齢は0以上で入力してください')).toBeInTheDocument();
    expect(screen.getByTestId('age-to')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a 403 for export with the server message', async () => {
    const refusing = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: EXPORTER },
      'GET /api/outreach/options': { status: 200, body: OPTIONS },
      'POST /api/outreach/search': { status: 200, body: page([ROW]) },
      'POST /api/outreach/export': {
        status: 403,
        body: {
          status: 403,
          error: 'permission_required',
          message: '「CSV出力」の権限がないため、この操作はできません。',
        },
      },
    });
    renderApp('/outreach');
    await userEvent.click(await screen.findByTestId('cohort-search-button'));
    await screen.findAllByTestId('cohort-row');
    await userEvent.click(screen.getByTestId('export-button'));
    expect(await screen.findByTestId('outreach-error')).toHaveTextContent(
      '「CSV出力」の権限がないため、この操作はできません。',
    );
    expect(refusing.requests.some((r) => r.path === '/api/outreach/export')).toBe(true);
  });
});
