import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { DemoBanner, useSystem } from '../../../app/SystemProvider';
import { ErrorMessage, Loading, Notice } from '../../../components/Message';
import { asApiError } from '../../../lib/useAsync';
import { login } from '../api';
import { useAuth } from '../AuthProvider';

interface LocationState {
  from?: string;
}

export function LoginPage() {
  const { state, signedIn } = useAuth();
  const system = useSystem();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as LocationState | null)?.from ?? '/';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (state.status === 'authenticated') {
    return <Navigate to={from} replace />;
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      signedIn(await login(username, password));
      navigate(from, { replace: true });
    } catch (failure) {
      setError(asApiError(failure).message);
      setSubmitting(false);
    }
  }

  return (
    <div className="login-screen">
      <DemoBanner />
      <main className="login-panel">
        <h1>予防接種事務 ケース管理</h1>
        <h2>ログイン</h2>
        {state.status === 'loading' && <Loading />}
        {state.status === 'anonymous' && state.expired && (
          <Notice>セッションの有効期限が切れました。もう一度ログインしてください。</Notice>
        )}
        {error && <ErrorMessage testId="login-error">{error}</ErrorMessage>}
        <form onSubmit={handleSubmit} className="login-form">
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
          <button type="submit" className="primary" data-testid="login-submit" disabled={submitting}>
            ログイン
          </button>
        </form>
        {system?.demoMode && <p className="hint">デモアカウントのパスワードは README を参照</p>}
        {system && <p className="version">バージョン {system.version}</p>}
      </main>
    </div>
  );
}
