import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('API_TOKEN_MAX_DAYS', () => {
  it('caps API tokens at a year by default, and reads the variable', () => {
    expect(loadConfig({}).apiTokenMaxDays).toBe(365);
    expect(loadConfig({ API_TOKEN_MAX_DAYS: '30' }).apiTokenMaxDays).toBe(30);
  });

  it.each(['0', '3651', 'a year', '1.5'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ API_TOKEN_MAX_DAYS: value })).toThrow(ConfigError);
    try {
      loadConfig({ API_TOKEN_MAX_DAYS: value });
    } catch (err) {
      expect((err as ConfigError).problems.join('\n')).toContain('API_TOKEN_MAX_DAYS');
    }
  });
});
