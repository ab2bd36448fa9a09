import type { IncidentType, Priority, ResponsePlan } from './incidents.js';
import type { UnitKind } from './units.js';

/**
 * What each incident type needs: the unit kinds that can work it, most essential first (the order
 * ranks units when no plan orders them, so a fire never gets a patrol car first when an engine can
 * come), and the capabilities those units carry for it. Reasoning in docs/incident-types.md.
 */
export const INCIDENT_TYPE_NEEDS: Record<IncidentType, { kinds: readonly UnitKind[]; capabilities: readonly string[] }> = {
  fire: { kinds: ['fire_engine', 'ladder', 'ambulance', 'patrol_car'], capabilities: ['water', 'pump', 'breathing_apparatus', 'aerial_ladder'] },
  explosion: { kinds: ['fire_engine', 'ambulance', 'patrol_car', 'ladder', 'hazmat', 'special_police'], capabilities: ['breathing_apparatus', 'technical_rescue', 'als'] },
  hazmat_leak: { kinds: ['fire_engine', 'hazmat', 'ambulance', 'patrol_car'], capabilities: ['breathing_apparatus', 'water', 'traffic_control'] },
  rescue: { kinds: ['fire_engine', 'rescue', 'ladder', 'ambulance'], capabilities: ['technical_rescue', 'high_rescue', 'aerial_ladder'] },
  traffic_accident: { kinds: ['patrol_car', 'fire_engine', 'rescue', 'ambulance', 'motorcycle'], capabilities: ['traffic_control', 'technical_rescue', 'als'] },
  medical: { kinds: ['ambulance', 'fire_engine'], capabilities: ['als', 'bls', 'patient_transport'] },
  violent_crime: { kinds: ['patrol_car', 'special_police', 'ambulance', 'motorcycle'], capabilities: ['first_aid'] },
  campus_incident: { kinds: ['patrol_car', 'ambulance', 'foot_patrol'], capabilities: ['first_aid'] },
  public_disorder: { kinds: ['patrol_car', 'special_police', 'foot_patrol', 'ambulance'], capabilities: ['first_aid'] },
  other: { kinds: ['patrol_car', 'foot_patrol', 'bicycle_patrol', 'motorcycle'], capabilities: [] },
};

type Card = ResponsePlan['tiers'];
const s = (kind: UnitKind, units = 1) => ({ kind, units });
/** A slot any unit carrying the capability fills, whatever its kind. */
const c = (capability: string, units = 1) => ({ capability, units });

/**
 * The national default run cards, one per incident type and priority: tier 2 of the 1-3-5 clock is
 * the first due (on scene within 3 min), tier 3 the rest of the first alarm (within 5 min), tier 4
 * a P4 call's unit (no on-scene deadline). Seeded at the root of the demo country, and the card a
 * recommendation follows where no plan is in force. Sources and reasoning: docs/incident-types.md.
 */
export const DEFAULT_RUN_CARDS: Record<IncidentType, Record<Priority, Card>> = {
  fire: {
    P1: [{ tier: 2, slots: [s('fire_engine')] }, { tier: 3, slots: [s('fire_engine'), s('ladder'), s('ambulance'), s('patrol_car')] }],
    P2: [{ tier: 2, slots: [s('fire_engine')] }, { tier: 3, slots: [s('fire_engine'), s('patrol_car')] }],
    P3: [{ tier: 3, slots: [s('fire_engine')] }],
    P4: [{ tier: 4, slots: [s('fire_engine')] }],
  },
  explosion: {
    P1: [{ tier: 2, slots: [s('fire_engine'), s('patrol_car')] }, { tier: 3, slots: [s('fire_engine'), s('ambulance', 2), s('ladder')] }],
    P2: [{ tier: 2, slots: [s('fire_engine')] }, { tier: 3, slots: [s('ambulance'), s('patrol_car')] }],
    P3: [{ tier: 3, slots: [s('fire_engine'), s('patrol_car')] }],
    P4: [{ tier: 4, slots: [s('fire_engine')] }],
  },
  hazmat_leak: {
    P1: [{ tier: 2, slots: [s('fire_engine')] }, { tier: 3, slots: [s('fire_engine'), s('hazmat'), s('ambulance'), s('patrol_car')] }],
    P2: [{ tier: 2, slots: [s('fire_engine')] }, { tier: 3, slots: [s('hazmat'), s('patrol_car')] }],
    P3: [{ tier: 3, slots: [s('fire_engine')] }],
    P4: [{ tier: 4, slots: [s('fire_engine')] }],
  },
  rescue: {
    P1: [{ tier: 2, slots: [c('technical_rescue')] }, { tier: 3, slots: [s('fire_engine'), s('ladder'), s('ambulance')] }],
    P2: [{ tier: 2, slots: [c('technical_rescue')] }, { tier: 3, slots: [s('ambulance')] }],
    P3: [{ tier: 3, slots: [s('fire_engine')] }],
    P4: [{ tier: 4, slots: [s('fire_engine')] }],
  },
  traffic_accident: {
    P1: [{ tier: 2, slots: [s('patrol_car'), c('technical_rescue'), s('ambulance')] }, { tier: 3, slots: [s('ambulance'), s('fire_engine')] }],
    P2: [{ tier: 2, slots: [s('patrol_car'), c('technical_rescue')] }, { tier: 3, slots: [s('ambulance')] }],
    P3: [{ tier: 3, slots: [s('patrol_car')] }],
    P4: [{ tier: 4, slots: [s('patrol_car')] }],
  },
  medical: {
    P1: [{ tier: 2, slots: [s('ambulance')] }, { tier: 3, slots: [s('fire_engine')] }],
    P2: [{ tier: 2, slots: [s('ambulance')] }],
    P3: [{ tier: 3, slots: [s('ambulance')] }],
    P4: [{ tier: 4, slots: [s('ambulance')] }],
  },
  violent_crime: {
    P1: [{ tier: 2, slots: [s('patrol_car')] }, { tier: 3, slots: [s('patrol_car'), s('ambulance')] }],
    P2: [{ tier: 2, slots: [s('patrol_car')] }, { tier: 3, slots: [s('patrol_car')] }],
    P3: [{ tier: 3, slots: [s('patrol_car')] }],
    P4: [{ tier: 4, slots: [s('patrol_car')] }],
  },
  campus_incident: {
    P1: [{ tier: 2, slots: [s('patrol_car')] }, { tier: 3, slots: [s('patrol_car'), s('ambulance')] }],
    P2: [{ tier: 2, slots: [s('patrol_car')] }, { tier: 3, slots: [s('patrol_car')] }],
    P3: [{ tier: 3, slots: [s('patrol_car')] }],
    P4: [{ tier: 4, slots: [s('patrol_car')] }],
  },
  public_disorder: {
    P1: [{ tier: 2, slots: [s('patrol_car')] }, { tier: 3, slots: [s('patrol_car', 2), s('ambulance')] }],
    P2: [{ tier: 2, slots: [s('patrol_car')] }, { tier: 3, slots: [s('patrol_car')] }],
    P3: [{ tier: 3, slots: [s('patrol_car')] }],
    P4: [{ tier: 4, slots: [s('patrol_car')] }],
  },
  other: {
    P1: [{ tier: 2, slots: [s('patrol_car')] }, { tier: 3, slots: [s('patrol_car')] }],
    P2: [{ tier: 2, slots: [s('patrol_car')] }],
    P3: [{ tier: 3, slots: [s('patrol_car')] }],
    P4: [{ tier: 4, slots: [s('patrol_car')] }],
  },
};
