import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { CamundaForm, type CamundaFormHandle, type FormSchema } from './CamundaForm';
import { formValueOf, unreadableDates } from './formJsDateField';

const SCHEMA: FormSchema = {
  type: 'default',
  components: [
    { type: 'textfield', key: 'note', label: '備考' },
    { type: 'datetime', key: 'dueBy', subtype: 'date', dateLabel: '支払予定日', validate: { required: true } },
  ],
};

describe('dates in Camunda forms', () => {
  it('reads a date typed in 和暦 under the field and submits it as an ISO date', async () => {
    const submitted = vi.fn();
    const handle = createRef<CamundaFormHandle>();
    render(<CamundaForm schema={SCHEMA} data={{ dueBy: '2026-04-01' }} onSubmit={submitted} ref={handle} />);
    const input = await screen.findByLabelText(/支払予定日/, { selector: 'input' });
    // A stored value is shown in 和暦.
    expect(input).toHaveValue('令和8年4月1日');
    await userEvent.clear(input);
    await userEvent.type(input, 'R8.12.6');
    expect(input).toHaveAccessibleDescription('令和8年12月6日（2026-12-06）');
    handle.current?.submit();
    await waitFor(() => expect(submitted).toHaveBeenCalledWith(expect.objectContaining({ dueBy: '2026-12-06' })));
  });

  it('keeps a form with an unreadable date from being sent and says why under the field', async () => {
    const submitted = vi.fn();
    const handle = createRef<CamundaFormHandle>();
    render(<CamundaForm schema={SCHEMA} onSubmit={submitted} ref={handle} />);
    const input = await screen.findByLabelText(/支払予定日/, { selector: 'input' });
    await userEvent.type(input, '平成35年1月1日');
    expect(input).toHaveAccessibleDescription('日付として読めません（例: 令和8年4月1日）');
    handle.current?.submit();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(submitted).not.toHaveBeenCalled();
  });

  it('picks a day from a calendar headed in 和暦', async () => {
    const submitted = vi.fn();
    const handle = createRef<CamundaFormHandle>();
    render(<CamundaForm schema={SCHEMA} data={{ dueBy: '2019-05-01' }} onSubmit={submitted} ref={handle} />);
    await userEvent.click(await screen.findByRole('button', { name: '支払予定日をカレンダーから選ぶ' }));
    const calendar = screen.getByRole('dialog', { name: 'カレンダー（和暦）' });
    expect(calendar).toHaveTextContent('令和元年5月');
    await userEvent.click(screen.getByRole('button', { name: '前の月' }));
    expect(calendar).toHaveTextContent('平成31年4月');
    await userEvent.click(screen.getByRole('button', { name: '平成31年4月30日' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText(/支払予定日/, { selector: 'input' })).toHaveValue('平成31年4月30日');
    handle.current?.submit();
    await waitFor(() => expect(submitted).toHaveBeenCalledWith(expect.objectContaining({ dueBy: '2019-04-30' })));
  });

  it('tells typed text from dates', () => {
    expect(formValueOf('')).toBeNull();
    expect(formValueOf('令和8年12月6日')).toBe('2026-12-06');
    expect(formValueOf('R8.13.1')).toBe('R8.13.1');
    expect(unreadableDates(SCHEMA.components, { dueBy: 'R8.13.1', note: 'x' })).toEqual(['dueBy']);
    expect(unreadableDates(SCHEMA.components, { dueBy: '2026-12-06' })).toEqual([]);
  });
});
