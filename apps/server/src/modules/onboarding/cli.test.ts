import type { OnboardReport } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { describeOnboard, ONBOARD_EXIT, onboardExitCode } from './cli.js';

const base: OnboardReport = { kind: 'units', file: 'units.csv', dryRun: false, batchId: null, rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, refused: false, items: [], secrets: [] };
const rejected = (row: number, field: string, reason: string) => ({ row, key: `U${row}`, status: 'rejected' as const, field, reason });

describe('the onboard console report', () => {
  it('a refused file: reasons with counts, each row with its column, exit 3 (a dry run exits the same)', () => {
    const r: OnboardReport = {
      ...base, rows: 4, created: 1, rejected: 3, refused: true,
      items: [{ row: 2, key: 'U2', status: 'created' }, rejected(3, 'lon', 'lies outside every jurisdiction in your scope'), rejected(4, 'lon', 'lies outside every jurisdiction in your scope'), { row: 5, key: 'U5', status: 'rejected', reason: 'the same unit as row 3 (U5)' }],
    };
    expect(describeOnboard(r)).toEqual([
      'Nothing written from units.csv',
      '  4 rows: 1 created, 0 updated, 0 unchanged, 3 rejected',
      '  rejected: 2 × lon: lies outside every jurisdiction in your scope; 1 × the same unit as an earlier row',
      '    row 3 (U3) lon: lies outside every jurisdiction in your scope',
      '    row 4 (U4) lon: lies outside every jurisdiction in your scope',
      '    row 5 (U5): the same unit as row 3 (U5)',
      'Nothing written: fix the rows above, or pass --allow-partial to load the others',
    ]);
    expect(onboardExitCode(r)).toBe(ONBOARD_EXIT.rowsRejected);
    expect(onboardExitCode({ ...r, dryRun: true })).toBe(ONBOARD_EXIT.rowsRejected);
    expect(onboardExitCode({ ...r, refused: false })).toBe(ONBOARD_EXIT.ok);
  });

  it('a written batch with new accounts prints their one-time passwords once', () => {
    const r: OnboardReport = { ...base, kind: 'staff', batchId: '01a24a03-78d8-712a-9391-9ddc73a4fd9c', rows: 1, created: 1, items: [{ row: 2, key: 'ob.x', status: 'created' }], secrets: [{ username: 'ob.x', password: 'pw-123' }] };
    const lines = describeOnboard(r);
    expect(lines[0]).toBe('Onboarded staff from units.csv as batch 01a24a03-78d8-712a-9391-9ddc73a4fd9c');
    expect(lines.filter((l) => l.includes('pw-123'))).toEqual(['    ob.x  pw-123']);
  });
});
