import { screen } from '@testing-library/react';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

describe('Layout', () => {
  it('tells the account holder of wrong passwords tried at the account since the last login (R08)', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: { ...STAFF1, wrongPasswordsSinceLastLogin: 5 } },
    });
    renderApp('/');
    expect(await screen.findByTestId('wrong-passwords-notice')).toHaveTextContent('パスワードの誤りが5回ありました');
  });

  it('says nothing when there were none', async () => {
    fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
    });
    renderApp('/');
    expect(await screen.findByTestId('current-user')).toBeInTheDocument();
    expect(screen.queryByTestId('wrong-passwords-notice')).not.toBeInTheDocument();
  });
});
