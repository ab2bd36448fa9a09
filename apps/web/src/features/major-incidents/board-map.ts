import type { MajorIncident } from './queries';

/** Where a unit is on the map: its last fix, else its home. */
export interface UnitWhere { id: string; location: [number, number] }

/** A sector's colour on the map, by its order on the board (repeats after eight). */
export const SECTOR_COLORS = ['#7950f2', '#1098ad', '#d6336c', '#37b24d', '#f59f00', '#4263eb', '#ae3ec9', '#0ca678'] as const;

/**
 * The board's map: the cordons, every point by kind (a traffic control point held or still offered),
 * and the sectors' units where they are, coloured by sector and labelled with their call sign. Pure:
 * the map draws what this returns.
 */
export function boardFeatures(m: MajorIncident, units: ReadonlyMap<string, UnitWhere>): GeoJSON.FeatureCollection {
  const sectors = m.positions.filter((p) => p.role === 'sector');
  return {
    type: 'FeatureCollection',
    features: [
      ...m.cordons.map((c) => ({ type: 'Feature' as const, properties: { kind: c.kind }, geometry: c.area as GeoJSON.Polygon })),
      ...m.points.map((p) => ({
        type: 'Feature' as const,
        properties: { kind: 'point', point: p.kind === 'traffic_control' ? (p.patrol ? 'traffic_held' : 'traffic_open') : p.kind, label: p.patrol?.callSign ?? '' },
        geometry: { type: 'Point' as const, coordinates: p.location },
      })),
      ...sectors.flatMap((s, i) => s.units.flatMap((u) => {
        const where = units.get(u.unitId);
        return where ? [{
          type: 'Feature' as const,
          properties: { kind: 'unit', sector: s.name ?? '', color: SECTOR_COLORS[i % SECTOR_COLORS.length]!, label: u.callSign },
          geometry: { type: 'Point' as const, coordinates: where.location },
        }] : [];
      })),
    ],
  };
}

/** A point's colour by kind: staging green, traffic control offered orange / held teal, access blue, evacuation violet. */
export const POINT_COLOR: readonly [string, string][] = [
  ['staging', '#2f9e44'], ['traffic_open', '#f76707'], ['traffic_held', '#0ca678'], ['access', '#1c7ed6'], ['evacuation', '#9c36b5'],
];
