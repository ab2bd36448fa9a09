import type { ErrorCode } from '@firebreak/client';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { loginProblemText, sessionEndedText } from './login-problems';

const t = ((key: string, vars?: Record<string, unknown>) => `${key}${vars ? JSON.stringify(vars) : ''}`) as unknown as TFunction;
const problem = (status: number, code: ErrorCode, detail: string) => ({ type: 'about:blank', title: code, status, code, detail });

describe('login screen messages', () => {
  it('says how long to wait when sign-in is throttled, from Retry-After', () => {
    expect(loginProblemText(new ApiError(429, problem(429, 'AUTH_LOGIN_THROTTLED', 'wait'), 42), t)).toBe('login.throttled{"seconds":42}');
  });

  it('shows the server text for wrong credentials', () => {
    expect(loginProblemText(new ApiError(401, problem(401, 'AUTH_INVALID_CREDENTIALS', 'Wrong username or password')), t)).toBe('Wrong username or password');
  });

  it('explains a sign-out after inactivity, and nothing for other endings', () => {
    expect(sessionEndedText({ code: 'AUTH_SESSION_IDLE', detail: 'Signed out after 30 minutes without activity' }, t)).toBe('login.sessionIdle');
    expect(sessionEndedText({ code: 'AUTH_REQUIRED', detail: null }, t)).toBeNull();
    expect(sessionEndedText(undefined, t)).toBeNull();
  });
});
