import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DOSE_REFERENCE } from '../../../test/doseFixtures';
import { fakeBackend, STAFF1, SYSTEM_INFO, type RecordedRequest } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { ResidentSummary } from '../../../lib/residents';

const RESIDENT: ResidentSummary = {
  id: 'r-1',
  addresseeNumber: '0000000001',
  nameKanji: '山田 太郎',
  nameKana: 'ヤマダ タロウ',
  birthDate: '2019-05-01',
  sex: 'MALE',
  address: '東京都千代田区霞が関1-1-1',
  status: 'REGISTERED',
  myNumberMasked: '********1234',
};

type Reply = { status: number; body?: unknown };

function backend(registration: (request: RecordedRequest) => Reply) {
  document.cookie = 'XSRF-TOKEN=token-1';
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'GET /api/doses/reference': { status: 200, body: DOSE_REFERENCE },
    'POST /api/residents/search': (request) => {
      const { addresseeNumber } = JSON.parse(request.body!) as { addresseeNumber: string };
      const items = addresseeNumber === RESIDENT.addresseeNumber ? [RESIDENT] : [];
      return { status: 200, body: { items, page: 0, size: 20, total: items.length } };
    },
    'POST /api/doses': registration,
  });
}

const field = (key: string) => screen.getByTestId(`dose-entry-${key}`);

/** A 予診票 as the clerk types it: the resident, MR 1期 at 市立中央病院. */
async function fillForm() {
  await userEvent.type(await screen.findByLabelText('宛名番号（10桁）'), '0000000001');
  expect(await screen.findByTestId('dose-entry-resident')).toHaveTextContent(
    /山田 太郎（ヤマダ タロウ） 令和元年5月1日生/,
  );

  // 接種区分 follows the vaccine, 医師 the institution.
  expect(
    within(field('doseCategory'))
      .getAllByRole('option')
      .map((option) => option.textContent),
  ).toEqual(['選択してください']);
  await userEvent.selectOptions(screen.getByLabelText('接種種別'), 'MR（麻しん風しん）');
  expect(
    within(field('doseCategory'))
      .getAllByRole('option')
      .map((option) => option.textContent),
  ).toEqual(['選択してください', '1期', '2期']);
  await userEvent.selectOptions(screen.getByLabelText('接種区分'), '1期');
  // Typed in 和暦 as clerks write it; the server reads it as the batch files' dates are read.
  await userEvent.type(screen.getByLabelText('接種年月日'), 'R9.10.5');
  expect(field('doseDate')).toHaveAccessibleDescription('令和9年10月5日（2027-10-05）');
  await userEvent.type(screen.getByLabelText('ロット番号'), 'MR-01');
  await userEvent.selectOptions(screen.getByLabelText('接種医療機関'), '市立中央病院（1110103）');
  expect(
    within(field('doctorId'))
      .getAllByRole('option')
      .map((option) => option.textContent),
  ).toEqual(['選択してください', '中央 誠（D1010301）', '市川 涼子（D1010302）']);
  await userEvent.selectOptions(screen.getByLabelText('接種医師'), '中央 誠（D1010301）');
}

const FILLED_ITEMS = {
  addresseeNumber: '0000000001',
  vaccine: 'MR',
  doseCategory: '1期',
  doseDate: 'R9.10.5',
  lotNumber: 'MR-01',
  institutionId: '1110103',
  doctorId: 'D1010301',
};

