import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorMessage, Notice } from '../../../components/Message';
import { TextField } from '../../../components/TextField';
import { changePassword, fetchMe } from '../api';
import { useAuth, useMe } from '../../../lib/auth/AuthProvider';
import { useAction } from '../../../lib/useAction';

/** パスワード変更: the server applies the policy (R08); an expired password leads here and nowhere else. */
export function PasswordPage() {
  const me = useMe();
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [proposed, setProposed] = useState('');
  const [repeated, setRepeated] = useState('');
  // The page moves on after a success; the session it starts is read afresh by signedIn, not from the cache.
  const { run, refuse, error, fields, busy } = useAction({ invalidates: [] });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (proposed !== repeated) {
      refuse({ repeated: '同じパスワードをもう一度入力してください' }, '新しいパスワードが一致しません');
      return;
    }
    const changed = await run(async () => {
      await changePassword(current, proposed);
      signedIn(await fetchMe());
    });
    if (changed) {
      navigate('/', { replace: true, state: { notice: 'パスワードを変更しました。' } });
    }
  }

  return (
    <section>
      <h1>パスワード変更</h1>
      {me.passwordChangeRequired && (
        <Notice>パスワードの有効期限が切れています。新しいパスワードに変更すると、業務を続けられます。</Notice>
      )}
      <p>12文字以上で、よく使われるもの・ユーザーIDを含むもの・現在や最近のパスワードに似たものは使えません。</p>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <form className="search-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="password-current"
          label="現在のパスワード"
          type="password"
          autoComplete="current-password"
          value={current}
          error={fields.currentPassword}
          onChange={setCurrent}
          required
        />
        <TextField
          id="password-new"
          label="新しいパスワード"
          type="password"
          autoComplete="new-password"
          value={proposed}
          error={fields.newPassword}
          onChange={setProposed}
          required
          wide
        />
        <TextField
          id="password-repeated"
          label="新しいパスワード（確認）"
          type="password"
          autoComplete="new-password"
          value={repeated}
          error={fields.repeated}
          onChange={setRepeated}
          required
        />
        <button type="submit" className="primary" disabled={busy} data-testid="password-submit">
          変更する
        </button>
      </form>
    </section>
  );
}
