import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMITTED, canBeDispatched, decide, isCommitted, type UnitCommand, type UnitFacts } from './model.js';

const start = new Date('2026-01-01T00:00:00Z');
const fresh = (): UnitFacts => ({ status: 'available', statusChangedAt: start, onDuty: false, dutyChangedAt: start, incidentId: null });

const command: fc.Arbitrary<UnitCommand> = fc.oneof(
  fc.record({ type: fc.constant('dispatch' as const), incidentId: fc.constantFrom('i-1', 'i-2') }),
  fc.record({ type: fc.constant('reassign' as const), incidentId: fc.constantFrom('i-1', 'i-2') }),
  ...(['en_route', 'on_scene', 'transport', 'clear', 'at_station', 'out_of_service', 'in_service', 'on_duty', 'off_duty'] as const).map((type) => fc.constant({ type })),
);

describe('unit status lifecycle (property: random command sequences)', () => {
  it('holds its invariants: committed exactly while it has an incident, never committed off duty, timestamps only move forward', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(command, fc.integer({ min: 0, max: 600 })), { maxLength: 60 }), (steps) => {
        let u = fresh();
        let t = start.getTime();
        for (const [cmd, gap] of steps) {
          t += gap * 1000;
          const at = new Date(t);
          const before = structuredClone(u);
          const d = decide(u, cmd, at);
          expect(u).toEqual(before); // decide never mutates its input
          if (!d.ok) {
            expect(d.reason.length).toBeGreaterThan(0);
            continue;
          }
          const next = d.next;
          expect(isCommitted(next.status)).toBe(next.incidentId !== null);
          if (isCommitted(next.status)) expect(next.onDuty).toBe(true);
          // A reassignment is a new dispatch: its clock restarts even when the status stays 'dispatched'.
          if (next.status !== u.status || cmd.type === 'reassign') expect(next.statusChangedAt).toEqual(at);
          else expect(next.statusChangedAt).toEqual(u.statusChangedAt);
          if (next.onDuty !== u.onDuty) expect(next.dutyChangedAt).toEqual(at);
          // Only a dispatch commits a unit; a committed unit keeps its incident until cleared.
          if (!isCommitted(u.status) && isCommitted(next.status)) expect(cmd.type).toBe('dispatch');
          // ... or a reassignment, which moves it to another incident (never the same one) as dispatched.
          if (isCommitted(u.status) && isCommitted(next.status) && cmd.type !== 'reassign') expect(next.incidentId).toBe(u.incidentId);
          if (cmd.type === 'reassign') {
            expect(['dispatched', 'en_route', 'on_scene']).toContain(u.status);
            expect(next).toMatchObject({ status: 'dispatched', incidentId: cmd.incidentId });
            expect(next.incidentId).not.toBe(u.incidentId);
          }
          u = next;
        }
      }),
    );
  });

  it('dispatches only an on-duty unit that is available or at its station', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        let u = fresh();
        for (const cmd of commands) {
          const d = decide(u, cmd, start);
          if (cmd.type === 'dispatch') expect(d.ok).toBe(canBeDispatched(u));
          if (d.ok) u = d.next;
        }
      }),
    );
  });

  it('walks the usual call: dispatch, en route, on scene, transport, clear', () => {
    let u = fresh();
    const steps: UnitCommand[] = [{ type: 'on_duty' }, { type: 'dispatch', incidentId: 'i-1' }, { type: 'en_route' }, { type: 'on_scene' }, { type: 'transport' }, { type: 'clear' }];
    const seen: string[] = [];
    for (const [i, cmd] of steps.entries()) {
      const d = decide(u, cmd, new Date(start.getTime() + i * 60_000));
      if (!d.ok) throw new Error(d.reason);
      u = d.next;
      seen.push(u.status);
    }
    expect(seen).toEqual(['available', 'dispatched', 'en_route', 'on_scene', 'transporting', 'available']);
    expect(u.statusChangedAt).toEqual(new Date(start.getTime() + 5 * 60_000));
    expect(COMMITTED).not.toContain(u.status);
  });

  it('refuses to send a committed unit elsewhere or take it off duty', () => {
    const busy: UnitFacts = { ...fresh(), onDuty: true, status: 'en_route', incidentId: 'i-1' };
    expect(decide(busy, { type: 'dispatch', incidentId: 'i-2' }, start)).toMatchObject({ ok: false });
    expect(decide(busy, { type: 'off_duty' }, start)).toMatchObject({ ok: false });
    expect(decide(busy, { type: 'out_of_service' }, start)).toMatchObject({ ok: false });
  });
});
