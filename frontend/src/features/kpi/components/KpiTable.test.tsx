import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KpiSection } from './KpiTable';

describe('KpiSection', () => {
  it('shows a long table 20 rows at a time and keeps every row for the CSV', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => [`行${i + 1}`]);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <KpiSection title="長い表" testId="long" fileName="長い表" table={{ header: ['列'], rows }} />
      </QueryClientProvider>,
    );
    expect(screen.getAllByTestId('long-row')).toHaveLength(20);
    const pager = screen.getByRole('navigation', { name: '長い表のページ' });
    expect(pager).toHaveTextContent('全25件中 1〜20件');
    await userEvent.click(within(pager).getByRole('button', { name: '次へ' }));
    expect(screen.getAllByTestId('long-row').map((row) => row.textContent)).toEqual([
      '行21',
      '行22',
      '行23',
      '行24',
      '行25',
    ]);
    expect(within(pager).getByRole('button', { name: '次へ' })).toBeDisabled();
  });
});
