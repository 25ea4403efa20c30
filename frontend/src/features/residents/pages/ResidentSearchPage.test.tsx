import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { ResidentPage } from '../api';

const CENTENARIAN: ResidentPage = {
  items: [
    {
      id: 'r-9',
      addresseeNumber: '000000000009',
      nameKanji: '架空 トメ',
      nameKana: 'カクウ トメ',
      birthDate: '1925-03-03',
      sex: 'FEMALE',
      address: '埼玉県架空市本町1-1',
      status: 'REGISTERED',
      myNumberMasked: '********0009',
    },
  ],
  page: 0,
  size: 20,
  total: 1,
  totalCapped: false,
};

function backend() {
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: STAFF1 },
    'POST /api/residents/search': { status: 200, body: CENTENARIAN },
  });
}

describe('ResidentSearchPage', () => {
  it('finds a resident by a 大正 birth date typed as clerks write it, with nothing of the search in the URL', async () => {
    const { requests } = backend();
    const { router } = renderApp('/residents');

    await userEvent.type(await screen.findByRole('textbox', { name: /^生年月日/ }), '大正14年3月3日');
    expect(screen.getByText('大正14年3月3日（1925-03-03）')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('氏名（漢字・カナの一部）'), 'カクウ');
    await userEvent.click(screen.getByTestId('resident-search-button'));

    const [row] = await screen.findAllByTestId('resident-row');
    expect(within(row).getByText('大正14年3月3日')).toBeInTheDocument();
    const search = requests.find((request) => request.path === '/api/residents/search');
    expect(JSON.parse(search?.body ?? '{}')).toMatchObject({ name: 'カクウ', birthDate: '1925-03-03', page: 0 });
    expect(router.state.location.pathname).toBe('/residents');
    expect(router.state.location.search).toBe('');
  });

  it('shows a part with more matches than the server counts as 「1,000件以上」 and pages on through them', async () => {
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
      'POST /api/residents/search': { status: 200, body: { ...CENTENARIAN, total: 1000, totalCapped: true } },
    });
    renderApp('/residents');

    await userEvent.type(await screen.findByLabelText('氏名（漢字・カナの一部）'), 'ヤマ');
    await userEvent.click(screen.getByTestId('resident-search-button'));

    expect(await screen.findByText('1,000件以上のうち 1〜20件')).toBeInTheDocument();
    expect(screen.getByText(/該当が1,000件以上あります/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '次へ' }));
    const searches = requests.filter((request) => request.path === '/api/residents/search');
    expect(JSON.parse(searches[searches.length - 1]?.body ?? '{}')).toMatchObject({ name: 'ヤマ', page: 1 });
  });

  it('refuses a date it cannot read and searches nothing', async () => {
    const { requests } = backend();
    renderApp('/residents');

    await userEvent.type(await screen.findByRole('textbox', { name: /^生年月日/ }), '平成35年1月1日');
    await userEvent.click(screen.getByTestId('resident-search-button'));

    expect(await screen.findByText(/生年月日を日付として読めません/)).toBeInTheDocument();
    expect(requests.filter((request) => request.path === '/api/residents/search')).toEqual([]);
  });
});
