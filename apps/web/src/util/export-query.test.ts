import { describe, expect, it } from 'vitest';
import { exportQuery } from './export-query';

describe('exportQuery', () => {
  it('sends the UI language and the browser\'s zone, encoded for a link', () => {
    const q = new URLSearchParams(exportQuery('zh-CN'));
    expect(q.get('lang')).toBe('zh-CN');
    expect(q.get('timeZone')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    expect(exportQuery('en')).toMatch(/^lang=en&timeZone=[^&/]+$/);
  });
});
