import type { TierStatus } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { anyMissed, clockStopped, tierState, tierGoal } from './tiers';

const received = Date.parse('2026-01-01T10:00:00Z');
const tier = (over: Partial<TierStatus>): TierStatus => ({
  tier: 1, label: 'responded', minutes: 1, requirement: 'responded', units: 1,
  deadlineAt: new Date(received + 60_000).toISOString(), metAt: null, missedAt: null, ...over,
});

describe('tierState', () => {
  it('counts down while running', () => {
    expect(tierState(tier({}), received + 20_000)).toEqual({ state: 'running', seconds: 40 });
  });
  it('says late once the deadline passed unsettled, and missed once settled', () => {
    expect(tierState(tier({}), received + 75_000)).toEqual({ state: 'late', seconds: 15 });
    expect(tierState(tier({ missedAt: new Date(received + 61_000).toISOString() }), received + 90_000).state).toBe('missed');
  });
  it('gives the time from the call to when a met tier was met', () => {
    expect(tierState(tier({ metAt: new Date(received + 42_000).toISOString() }), received + 600_000)).toEqual({ state: 'met', seconds: 42 });
  });
  it('stops with the clock: an unsettled tier of a closed incident or a linked duplicate neither runs nor turns late; settled ones stay', () => {
    expect(tierState(tier({}), received + 20_000, true)).toEqual({ state: 'stopped', seconds: 0 });
    expect(tierState(tier({}), received + 75_000, true).state).toBe('stopped');
    expect(anyMissed([tier({})], received + 75_000, true)).toBe(false);
    expect(tierState(tier({ missedAt: new Date(received + 61_000).toISOString() }), received + 90_000, true).state).toBe('missed');
    expect(tierState(tier({ metAt: new Date(received + 42_000).toISOString() }), received + 90_000, true).state).toBe('met');
    expect([clockStopped({ state: 'closed', duplicateOf: null }), clockStopped({ state: 'open', duplicateOf: 'x' }), clockStopped({ state: 'open', duplicateOf: null })]).toEqual([true, true, false]);
  });
});

describe('tierGoal', () => {
  it('says what a tier asks for in the UI language, not the deployment\'s English label', async () => {
    const { default: i18next } = await import('i18next');
    const en = (await import('../../i18n/locales/en.json')).default;
    const zh = (await import('../../i18n/locales/zh-CN.json')).default;
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zh } }, lng: 'zh-CN', fallbackLng: false });
    expect(tierGoal(i18n.t, { label: 'reinforcements on scene', requirement: 'on_scene', units: 2 })).toBe('2 支力量到场');
    await i18n.changeLanguage('en');
    expect(tierGoal(i18n.t, { label: 'nearest on-duty force responded', requirement: 'responded', units: 1 })).toBe('first unit responded');
    expect(tierGoal(i18n.t, { label: 'as configured', requirement: null })).toBe('as configured');
  });
});
