import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBackend, STAFF1, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';

describe('AbsencesPage', () => {
  it('records an absence typed in 和暦 with a stand-in', async () => {
    const { requests } = fakeBackend({
      'GET /api/system': { status: 200, body: SYSTEM_INFO },
      'GET /api/me': { status: 200, body: STAFF1 },
      'GET /api/tasks/absences': { status: 200, body: [] },
      'POST /api/tasks/absences': {
        status: 201,
        body: {
          id: 3,
          username: 'staff1',
          displayName: '山田 花子',
          startsOn: '2026-12-07',
          endsOn: '2026-12-08',
          standIn: 'staff2',
          standInName: '鈴木 一郎',
        },
      },
    });
    renderApp('/tasks/absences');

    await userEvent.type(await screen.findByTestId('absence-from'), 'R8.12.7');
    await userEvent.type(screen.getByTestId('absence-to'), '令和8年12月8日');
    await userEvent.type(screen.getByTestId('absence-stand-in'), 'staff2');
    await userEvent.click(screen.getByRole('button', { name: '不在を登録' }));

    await waitFor(() => expect(screen.getByText('不在を登録しました。')).toBeInTheDocument());
    const sent = requests.find((request) => request.method === 'POST')!;
    expect(JSON.parse(sent.body!)).toEqual({
      username: '',
      startsOn: '2026-12-07',
      endsOn: '2026-12-08',
      standIn: 'staff2',
    });
  });
});
