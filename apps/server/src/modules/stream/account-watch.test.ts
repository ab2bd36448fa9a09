import { describe, expect, it } from 'vitest';
import { InProcessBus, type PublishedEvent } from '../../platform/events/bus.js';
import { AccountWatch, accountKey, agreementKey, changedAccess } from './account-watch.js';

const event = (type: string, data: unknown): PublishedEvent => ({ id: `e-${type}`, position: 1, type, occurredAt: new Date(0).toISOString(), jurisdictionPath: null, data });

describe('changedAccess', () => {
  it('names the account of session, token, grant and MFA changes, and the agreement of a revoked mutual aid agreement', () => {
    expect(changedAccess(event('auth.logged_out', { userId: 'u1', sessionId: 's' }))).toBe(accountKey('u1'));
    expect(changedAccess(event('auth.token_revoked', { userId: 'u1', tokenId: 't' }))).toBe(accountKey('u1'));
    expect(changedAccess(event('staff.updated', { id: 'u1', disabled: true }))).toBe(accountKey('u1'));
    expect(changedAccess(event('staff.grant_revoked', { userId: 'u1', grantId: 'g', role: 'dispatcher' }))).toBe(accountKey('u1'));
    expect(changedAccess(event('mfa.reset', { userId: 'u1' }))).toBe(accountKey('u1'));
    expect(changedAccess(event('mutual_aid.agreement_revoked', { id: 'a1' }))).toBe(agreementKey('a1'));
  });

  it('ignores every other event, and account events without an account', () => {
    expect(changedAccess(event('incidents.opened', { id: 'i', userId: 'u1' }))).toBeNull();
    expect(changedAccess(event('auth.login_failed', { userId: 'u1' }))).toBeNull();
    expect(changedAccess(event('staff.grant_revoked', null))).toBeNull();
    expect(changedAccess(event('mutual_aid.agreement_created', { id: 'a1' }))).toBeNull();
  });
});

describe('AccountWatch', () => {
  it('wakes the watchers of the keys an event names, until they stop watching', async () => {
    const bus = new InProcessBus();
    const watch = new AccountWatch(bus);
    const woken: string[] = [];
    const stopA = watch.watch([accountKey('u1'), agreementKey('a1')], () => woken.push('A'));
    watch.watch([accountKey('u2')], () => woken.push('B'));
    await bus.publish([event('auth.logged_out', { userId: 'u1' }), event('mutual_aid.agreement_revoked', { id: 'a1' }), event('staff.updated', { id: 'u2' })]);
    expect(woken).toEqual(['A', 'A', 'B']);
    stopA();
    await bus.publish([event('auth.logged_out', { userId: 'u1' })]);
    expect(woken).toEqual(['A', 'A', 'B']);
    watch.close();
  });
});
