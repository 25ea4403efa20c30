import { act } from '@testing-library/react';
import { renderHookWithQueries } from '../test/queryWrapper';
import { ApiError } from './api';
import { useAction } from './useAction';

describe('useAction', () => {
  it('keeps the success message and clears an earlier error', async () => {
    const { result } = renderHookWithQueries(() => useAction());
    await act(async () => {
      await result.current.run(
        () => Promise.reject(new ApiError(400, '入力に誤りがあります', { name: '必須です' })),
        '保存しました',
      );
    });
    expect(result.current.error).toBe('入力に誤りがあります');
    expect(result.current.fields).toEqual({ name: '必須です' });

    let succeeded = false;
    await act(async () => {
      succeeded = await result.current.run(() => Promise.resolve(), '保存しました');
    });
    expect(succeeded).toBe(true);
    expect(result.current.message).toBe('保存しました');
    expect(result.current.error).toBeNull();
    expect(result.current.fields).toEqual({});
    expect(result.current.busy).toBe(false);
  });

  it('keeps the whole refusal for callers that act on its status or code, and tells onFailure', async () => {
    const onFailure = vi.fn();
    const { result } = renderHookWithQueries(() => useAction({ invalidates: [], onFailure }));
    const refusal = new ApiError(422, '確認が必要です', {}, 'confirmation_required');
    await act(async () => {
      await result.current.run(() => Promise.reject(refusal));
    });
    expect(result.current.failure).toBe(refusal);
    expect(onFailure).toHaveBeenCalledWith(refusal);

    act(() => result.current.reset());
    expect(result.current.failure).toBeNull();
  });

  it('shows a check made before sending with its message', () => {
    const { result } = renderHookWithQueries(() => useAction());
    act(() => result.current.refuse({ repeated: '同じパスワードをもう一度入力してください' }, '一致しません'));
    expect(result.current.error).toBe('一致しません');
    expect(result.current.fields).toEqual({ repeated: '同じパスワードをもう一度入力してください' });
    expect(result.current.failure).toBeNull();
  });
});
