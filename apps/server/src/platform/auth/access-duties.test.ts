import { describe, expect, it } from 'vitest';
import { dutiesClash, mayChangeGrantsOf, type Actor } from './access.js';

const actor = (id: string, via: Actor['via'] = { kind: 'session', sessionId: 's' }): Actor => ({ id, username: id, displayName: id, kind: 'staff', via, grants: [] });

describe('separation of duties (access.ts)', () => {
  it('refuses a change to one\'s own grants, whoever asks; the server itself may', () => {
    expect(mayChangeGrantsOf(actor('a'), 'a')).toBe(false);
    expect(mayChangeGrantsOf(actor('a'), 'b')).toBe(true);
    expect(mayChangeGrantsOf(actor('a', { kind: 'system' }), 'a')).toBe(true);
  });

  it('finds administrator and auditor on overlapping jurisdictions, either way round and either one above', () => {
    const admin = { role: 'administrator' as const, path: 'li.oberland' };
    expect(dutiesClash([admin], { role: 'auditor', path: 'li.oberland' })).toBe(admin);
    expect(dutiesClash([admin], { role: 'auditor', path: 'li' })).toBe(admin);
    expect(dutiesClash([admin], { role: 'auditor', path: 'li.oberland.vaduz' })).toBe(admin);
    const auditor = { role: 'auditor' as const, path: 'li.oberland.vaduz' };
    expect(dutiesClash([auditor], { role: 'administrator', path: 'li' })).toBe(auditor);
  });

  it('lets the two stand apart (beside each other) and lets other roles overlap', () => {
    expect(dutiesClash([{ role: 'administrator', path: 'li.oberland' }], { role: 'auditor', path: 'li.unterland' })).toBeNull();
    expect(dutiesClash([{ role: 'administrator', path: 'li.oberland' }], { role: 'auditor', path: 'li.oberlandx' })).toBeNull();
    expect(dutiesClash([{ role: 'commander', path: 'li' }], { role: 'auditor', path: 'li' })).toBeNull();
    expect(dutiesClash([{ role: 'administrator', path: 'li' }], { role: 'administrator', path: 'li.oberland' })).toBeNull();
  });
});
