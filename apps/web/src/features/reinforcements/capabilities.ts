/**
 * The capabilities a request can name, copied from @firebreak/contracts' KNOWN_CAPABILITIES (its
 * values would bring zod into the bundle); capabilities.test.ts fails when the copy drifts.
 */
export const CAPABILITIES = [
  'water', 'pump', 'breathing_apparatus', 'technical_rescue', 'high_rescue', 'aerial_ladder', 'hazmat',
  'als', 'bls', 'patient_transport', 'first_aid', 'traffic_control',
] as const;
