import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ADMIN1, fakeBackend, SYSTEM_INFO } from '../../../test/fakeBackend';
import { renderApp } from '../../../test/renderApp';
import type { Department } from '../api';

const BRANCH: Department = {
  code: 'menuma',
  name: '妻沼保健センター',
  affair: true,
  permissions: ['PRINT'],
  members: 2,
  version: 3,
};

function backend(extra: Parameters<typeof fakeBackend>[0] = {}) {
  document.cookie = 'XSRF-TOKEN=token-1';
  return fakeBackend({
    'GET /api/system': { status: 200, body: SYSTEM_INFO },
    'GET /api/me': { status: 200, body: ADMIN1 },
    'GET /api/admin/departments': { status: 200, body: [BRANCH] },
    ...extra,
  });
}

describe('DepartmentsPage', () => {
  it("shows a department's row of the matrix and saves a change with its version", async () => {
    const { requests } = backend({
      'PUT /api/admin/departments/menuma': {
        status: 200,
        body: { ...BRANCH, permissions: ['PRINT', 'EXPORT'], version: 4 },
      },
    });
    renderApp('/admin/departments');
    const row = await screen.findByTestId('department-row');
    expect(within(row).getByLabelText('妻沼保健センターは予防接種事務を担当')).toBeChecked();
    expect(within(row).getByLabelText('妻沼保健センターに帳票印刷を認める')).toBeChecked();
    expect(within(row).getByLabelText('妻沼保健センターに個人番号の表示を認める')).not.toBeChecked();

    await userEvent.click(within(row).getByLabelText('妻沼保健センターにCSV出力を認める'));
    await userEvent.click(within(row).getByRole('button', { name: '保存' }));

    expect(await screen.findByText('「妻沼保健センター」の権限を保存しました。')).toBeInTheDocument();
    const put = requests.find((request) => request.method === 'PUT');
    expect(JSON.parse(put!.body!)).toEqual({
      name: '妻沼保健センター',
      affair: true,
      permissions: ['PRINT', 'EXPORT'],
      version: 3,
    });
  });

  it("shows the server's message when another administrator saved first", async () => {
    backend({
      'PUT /api/admin/departments/menuma': {
        status: 409,
        body: {
          status: 409,
          error: 'stale_department',
          message: 'ほかの管理者が先に変更しました。画面を読み込み直してください。',
        },
      },
    });
    renderApp('/admin/departments');
    const row = await screen.findByTestId('department-row');
    await userEvent.click(within(row).getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(screen.getByText('ほかの管理者が先に変更しました。画面を読み込み直してください。')).toBeInTheDocument(),
    );
  });
});