describe('DoseEntryPage', () => {
  it('shows each エラーコード next to its item, the message on top, and opens 「その他の項目」 when one of them is wrong', async () => {
    const { requests } = backend(() => ({
      status: 400,
      body: {
        status: 400,
        error: 'validation_failed',
        message: '接種記録に誤りがあります（E030、E002）',
        fields: {
          doseDate: 'E030 接種年月日が未来の日付です',
          tuberculinSizeV: 'E002 ツベルクリンの大きさ縦はmm単位の数値で入力してください（0〜99.9）',
          lotNumber: 'E040 ロット番号は英数字とハイフンで2〜20文字です',
        },
      },
    }));
    renderApp('/doses/new');
    await fillForm();
    const other = screen.getByTestId('dose-entry-other-items');
    expect(other).not.toHaveAttribute('open');
    await userEvent.click(within(other).getByText('その他の項目'));
    await userEvent.type(screen.getByLabelText('ツベルクリン 大きさ縦（mm）'), '1cm');

    await userEvent.click(screen.getByTestId('dose-entry-submit'));

    const summary = await screen.findByTestId('dose-entry-error');
    expect(summary).toHaveTextContent('接種記録に誤りがあります（E030、E002）');
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'E030接種年月日:接種年月日が未来の日付です',
      'E002ツベルクリン 大きさ縦（mm）:ツベルクリンの大きさ縦はmm単位の数値で入力してください（0〜99.9）',
      'E040ロット番号:ロット番号は英数字とハイフンで2〜20文字です',
    ]);
    // Items are named as staff call them, never by a CSV header or an API key.
    expect(summary).not.toHaveTextContent(/LotNo|lotNumber/);
    expect(field('doseDate')).toHaveAttribute('aria-invalid', 'true');
    expect(field('doseDate')).toHaveAccessibleDescription(
      '令和9年10月5日（2027-10-05） E030 接種年月日が未来の日付です',
    );
    expect(field('tuberculinSizeV')).toHaveAccessibleDescription(/^E002 ツベルクリンの大きさ縦はmm単位の数値/);
    expect(field('lotNumber')).toHaveAttribute('aria-invalid', 'true');
    expect(other).toHaveAttribute('open');
    // The draft stays for the clerk to correct.
    expect(field('lotNumber')).toHaveValue('MR-01');

    const sent = requests.filter((request) => request.method === 'POST' && request.path === '/api/doses');
    expect(sent).toHaveLength(1);
    expect(sent[0].headers['X-XSRF-TOKEN']).toBe('token-1');
    expect(JSON.parse(sent[0].body!)).toEqual({
      items: { ...FILLED_ITEMS, tuberculinSizeV: '1cm' },
      confirmWarnings: false,
    });
  });

  it('clears a doctor of another institution and a 接種区分 of another vaccine', async () => {
    backend(() => ({ status: 201, body: { id: 1 } }));
    renderApp('/doses/new');
    await fillForm();

    await userEvent.selectOptions(screen.getByLabelText('接種医療機関'), 'さくら小児科クリニック（1110101）');
    await userEvent.selectOptions(screen.getByLabelText('接種種別'), '日本脳炎');

    expect(field('doctorId')).toHaveValue('');
    expect(field('doseCategory')).toHaveValue('');
    expect(within(field('doctorId')).getAllByRole('option')).toHaveLength(2);
  });

  it('asks for confirmation of a warning (422) and registers with confirmWarnings once confirmed', async () => {
    const warning = {
      status: 422,
      body: {
        status: 422,
        error: 'confirmation_required',
        message: '確認が必要な項目があります（E032）。内容を確かめ、このまま登録する場合は確認のうえ登録してください',
        fields: { doseDate: 'E032 前回の接種（1期、令和9年9月20日）からの間隔が足りません' },
      },
    };
    const { requests } = backend((request) =>
      (JSON.parse(request.body!) as { confirmWarnings: boolean }).confirmWarnings
        ? { status: 201, body: { id: 99 } }
        : warning,
    );
    renderApp('/doses/new');
    await fillForm();

    await userEvent.click(screen.getByTestId('dose-entry-submit'));

    const confirmation = await screen.findByTestId('dose-entry-confirmation');
    expect(confirmation).toHaveTextContent('確認が必要な項目があります（E032）');
    expect(confirmation).toHaveTextContent('警告接種年月日:前回の接種（1期、令和9年9月20日）からの間隔が足りません');
    expect(field('doseDate')).toHaveAccessibleDescription(/E032 前回の接種/);
    expect(screen.queryByTestId('dose-registered')).not.toBeInTheDocument();

    // A confirmation is for the values it was given for: editing withdraws it.
    await userEvent.clear(field('lotNumber'));
    await userEvent.type(field('lotNumber'), 'MR-02');
    expect(screen.queryByTestId('dose-entry-confirmation')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('dose-entry-submit'));
    await userEvent.click(await screen.findByRole('button', { name: '確認のうえ登録する' }));

    const registered = await screen.findByTestId('dose-registered');
    expect(registered).toHaveTextContent('接種記録を登録しました（記録番号 99）。');
    expect(within(registered).getByRole('link', { name: '山田 太郎さんの住民詳細（接種履歴）を開く' })).toHaveAttribute(
      'href',
      '/residents/r-1',
    );
    const bodies = requests
      .filter((request) => request.method === 'POST' && request.path === '/api/doses')
      .map((request) => JSON.parse(request.body!) as unknown);
    const items = { ...FILLED_ITEMS, lotNumber: 'MR-02' };
    expect(bodies).toEqual([
      { items: FILLED_ITEMS, confirmWarnings: false },
      { items, confirmWarnings: false },
      { items, confirmWarnings: true },
    ]);
    // The next 予診票 starts on an empty form.
    await waitFor(() => expect(field('vaccine')).toHaveValue(''));
    expect(screen.getByLabelText('宛名番号（10桁）')).toHaveValue('');
  });

  it('says so when the 宛名番号 belongs to nobody', async () => {
    backend(() => ({ status: 201 }));
    renderApp('/doses/new');

    await userEvent.type(await screen.findByLabelText('宛名番号（10桁）'), '0000009999');

    expect(await screen.findByTestId('dose-entry-resident')).toHaveTextContent('この宛名番号の住民は見つかりません。');
  });
});
