import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api';
import type { Me, SecondFactorChallenge } from '../../lib/auth/session';

// The session itself (who is signed in, the second step, logout) is shared by every feature: see lib/auth.
export {
  fetchMe,
  fetchSecondFactor,
  logout,
  SECOND_FACTOR_REQUIRED,
  type Me,
  type Permission,
  type Role,
  type SecondFactorChallenge,
} from '../../lib/auth/session';

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiRequest<void>('/me/password', { method: 'POST', body: { currentPassword, newPassword } });
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

export function startEnrolment(): Promise<Enrolment> {
  return apiRequest<Enrolment>('/auth/second-factor/enrolment', { method: 'POST', ignoreUnauthorized: true });
}

/** Completes login with the app's code; a first valid code also completes the enrolment. */
export function submitCode(code: string): Promise<Me> {
  return apiRequest<Me>('/auth/second-factor', { method: 'POST', body: { code }, ignoreUnauthorized: true });
}

export const authKeys = {
  all: ['auth'] as const,
};

/**
 * The secret to enrol, for an account without an authenticator app (none for one that has it). Each request makes
 * a new secret, so it is asked once per form and never again behind the user's back (focus, a remount later).
 */
export const enrolmentQuery = (challenge: SecondFactorChallenge) =>
  queryOptions({
    queryKey: [...authKeys.all, 'enrolment', challenge.username, challenge.enrolled] as const,
    queryFn: () => (challenge.enrolled ? null : startEnrolment()),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
