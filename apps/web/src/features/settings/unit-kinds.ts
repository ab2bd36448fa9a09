import type { UnitKind } from '@firebreak/contracts';

/**
 * The unit kinds a run card or an agreement can name, copied from @firebreak/contracts like the
 * lists in `api/enums.ts` (values from contracts would bring zod into the bundle);
 * `unit-kinds.test.ts` fails the moment this drifts from the contract.
 */
export const UNIT_KINDS = [
  'patrol_car', 'foot_patrol', 'bicycle_patrol', 'motorcycle', 'fixed_post', 'special_police',
  'fire_engine', 'ladder', 'ambulance', 'hazmat', 'rescue', 'command', 'other',
] as const satisfies readonly UnitKind[];
