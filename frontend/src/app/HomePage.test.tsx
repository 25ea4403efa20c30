import { screen } from '@testing-library/react';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

describe('HomePage', () => {
  it('tells a user whose department does not do the affair that no work is available to them', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': {
        status: 200,
        body: { ...STAFF1, roles: [], department: { code: 'other', name: '健康づくり課' } },
      },
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: '利用できる業務がありません' })).toBeInTheDocument();
    expect(screen.getByText(/予防接種事務を担当しない部署/)).toHaveTextContent('（健康づくり課）');
  });
});
