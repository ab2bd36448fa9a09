import { describe, expect, it } from 'vitest';
import { mayBeTerminal, mayReportTransport, type Actor, type ActorGrant } from './access.js';

const grant = (role: ActorGrant['role'], path: string): ActorGrant => ({ id: `${role}@${path}`, role, jurisdictionId: path, path, jurisdictionName: path });
const device = (id: string, grants: ActorGrant[]): Actor => ({ id, username: id, displayName: id, kind: 'device', via: { kind: 'token', tokenId: `t-${id}` }, grants });
const paths = ['li.oberland', 'li.oberland.vaduz', 'li.oberland.schaan'];

describe('who reports a transport permit\'s fixes (access.ts)', () => {
  const tanker = device('tanker', [grant('unit_member', 'li.oberland')]);
  const engine = device('engine', [grant('unit_member', 'li.oberland.vaduz')]);

  it('a bound permit: its terminal only, and only while it reports there', () => {
    expect(mayReportTransport(tanker, { terminalId: 'tanker', paths })).toBe(true);
    expect(mayReportTransport(engine, { terminalId: 'tanker', paths })).toBe(false);
    // Moved away (its grant now elsewhere): the binding alone does not let it report.
    expect(mayReportTransport(device('tanker', [grant('unit_member', 'li.unterland')]), { terminalId: 'tanker', paths })).toBe(false);
  });

  it('an unbound permit: whoever holds avl:report at one of its paths', () => {
    expect(mayReportTransport(engine, { terminalId: null, paths })).toBe(true);
    expect(mayReportTransport(device('x', [grant('unit_member', 'li.unterland')]), { terminalId: null, paths })).toBe(false);
    expect(mayReportTransport(device('x', [grant('commander', 'li')]), { terminalId: null, paths })).toBe(false);
  });

  it('binds an enabled device account holding avl:report over one of the paths, never a person', () => {
    const account = (kind: 'staff' | 'device', role: ActorGrant['role'], path: string, disabled = false) => ({ kind, disabled, grants: [{ role, jurisdictionPath: path }] });
    expect(mayBeTerminal(account('device', 'unit_member', 'li.oberland'), paths)).toBe(true);
    expect(mayBeTerminal(account('device', 'unit_member', 'li'), paths)).toBe(true);
    expect(mayBeTerminal(account('device', 'unit_member', 'li.oberland.vaduz'), paths)).toBe(true);
    expect(mayBeTerminal(account('staff', 'unit_member', 'li.oberland'), paths)).toBe(false);
    expect(mayBeTerminal(account('device', 'unit_member', 'li.oberland', true), paths)).toBe(false);
    expect(mayBeTerminal(account('device', 'unit_member', 'li.unterland'), paths)).toBe(false);
    expect(mayBeTerminal(account('device', 'dispatcher', 'li.oberland'), paths)).toBe(false);
  });
});
