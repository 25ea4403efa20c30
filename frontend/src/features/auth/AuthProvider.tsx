import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onUnauthorized } from '../../lib/api';
import { fetchMe, logout as logoutRequest, type Me } from './api';

type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'authenticated'; me: Me }
  | { status: 'unavailable'; message: string };

interface AuthContextValue {
  state: AuthState;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  retry: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    fetchMe().then(
      (me) => current && setState({ status: 'authenticated', me }),
      (error: unknown) => {
        if (!current) {
          return;
        }
        if (error instanceof ApiError && error.status === 401) {
          setState({ status: 'anonymous', expired: false });
        } else {
          setState({
            status: 'unavailable',
            message: error instanceof ApiError ? error.message : 'サーバーに接続できません。',
          });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(() => {
    onUnauthorized(() => setState({ status: 'anonymous', expired: true }));
    return () => onUnauthorized(null);
  }, []);

  const signedIn = useCallback((me: Me) => setState({ status: 'authenticated', me }), []);

  const signOut = useCallback(async () => {
    try {
      await logoutRequest();
    } catch {
      // An already expired session cannot be ended; the user leaves all the same.
    }
    setState({ status: 'anonymous', expired: false });
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((value) => value + 1);
  }, []);

  const value = useMemo(() => ({ state, signedIn, signOut, retry }), [state, signedIn, signOut, retry]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const context = useContext(AuthContext);
  if (!context) {
    throw new Error('useAuth must be used inside AuthProvider');
  }
  return context;
}

/** For pages rendered only behind the authenticated layout. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'authenticated') {
    throw new Error('useMe used outside the authenticated layout');
  }
  return state.me;
}
