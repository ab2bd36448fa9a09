import type { MoveUpRecommendation } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { dispatchTouches, isStaleMoveUp, shownPush } from './move-up-refresh';

const problem = (code: string) => ({ type: 'about:blank', title: 'Conflict', status: 409, code, detail: 'moves.0.unitId: P-1 is dispatched now' });
const rec = (path: string, before: number) => ({ jurisdiction: { id: path, path, name: path }, before }) as unknown as MoveUpRecommendation;

describe('move-up refresh', () => {
  it('reads a 409 naming a unit no longer available as a stale recommendation, and nothing else', () => {
    expect(isStaleMoveUp(new ApiError(409, problem('MOVE_UP_UNIT_UNAVAILABLE') as never))).toBe(true);
    expect(isStaleMoveUp(new ApiError(409, problem('CONFLICT') as never))).toBe(false);
    expect(isStaleMoveUp(new ApiError(403, problem('MOVE_UP_UNIT_UNAVAILABLE') as never))).toBe(false);
    expect(isStaleMoveUp(new ApiError(409, null))).toBe(false);
    expect(isStaleMoveUp(new Error('network'))).toBe(false);
  });

  it('recomputes at once for a dispatch at, under or above the jurisdiction, not for a neighbour or other events', () => {
    const e = (type: string, jurisdictionPath: string | null) => ({ type, jurisdictionPath });
    expect(dispatchTouches([e('dispatch.unit_assigned', 'li.oberland.vaduz')], 'li.oberland.vaduz')).toBe(true);
    expect(dispatchTouches([e('dispatch.assignment_changed', 'li.oberland.vaduz')], 'li')).toBe(true);
    expect(dispatchTouches([e('dispatch.unit_assigned', 'li')], 'li.oberland.vaduz')).toBe(true);
    expect(dispatchTouches([e('dispatch.unit_assigned', 'li.oberland.schaan')], 'li.oberland.vaduz')).toBe(false);
    // A prefix of the name is not a parent: "li.oberland.vaduzerberg" is not under "li.oberland.vaduz".
    expect(dispatchTouches([e('dispatch.unit_assigned', 'li.oberland.vaduzerberg')], 'li.oberland.vaduz')).toBe(false);
    expect(dispatchTouches([e('units.status_changed', 'li.oberland.vaduz'), e('dispatch.unit_assigned', null)], 'li.oberland.vaduz')).toBe(false);
  });

  it("shows a dispatcher the widest jurisdiction's push, the newest of equals", () => {
    expect(shownPush(new Map())).toBeNull();
    const vaduz = rec('li.oberland.vaduz', 0.5), li = rec('li', 0.7), schaan = rec('li.oberland.schaan', 0.6);
    expect(shownPush(new Map([['v', vaduz], ['l', li]]))).toBe(li);
    expect(shownPush(new Map([['v', vaduz], ['s', schaan]]))).toBe(schaan);
    expect(shownPush(new Map([['s', schaan], ['v', vaduz]]))).toBe(vaduz);
  });
});
