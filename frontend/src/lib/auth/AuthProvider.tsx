import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, onUnauthorized } from '../api';
import { forgetSession, rememberRoles } from '../earlyRequests';
import {
  fetchMe,
  fetchSecondFactor,
  logout as logoutRequest,
  SECOND_FACTOR_REQUIRED,
  type Me,
  type SecondFactorChallenge,
} from './session';

type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean; message?: string }
  | { status: 'second-factor'; challenge: SecondFactorChallenge }
  | { status: 'authenticated'; me: Me }
  | { status: 'unavailable'; message: string };

/** Who the session is: signed in, between password and code (R07), or nobody. */
async function sessionState(): Promise<AuthState> {
  try {
    return { status: 'authenticated', me: await fetchMe() };
  } catch (error) {
    if (error instanceof ApiError && error.code === SECOND_FACTOR_REQUIRED) {
      return { status: 'second-factor', challenge: await fetchSecondFactor() };
    }
    throw error;
  }
}

interface AuthContextValue {
  state: AuthState;
  /** The password was right: the login page asks for the authenticator app's code next. */
  passwordAccepted: (challenge: SecondFactorChallenge) => void;
  /** The login ended without signing in (e.g. the account locked at a wrong code); the message says why. */
  loginRefused: (message: string) => void;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  retry: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setAuthState] = useState<AuthState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const queryClient = useQueryClient();
  // Whoever signs in next must never see the answers cached for the one before (personal data, their tasks).
  const setState = useCallback(
    (next: AuthState) => {
      if (next.status === 'authenticated') {
        rememberRoles(next.me.roles);
      } else {
        queryClient.clear();
        forgetSession();
      }
      setAuthState(next);
    },
    [queryClient],
  );

  useEffect(() => {
    let current = true;
    sessionState().then(
      (session) => current && setState(session),
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
  }, [attempt, setState]);

  useEffect(() => {
    onUnauthorized(() => setState({ status: 'anonymous', expired: true }));
    return () => onUnauthorized(null);
  }, [setState]);

  const passwordAccepted = useCallback(
    (challenge: SecondFactorChallenge) => setState({ status: 'second-factor', challenge }),
    [setState],
  );
  const loginRefused = useCallback(
    (message: string) => setState({ status: 'anonymous', expired: false, message }),
    [setState],
  );
  const signedIn = useCallback((me: Me) => setState({ status: 'authenticated', me }), [setState]);

  const signOut = useCallback(async () => {
    try {
      await logoutRequest();
    } catch {
      // An already expired session cannot be ended; the user leaves all the same.
    }
    setState({ status: 'anonymous', expired: false });
  }, [setState]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((value) => value + 1);
  }, [setState]);

  const value = useMemo(
    () => ({ state, passwordAccepted, loginRefused, signedIn, signOut, retry }),
    [state, passwordAccepted, loginRefused, signedIn, signOut, retry],
  );
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
