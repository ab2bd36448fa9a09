import { describe, expect, it } from 'vitest';
import { boardFeatures, SECTOR_COLORS } from './board-map';
import type { MajorIncident } from './queries';

const at = (lon: number, lat: number): [number, number] => [lon, lat];
const point = (id: string, kind: string, patrol: string | null) => ({ id, kind, name: id, location: at(9.52, 47.14), note: null, createdAt: '2026-01-01T00:00:00Z', cordon: null, roads: null, patrol: patrol ? { unitId: 'u9', callSign: patrol, since: '2026-01-01T00:00:00Z' } : null });
const sector = (id: string, name: string, units: string[]) => ({ id, role: 'sector', section: null, name, holder: null, units: units.map((u) => ({ unitId: u, callSign: `CS-${u}`, kind: 'engine', since: '2026-01-01T00:00:00Z' })) });

describe('the board map: cordons, points by kind, units by sector', () => {
  const m = {
    cordons: [{ kind: 'outer', area: { type: 'Polygon', coordinates: [[at(0, 0), at(1, 0), at(1, 1), at(0, 0)]] } }],
    points: [point('s', 'staging', null), point('t1', 'traffic_control', null), point('t2', 'traffic_control', 'P-7')],
    positions: [{ id: 'c', role: 'commander', section: null, name: null, holder: null, units: [] }, sector('a', 'North', ['u1', 'u2']), sector('b', 'Market hall', ['u3', 'u4'])],
  } as unknown as MajorIncident;

  it('marks traffic control points held or offered, and places each sector unit it knows where it is, coloured by its sector', () => {
    const units = new Map([['u1', { id: 'u1', location: at(9.5, 47.1) }], ['u3', { id: 'u3', location: at(9.6, 47.2) }]]);
    const f = boardFeatures(m, units).features;
    expect(f.filter((x) => x.properties!.kind === 'outer')).toHaveLength(1);
    expect(f.filter((x) => x.properties!.kind === 'point').map((x) => [x.properties!.point, x.properties!.label])).toEqual([['staging', ''], ['traffic_open', ''], ['traffic_held', 'P-7']]);
    const placed = f.filter((x) => x.properties!.kind === 'unit');
    // u2 and u4 have no known place: left off, never drawn at 0,0.
    expect(placed.map((x) => [x.properties!.label, x.properties!.sector, x.properties!.color, (x.geometry as GeoJSON.Point).coordinates])).toEqual([
      ['CS-u1', 'North', SECTOR_COLORS[0], [9.5, 47.1]],
      ['CS-u3', 'Market hall', SECTOR_COLORS[1], [9.6, 47.2]],
    ]);
  });
});
