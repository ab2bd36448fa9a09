import { describe, expect, it } from 'vitest';
import { allowedUnitActions, UNIT_ACTIONS, UNIT_STEPS, unitStepRefusal, type UnitStep } from './unit-lifecycle.js';
import { UNIT_STATUSES, type UnitStatus } from './units.js';

/**
 * The lifecycle written out as a table, independently of the code: the steps an ON-DUTY unit may
 * take from each status (a reassignment to an incident it is not on). Off duty, a unit may take
 * the same steps except dispatch, reassign and off_duty, and may go on duty; on duty it may not.
 */
const ON_DUTY: Record<UnitStatus, readonly UnitStep[]> = {
  available: ['dispatch', 'at_station', 'out_of_service', 'off_duty'],
  at_station: ['dispatch', 'out_of_service', 'off_duty'],
  dispatched: ['reassign', 'en_route', 'on_scene', 'clear'],
  en_route: ['reassign', 'on_scene', 'clear'],
  on_scene: ['reassign', 'transport', 'clear'],
  transporting: ['clear'],
  out_of_service: ['in_service', 'off_duty'],
};
const ON_DUTY_ONLY: readonly UnitStep[] = ['dispatch', 'reassign', 'off_duty'];
const expected = (status: UnitStatus, onDuty: boolean, step: UnitStep): boolean =>
  onDuty ? ON_DUTY[status].includes(step) : step === 'on_duty' || (ON_DUTY[status].includes(step) && !ON_DUTY_ONLY.includes(step));

describe('unit lifecycle rule: every status × duty × step', () => {
  const cases = UNIT_STATUSES.flatMap((status) => [true, false].flatMap((onDuty) => UNIT_STEPS.map((step) => ({ status, onDuty, step }))));

  it('covers all 7 statuses × 2 duties × 11 steps', () => {
    expect(cases).toHaveLength(7 * 2 * 11);
  });

  it.each(cases)('$status, on duty $onDuty: $step', ({ status, onDuty, step }) => {
    const refusal = unitStepRefusal({ status, onDuty, incidentId: 'incident-a' }, step, 'incident-b');
    if (expected(status, onDuty, step)) expect(refusal).toBeNull();
    else expect(refusal).toMatch(/\w+/);
  });

  it('refuses to reassign a unit to the incident it is already on, whatever its status', () => {
    for (const status of UNIT_STATUSES) {
      expect(unitStepRefusal({ status, onDuty: true, incidentId: 'incident-a' }, 'reassign', 'incident-a')).not.toBeNull();
    }
  });

  it('offers as actions exactly the allowed steps outside an assignment', () => {
    for (const status of UNIT_STATUSES) {
      for (const onDuty of [true, false]) {
        expect(allowedUnitActions({ status, onDuty })).toEqual(UNIT_ACTIONS.filter((a) => expected(status, onDuty, a)));
      }
    }
  });
});
