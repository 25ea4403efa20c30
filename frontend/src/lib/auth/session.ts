import { apiRequest } from '../api';
import { earlyOrFetch, SIGN_IN_CHECK } from '../earlyRequests';

export type Role = 'STAFF' | 'SUPERVISOR' | 'MANAGER' | 'AUDITOR' | 'ADMIN';

/** Permissions of their own beside the roles: CSV出力 and 帳票印刷 (R12). */
export type Permission = 'EXPORT' | 'PRINT' | 'REVEAL_MY_NUMBER';

export interface Me {
  username: string;
  displayName: string;
  roles: Role[];
  /** Always sent by the server; optional so that older fixtures and sessions need not name it. */
  permissions?: Permission[];
  department: { code: string; name: string };
  /** The password has expired: nothing but changing it works until it is changed (R08). */
  passwordChangeRequired?: boolean;
  /** In the login's answer only: wrong passwords tried at this account since its last login (R08). */
  wrongPasswordsSinceLastLogin?: number;
}

/** After the password, the second step of login (R07): a code from an authenticator app, enrolled first if need be. */
export interface SecondFactorChallenge {
  username: string;
  /** False until the account has confirmed an authenticator app: the login page shows the enrolment first. */
  enrolled: boolean;
}

/** The second step still to come for this session, e.g. after the page was reloaded between the steps. */
export function fetchSecondFactor(): Promise<SecondFactorChallenge> {
  return apiRequest<SecondFactorChallenge>('/auth/second-factor', { ignoreUnauthorized: true });
}

/** The server's answer to a session that has passed the password but not the code. */
export const SECOND_FACTOR_REQUIRED = 'second_factor_required';

export function logout(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST', ignoreUnauthorized: true });
}

/** Who is signed in; on a page load, the answer of the request started before the app (earlyRequests). */
export function fetchMe(): Promise<Me> {
  return earlyOrFetch(SIGN_IN_CHECK, () => apiRequest<Me>(SIGN_IN_CHECK, { ignoreUnauthorized: true }));
}
