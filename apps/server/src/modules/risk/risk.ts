import type { PlaceCategory } from '@firebreak/contracts';

/**
 * The place risk score, 0-100: what the place is, what is wrong there now, and how long since
 * anyone looked. Used to order inspection work (highest first) and to colour the map.
 *
 *   category base        hazardous chemicals / explosives 30; fuel, hospital, kindergarten 20;
 *                        school, crowded place, road black spot 15; other, fire, police 5
 * + open major hazards   20 each, at most 40   (open = not yet verified or closed)
 * + open general hazards  5 each, at most 20
 * + overdue fixes        10 each, at most 30   (open or rectifying past the deadline)
 * + inspection age       20 if never inspected, else 20 x days since the last one / 365, at most 20
 *   capped at 100
 */
export const CATEGORY_BASE: Record<PlaceCategory, number> = {
  hazardous_chemicals: 30,
  explosives_magazine: 30,
  fuel_station: 20,
  hospital: 20,
  kindergarten: 20,
  school: 15,
  crowded_place: 15,
  road_black_spot: 15,
  other: 5,
  fire_station: 5,
  police_station: 5,
};

export interface RiskInputs {
  category: PlaceCategory;
  openMajor: number;
  openGeneral: number;
  overdue: number;
  /** Days since the last inspection; null when never inspected. */
  daysSinceInspection: number | null;
}

export interface RiskBreakdown {
  score: number;
  category: number;
  majorHazards: number;
  generalHazards: number;
  overdue: number;
  inspectionAge: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function riskScore(i: RiskInputs): RiskBreakdown {
  const parts = {
    category: CATEGORY_BASE[i.category],
    majorHazards: Math.min(40, 20 * i.openMajor),
    generalHazards: Math.min(20, 5 * i.openGeneral),
    overdue: Math.min(30, 10 * i.overdue),
    inspectionAge: i.daysSinceInspection === null ? 20 : round1(Math.min(20, (20 * Math.max(0, i.daysSinceInspection)) / 365)),
  };
  const sum = parts.category + parts.majorHazards + parts.generalHazards + parts.overdue + parts.inspectionAge;
  return { score: round1(Math.min(100, sum)), ...parts };
}
