import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { DemoBanner, useSystem } from '../../../app/SystemProvider';
import { ErrorMessage, Loading, Notice } from '../../../components/Message';
import { login, type Me } from '../api';
import { useAuth } from '../../../lib/auth/AuthProvider';
import { useAction } from '../../../lib/useAction';
import { SecondFactorForm } from './SecondFactorForm';

interface LocationState {
  from?: string;
}

/** Login in two steps (R07): the password, then the code of the user's authenticator app. */
export function LoginPage() {
  const { state, passwordAccepted, signedIn } = useAuth();
  const system = useSystem();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as LocationState | null)?.from ?? '/';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Nothing cached belongs to the person not yet signed in: there is nothing to refresh.
  const { run, error, busy } = useAction({ invalidates: [] });

  if (state.status === 'authenticated') {
    return <Navigate to={from} replace />;
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      passwordAccepted(await login(username, password));
      setPassword('');
    });
  }

  function enter(me: Me) {
    signedIn(me);
    navigate(from, { replace: true });
  }

  return (
    <div className="login-screen">
      <DemoBanner />
      <main className="login-panel">
        <h1>予防接種事務 ケース管理</h1>
        {state.status === 'second-factor' ? (
          <SecondFactorForm challenge={state.challenge} onSignedIn={enter} />
        ) : (
          <>
            <h2>ログイン</h2>
            {state.status === 'loading' && <Loading />}
            {state.status === 'anonymous' && state.expired && (
              <Notice>セッションの有効期限が切れました。もう一度ログインしてください。</Notice>
            )}
            {state.status === 'anonymous' && state.message && !error && (
              <ErrorMessage testId="login-error">{state.message}</ErrorMessage>
            )}
            {error && <ErrorMessage testId="login-error">{error}</ErrorMessage>}
            <form onSubmit={(event) => void handleSubmit(event)} className="login-form">
              <label htmlFor="login-username">ユーザーID</label>
              <input
                id="login-username"
                data-testid="login-username"
                autoComplete="username"
                value={username}
                onChange={(event) => setUsername(event.target.value)}
                required
              />
              <label htmlFor="login-password">パスワード</label>
              <input
                id="login-password"
                data-testid="login-password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                required
              />
              <button type="submit" className="primary" data-testid="login-submit" disabled={busy}>
                ログイン
              </button>
            </form>
            {system?.demoMode && <p className="hint">デモアカウントのパスワードは README を参照</p>}
          </>
        )}
        {system && <p className="version">バージョン {system.version}</p>}
      </main>
    </div>
  );
}
