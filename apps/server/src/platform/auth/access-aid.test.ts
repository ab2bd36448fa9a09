import { describe, expect, it } from 'vitest';
import { aidLentTo, canOnUnit, lentBy, unitScope, type Actor, type ActorGrant } from './access.js';

const grant = (role: ActorGrant['role'], path: string): ActorGrant => ({ id: `${role}@${path}`, role, jurisdictionId: path, path, jurisdictionName: path });
const schaanToVaduz = { id: 'a-1', providingPath: 'li.oberland.schaan', requestingPath: 'li.oberland.vaduz', unitKinds: ['patrol_car'], mutual: false };
const actorWith = (grants: ActorGrant[], agreements = [schaanToVaduz]): Actor => ({
  id: 'u', username: 'u', displayName: 'u', kind: 'staff', via: { kind: 'system' }, grants, aid: aidLentTo(grants, agreements),
});
const schaanPatrol = { jurisdictionPath: 'li.oberland.schaan.station_1', kind: 'patrol_car' };
const schaanEngine = { jurisdictionPath: 'li.oberland.schaan', kind: 'fire_engine' };

describe('what mutual aid agreements lend (access.ts)', () => {
  it("lends the providing subtree's units of the agreed kinds to the requesting side's dispatchers, to see and send only", () => {
    const dispatcher = actorWith([grant('dispatcher', 'li.oberland.vaduz')]);
    expect(canOnUnit(dispatcher, 'units:read', schaanPatrol)).toBe(true);
    expect(canOnUnit(dispatcher, 'dispatch:assign', schaanPatrol)).toBe(true);
    expect(lentBy(dispatcher, 'dispatch:assign', schaanPatrol)?.agreementId).toBe('a-1');
    expect(canOnUnit(dispatcher, 'units:manage', schaanPatrol)).toBe(false);
    expect(canOnUnit(dispatcher, 'dispatch:assign', schaanEngine)).toBe(false);
    expect(unitScope(dispatcher, 'dispatch:assign')).toEqual({ roots: ['li.oberland.vaduz'], lent: [{ path: 'li.oberland.schaan', kinds: ['patrol_car'] }] });
    expect(unitScope(dispatcher, 'units:manage').lent).toEqual([]);
  });

  it('lends nothing to those below the requesting jurisdiction, to the providing side, or one way back', () => {
    expect(actorWith([grant('dispatcher', 'li.oberland.vaduz.station_1')]).aid).toEqual([]);
    expect(actorWith([grant('inspector', 'li.oberland.vaduz')]).aid).toEqual([]);
    const schaan = actorWith([grant('dispatcher', 'li.oberland.schaan')]);
    expect(canOnUnit(schaan, 'units:read', { jurisdictionPath: 'li.oberland.vaduz', kind: 'patrol_car' })).toBe(false);
  });

  it('holds both ways when mutual, and is not needed (nor marked) where the grants already reach', () => {
    const mutual = { ...schaanToVaduz, mutual: true };
    const schaan = actorWith([grant('dispatcher', 'li.oberland.schaan')], [mutual]);
    expect(canOnUnit(schaan, 'dispatch:assign', { jurisdictionPath: 'li.oberland.vaduz', kind: 'patrol_car' })).toBe(true);
    const region = actorWith([grant('dispatcher', 'li.oberland')]);
    expect(lentBy(region, 'dispatch:assign', schaanPatrol)).toBeNull();
    expect(unitScope(region, 'dispatch:assign').lent).toEqual([]);
  });
});
