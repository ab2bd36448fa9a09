import type { ErrorCode } from '@firebreak/client';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json';
import zh from '../i18n/locales/zh-CN.json';
import { ApiError, problemText } from './http';

// problemText words problems with the app's own i18next instance (the default one), as the app does.
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zh } }, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
});
// The unit project shares workers between files (vitest.config.ts): the next file must not find
// the default instance wording problems (login-problems.test.ts expects the server's text).
afterAll(async () => {
  for (const lng of ['en', 'zh-CN']) i18n.removeResourceBundle(lng, 'translation');
  await i18n.changeLanguage('en');
});

const problem = (status: number, code: ErrorCode, detail: string, errors?: { path: string; message: string }[]) =>
  new ApiError(status, { type: 'about:blank', title: code, status, code, detail, ...(errors ? { errors } : {}) });

describe('problemText: what a failure says to the user', () => {
  it('words a problem the locale knows by its code, in the user language, not the server English', async () => {
    const forbidden = problem(403, 'FORBIDDEN', 'You need the dispatch:assign permission');
    await i18n.changeLanguage('en');
    expect(problemText(forbidden, 'fallback')).toBe(en.problems.FORBIDDEN);
    await i18n.changeLanguage('zh-CN');
    expect(problemText(forbidden, 'fallback')).toBe(zh.problems.FORBIDDEN);
    expect(problemText(forbidden, 'fallback')).not.toContain('dispatch:assign');
  });

  it('in English, shows the server detail and field errors of a problem the locale does not word', async () => {
    await i18n.changeLanguage('en');
    const invalid = problem(400, 'VALIDATION_FAILED', 'The request is not valid', [{ path: 'title', message: 'Required' }]);
    expect(problemText(invalid, 'fallback')).toBe('The request is not valid — title: Required');
  });

  it('says a field error once when the detail already says it', async () => {
    await i18n.changeLanguage('en');
    const twice = problem(422, 'PLACEMENT_MODEL_INVALID', 'p: 100 posts but only 26 candidates', [{ path: 'body.p', message: '100 posts but only 26 candidates' }]);
    expect(problemText(twice, 'fallback')).toBe('p: 100 posts but only 26 candidates');
  });

  it('in another language, shows the localised fallback rather than the server English', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(problemText(problem(409, 'TASK_HAS_SUBTASKS', 'The task has subtasks'), '出现错误')).toBe('出现错误');
    expect(problemText(new TypeError('Failed to fetch'), '出现错误')).toBe('出现错误');
  });

  it('words placement and replay problems in the user language around their particulars (which call sign, how many)', async () => {
    const unknownUnit = problem(422, 'REPLAY_DEPLOYMENT_INVALID', 'body.compare.remove[0]: NO-SUCH-UNIT is not a unit of the fleet', [{ path: 'body.compare.remove[0]', message: 'NO-SUCH-UNIT is not a unit of the fleet' }]);
    const tooMany = problem(422, 'PLACEMENT_MODEL_INVALID', 'p: 100 posts but only 26 candidates', [{ path: 'body.p', message: '100 posts but only 26 candidates' }]);
    await i18n.changeLanguage('en');
    expect(problemText(unknownUnit, 'fallback')).toBe('body.compare.remove[0]: NO-SUCH-UNIT is not a unit of the fleet');
    await i18n.changeLanguage('zh-CN');
    // Was the bare fallback ("出现错误"): the Chinese screen said nothing of what to fix.
    expect(problemText(unknownUnit, '出现错误')).toMatch(/^推演的部署方案无法按所给内容使用.*详情：body\.compare\.remove\[0\]: NO-SUCH-UNIT is not a unit of the fleet$/);
    expect(problemText(tooMany, '出现错误')).toMatch(/^布设模型无法按所给条件求解.*详情：p: 100 posts but only 26 candidates$/);
    for (const code of ['PLACEMENT_TOO_LARGE', 'REPLAY_TOO_LARGE', 'COVERAGE_HOURS_INVALID'] as const) {
      expect(problemText(problem(422, code, 'x: y'), '出现错误'), code).toMatch(/^[^A-Za-z]{6,}.*详情：x: y$/);
    }
  });

  it('every worded code exists in both languages', () => {
    expect(Object.keys(zh.problems).sort()).toEqual(Object.keys(en.problems).sort());
    expect(Object.keys(zh.problemDetail).sort()).toEqual(Object.keys(en.problemDetail).sort());
  });
});
