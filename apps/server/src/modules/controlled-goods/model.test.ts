import { UnNumber } from '@firebreak/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discrepancySeverity, firstBreach, licenceState } from './model.js';

const DAY = 86_400_000;

describe('controlled goods rules', () => {
  it('tells a licence valid, expiring within its alert days, lapsed from its end, or not yet valid', () => {
    const l = { validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2027-01-01T00:00:00Z'), expiryAlertDays: 30 };
    expect(licenceState(l, new Date('2025-12-31T23:59:59Z'))).toBe('not_yet_valid');
    expect(licenceState(l, new Date('2026-06-01T00:00:00Z'))).toBe('valid');
    expect(licenceState(l, new Date(l.validUntil.getTime() - 30 * DAY))).toBe('expiring');
    expect(licenceState(l, new Date(l.validUntil.getTime() - 30 * DAY - 1))).toBe('valid');
    expect(licenceState(l, l.validUntil)).toBe('lapsed');
  });

  it('reads UN numbers with or without the prefix, and only four digits from UN0004 to UN3999', () => {
    expect(UnNumber.parse('1203')).toBe('UN1203');
    expect(UnNumber.parse(' un0081 ')).toBe('UN0081');
    for (const bad of ['UN12', 'UN12034', 'UN0000', 'UN0003', 'UN4000', 'UNABCD', '12.3']) expect(UnNumber.safeParse(bad).success, bad).toBe(false);
  });

  it('grades a count: controlled items have no tolerance (missing is major), chemicals 0.5 % then 5 %', () => {
    expect(discrepancySeverity('controlled', 10, 10)).toBe('none');
    expect(discrepancySeverity('controlled', 10, 9)).toBe('major');
    expect(discrepancySeverity('controlled', 10, 11)).toBe('general');
    expect(discrepancySeverity('chemical', 100_000, 99_500)).toBe('within_tolerance');
    expect(discrepancySeverity('chemical', 100_000, 96_000)).toBe('general');
    expect(discrepancySeverity('chemical', 100_000, 90_000)).toBe('major');
    expect(discrepancySeverity('chemical', 0, 5)).toBe('major');
  });

  it('finds the first movement of a batch that breaks a stock limit, as applying them in order would', () => {
    fc.assert(fc.property(fc.array(fc.record({ from: fc.nat(2), to: fc.nat(2), q: fc.integer({ min: 1, max: 60 }) }), { maxLength: 20 }), (moves) => {
      const accounts = [0, 1, 2].map((i) => ({ id: `s${i}`, balance: 50, maxBalance: 100 }));
      const ext = { id: 'ext', balance: 0, maxBalance: null };
      const batch = moves.map((m) => ({ debit: m.from === m.to ? ext : accounts[m.from]!, credit: accounts[m.to]!, quantity: m.q }));
      const found = firstBreach(batch);
      // Apply naively, stop at the first breach.
      const bal = new Map([...accounts, ext].map((a) => [a.id, a.balance]));
      let expected: { index: number; limit: 'floor' | 'ceiling' } | null = null;
      for (const [index, b] of batch.entries()) {
        const d = bal.get(b.debit.id)! - b.quantity;
        const c = bal.get(b.credit.id)! + b.quantity;
        if (b.debit.maxBalance !== null && d < 0) { expected = { index, limit: 'floor' }; break; }
        if (c > 100) { expected = { index, limit: 'ceiling' }; break; }
        bal.set(b.debit.id, d);
        bal.set(b.credit.id, c);
      }
      expect(found).toEqual(expected);
    }));
  });
});
