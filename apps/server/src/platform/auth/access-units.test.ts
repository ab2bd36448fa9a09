import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can, mayReportUnit, type Actor, type ActorGrant } from './access.js';

const grant = (role: ActorGrant['role'], path: string): ActorGrant => ({ id: `${role}@${path}`, role, jurisdictionId: path, path, jurisdictionName: path });
const device = (id: string, grants: ActorGrant[]): Actor => ({ id, username: id, displayName: id, kind: 'device', via: { kind: 'token', tokenId: `t-${id}` }, grants });
const VADUZ = 'li.oberland.vaduz';

describe("who reports a unit's AVL fixes (mayReportUnit)", () => {
  const termA = device('a', [grant('unit_member', VADUZ)]);
  const gateway = device('gw', [grant('unit_member', VADUZ)]);

  it('a bound unit: its terminal only, and only while it holds avl:report there', () => {
    expect(mayReportUnit(termA, { terminalId: 'a', jurisdictionPath: VADUZ }, true)).toBe(true);
    expect(mayReportUnit(gateway, { terminalId: 'a', jurisdictionPath: VADUZ }, false)).toBe(false);
    expect(mayReportUnit(device('a', [grant('unit_member', 'li.unterland')]), { terminalId: 'a', jurisdictionPath: VADUZ }, true)).toBe(false);
  });

  it('an unbound unit: an unbound account holding avl:report there, never a bound terminal', () => {
    expect(mayReportUnit(gateway, { terminalId: null, jurisdictionPath: VADUZ }, false)).toBe(true);
    expect(mayReportUnit(termA, { terminalId: null, jurisdictionPath: VADUZ }, true)).toBe(false);
    expect(mayReportUnit(device('x', [grant('commander', 'li')]), { terminalId: null, jurisdictionPath: VADUZ }, false)).toBe(false);
  });

  it('never wider than avl:report on the unit, whatever the binding', () => {
    const paths = fc.constantFrom('li', 'li.oberland', VADUZ, 'li.oberland.schaan', 'li.unterland');
    const roles = fc.constantFrom<ActorGrant['role']>('unit_member', 'dispatcher', 'commander', 'administrator', 'auditor');
    fc.assert(fc.property(roles, paths, paths, fc.constantFrom(null, 'a', 'b'), fc.boolean(), (role, held, unitPath, terminalId, bound) => {
      const actor = device('a', [grant(role, held)]);
      if (mayReportUnit(actor, { terminalId, jurisdictionPath: unitPath }, bound)) {
        expect(can(actor, 'avl:report', unitPath)).toBe(true);
        expect(terminalId === 'a' || (terminalId === null && !bound)).toBe(true);
      }
    }));
  });
});
