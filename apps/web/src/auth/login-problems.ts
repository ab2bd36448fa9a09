import type { TFunction } from 'i18next';
import { ApiError, problemText, type SessionEndedDetail } from '../api/http';

/**
 * What the login screen says for a failed sign-in. A throttled one (429) says how long to wait,
 * from the server's Retry-After, in the user's language; anything else is the server's problem text.
 */
export function loginProblemText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && err.status === 429) return t('login.throttled', { seconds: err.retryAfterSeconds ?? 60 });
  return problemText(err, t('errors.generic'));
}

/** Why the user is back at the login screen, when the server said (null = nothing to explain). */
export function sessionEndedText(ended: SessionEndedDetail | undefined, t: TFunction): string | null {
  if (ended?.code === 'AUTH_SESSION_IDLE') return t('login.sessionIdle');
  return null;
}
