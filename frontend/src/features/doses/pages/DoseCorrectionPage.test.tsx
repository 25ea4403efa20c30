import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DOSE_REFERENCE, doseDetail } from '../../../test/doseFixtures';
import { fakeBackend, STAFF1, SYSTEM_INFO, type RecordedRequest } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { DoseDetail } from '../api';

type Reply = { status: number; body?: unknown };

function backend(details: DoseDetail[], correction: (request: RecordedRequest) => Reply = () => ({ status: 204 })) {
  document.cookie = 'XSRF-TOKEN=token-1';
  let reads = 0;
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/doses/reference': { status: 200, body: DOSE_REFERENCE },
    // Each read answers the record as it is by then.
    'GET /api/doses/41': () => ({ status: 200, body: details[Math.min(reads++, details.length - 1)] }),
    'PUT /api/doses/41': correction,
  });
}

const field = (key: string) => screen.getByTestId(`dose-correction-${key}`);
const puts = (requests: RecordedRequest[]) =>
  requests.filter((request) => request.method === 'PUT').map((request) => JSON.parse(request.body!) as unknown);

describe('DoseCorrectionPage', () => {
  it('is prefilled with the record, shows the history before → after and requires a reason', async () => {
    const corrected = doseDetail({
      version: 4,
      items: { ...doseDetail().items, lotNumber: 'JE-200' },
      corrections: [
        ...doseDetail().corrections,
        {
          id: 6,
          before: { lotNumber: 'JE-100' },
          after: { lotNumber: 'JE-200' },
          reason: 'ロット番号の転記誤り',
          correctedBy: 'staff1',
          correctedAt: '2026-11-26T02:00:00Z',
        },
      ],
    });
    const { requests } = backend([doseDetail(), corrected]);
    renderApp('/doses/41/correct');

    expect(await screen.findByTestId('dose-correction-summary')).toHaveTextContent('日本脳炎');
    expect(field('vaccine')).toHaveValue('JAPANESE_ENCEPHALITIS');
    expect(field('doseCategory')).toHaveValue('1期初回2回目');
    expect(field('doctorId')).toHaveValue('D1010301');
    expect(field('sex')).toHaveValue('MALE');
    expect(field('lotNumber')).toHaveValue('JE-100');
    // A correction keeps the record's resident.
    expect(screen.queryByLabelText('宛名番号（10桁）')).not.toBeInTheDocument();

    const [entry] = within(screen.getByTestId('dose-correction-history')).getAllByTestId('dose-correction-entry');
    expect(
      within(entry)
        .getAllByRole('cell')
        .slice(0, 3)
        .map((cell) => cell.textContent),
    ).toEqual(['令和8年11月20日 10:30', 'staff2', '医療機関からの訂正依頼']);
    expect(
      within(entry)
        .getAllByTestId('dose-correction-change')
        .map((change) => change.textContent),
    ).toEqual(['ロット番号JE-001→JE-100', '接種年月日令和6年5月1日→令和6年5月10日', '備考（空欄）→医療機関から訂正']);

    await userEvent.clear(field('lotNumber'));
    await userEvent.type(field('lotNumber'), 'JE-200');
    await userEvent.click(screen.getByTestId('dose-correction-submit'));

    const reason = field('reason');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(/修正理由を入力してください$/);
    expect(reason).toHaveFocus();
    expect(puts(requests)).toEqual([]);

    await userEvent.type(reason, ' ロット番号の転記誤り ');
    expect(reason).toHaveAttribute('aria-invalid', 'false');
    await userEvent.click(screen.getByTestId('dose-correction-submit'));

    expect(await screen.findByTestId('dose-correction-notice')).toHaveTextContent('接種記録を修正しました。');
    expect(puts(requests)).toEqual([
      {
        version: 3,
        items: {
          vaccine: 'JAPANESE_ENCEPHALITIS',
          doseCategory: '1期初回2回目',
          birthDate: '2019-05-01',
          sex: 'MALE',
          lotNumber: 'JE-200',
          doseVolumeMl: '0.5',
          institutionId: '1110103',
          doseDate: '2024-05-10',
          billingMonth: '',
          placeId: 'P01',
          screeningCategory: '',
          screeningInstitutionId: '',
          screeningDoctorId: '',
          doctorId: 'D1010301',
          preMergerTown: '',
          vaccineMaker: '',
          dtCategory: '',
          initialVaccineCategory: '',
          tuberculinResult: '',
          tuberculinSizeV: '',
          tuberculinSizeH: '',
          tuberculinState: '',
          remarks: '',
        },
        reason: 'ロット番号の転記誤り',
        confirmWarnings: false,
      },
    ]);
    // The page shows the record as saved: the new version, an empty reason and the new history entry.
    await waitFor(() => expect(screen.getAllByTestId('dose-correction-entry')).toHaveLength(2));
    expect(field('reason')).toHaveValue('');
    expect(field('lotNumber')).toHaveValue('JE-200');
  });

  it('shows a vaccine recorded by its Japanese name as the listed choice and sends the name back unchanged', async () => {
    const { requests } = backend([doseDetail({ items: { ...doseDetail().items, vaccine: '日本脳炎' } })]);
    renderApp('/doses/41/correct');

    const vaccine = (await screen.findByTestId('dose-correction-vaccine')) as HTMLSelectElement;
    expect(vaccine.value).toBe('JAPANESE_ENCEPHALITIS');
    expect(within(vaccine).queryByText(/一覧にない値/)).not.toBeInTheDocument();
    await userEvent.type(field('reason'), 'ロット番号の確認');
    await userEvent.clear(field('lotNumber'));
    await userEvent.type(field('lotNumber'), 'JE-101');
    await userEvent.click(screen.getByTestId('dose-correction-submit'));

    await waitFor(() => expect(puts(requests)).toHaveLength(1));
    expect(puts(requests)[0]).toMatchObject({ items: { vaccine: '日本脳炎', lotNumber: 'JE-101' } });
  });

  it('shows the server refusal when nothing was changed', async () => {
    backend([doseDetail()], () => ({
      status: 400,
      body: { status: 400, error: 'nothing_changed', message: '変更された項目がありません' },
    }));
    renderApp('/doses/41/correct');

    await userEvent.type(await screen.findByTestId('dose-correction-reason'), '確認のため');
    await userEvent.click(screen.getByTestId('dose-correction-submit'));

    expect(await screen.findByTestId('dose-correction-error')).toHaveTextContent('変更された項目がありません');
  });

  it('confirms a warning and sends the same correction with confirmWarnings', async () => {
    const { requests } = backend([doseDetail()], (request) =>
      (JSON.parse(request.body!) as { confirmWarnings: boolean }).confirmWarnings
        ? { status: 204 }
        : {
            status: 422,
            body: {
              status: 422,
              error: 'confirmation_required',
              message: '確認が必要な項目があります（E032）',
              fields: { doseDate: 'E032 前回の接種からの間隔が足りません' },
            },
          },
    );
    renderApp('/doses/41/correct');

    await userEvent.clear(await screen.findByTestId('dose-correction-doseDate'));
    await userEvent.type(field('doseDate'), '2024-05-03');
    await userEvent.type(field('reason'), '接種日の誤り');
    await userEvent.click(screen.getByTestId('dose-correction-submit'));
    await userEvent.click(await screen.findByRole('button', { name: '確認のうえ修正する' }));

    expect(await screen.findByTestId('dose-correction-notice')).toBeInTheDocument();
    expect(puts(requests).map((body) => (body as { confirmWarnings: boolean }).confirmWarnings)).toEqual([false, true]);
  });

  it('offers to reload when someone else corrected the record first (409)', async () => {
    const newer = doseDetail({ version: 4, items: { ...doseDetail().items, lotNumber: 'JE-300' } });
    const { requests } = backend([doseDetail(), newer], () => ({
      status: 409,
      body: {
        status: 409,
        error: 'stale',
        message: 'この接種記録は他の職員が先に修正しました。画面を開き直してください',
      },
    }));
    renderApp('/doses/41/correct');

    await userEvent.type(await screen.findByTestId('dose-correction-remarks'), '追記');
    await userEvent.type(field('reason'), '備考の追記');
    await userEvent.click(screen.getByTestId('dose-correction-submit'));

    const conflict = await screen.findByTestId('dose-correction-error');
    expect(conflict).toHaveTextContent('この接種記録は他の職員が先に修正しました');
    await userEvent.click(within(conflict).getByRole('button', { name: '最新の内容を読み込む' }));

    await waitFor(() => expect(field('lotNumber')).toHaveValue('JE-300'));
    expect(screen.queryByTestId('dose-correction-error')).not.toBeInTheDocument();
    expect(field('remarks')).toHaveValue('');
    expect(requests.filter((request) => request.path === '/api/doses/41' && request.method === 'GET')).toHaveLength(2);
  });
});
