import { apiRequest } from '../../lib/api';

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
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiRequest<void>('/me/password', { method: 'POST', body: { currentPassword, newPassword } });
}

/** After the password, the second step of login (R07): a code from an authenticator app, enrolled first if need be. */
export interface SecondFactorChallenge {
  username: string;
  /** False until the account has confirmed an authenticator app: the login page shows the enrolment first. */
  enrolled: boolean;
}

/** A secret for the authenticator app: the QR code (an image data URL) and the same secret as Base32 text. */
export interface Enrolment {
  issuer: string;
  account: string;
  secret: string;
  otpauthUri: string;
  qrCode: string;
}

/** The first step of login: a right password leads to the second factor, not yet into the app. */
export function login(username: string, password: string): Promise<SecondFactorChallenge> {
  return apiRequest<SecondFactorChallenge>('/auth/login', {
    method: 'POST',
    body: new URLSearchParams({ username, password }),
    ignoreUnauthorized: true,
  });
}

/** The second step still to come for this session, e.g. after the page was reloaded between the steps. */
export function fetchSecondFactor(): Promise<SecondFactorChallenge> {
  return apiRequest<SecondFactorChallenge>('/auth/second-factor', { ignoreUnauthorized: true });
}

export function startEnrolment(): Promise<Enrolment> {
  return apiRequest<Enrolment>('/auth/second-factor/enrolment', { method: 'POST', ignoreUnauthorized: true });
}

/** Completes login with the app's code; a first valid code also completes the enrolment. */
export function submitCode(code: string): Promise<Me> {
  return apiRequest<Me>('/auth/second-factor', { method: 'POST', body: { code }, ignoreUnauthorized: true });
}

/** The server's answer to a session that has passed the password but not the code. */
export const SECOND_FACTOR_REQUIRED = 'second_factor_required';

export function logout(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST', ignoreUnauthorized: true });
}

export function fetchMe(): Promise<Me> {
  return apiRequest<Me>('/me', { ignoreUnauthorized: true });
}
