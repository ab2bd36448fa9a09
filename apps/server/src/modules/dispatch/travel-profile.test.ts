import { fileURLToPath } from 'node:url';
import { PROFILES, RoadGraph, importOsm, manyToOne, type Profile } from '@firebreak/roadgraph';
import { describe, expect, it } from 'vitest';
import { TRACK_KINDS, VEHICLE_DIMENSIONS, travelGraphOf, travelProfileOf } from './travel-profile.js';

const LIECHTENSTEIN = fileURLToPath(new URL('../../../../../data/osm/liechtenstein.osm.pbf', import.meta.url));

describe('the graph a unit kind drives', () => {
  it('closes roads over a ladder truck’s height and an engine’s weight, and never makes its ETA shorter', async () => {
    // Liechtenstein has two height limits (3.6 m, 3.8 m) and one weight limit (18 t) on roads.
    const data = await importOsm(LIECHTENSTEIN);
    const graphs = Object.fromEntries(PROFILES.map((p) => [p, new RoadGraph(data, p)])) as Record<Profile, RoadGraph>;
    expect(travelGraphOf(graphs, 'patrol_car')).toBe(graphs.emergency);
    expect(travelGraphOf(graphs, 'ambulance')).toBe(graphs.emergency);
    const ladder = travelGraphOf(graphs, 'ladder');
    expect(ladder.profile).toBe(travelProfileOf('ladder'));
    expect(ladder.blocked.size).toBe(3);
    expect(travelGraphOf(graphs, 'fire_engine').blocked.size).toBe(1);
    expect(travelGraphOf(graphs, 'ladder')).toBe(ladder); // one graph per kind's dimensions, kept
    expect(VEHICLE_DIMENSIONS.ladder?.heightM).toBeGreaterThan(3.8);
    const snapper = graphs.car.snapper;
    const main = graphs.car.mainNetwork;
    const nodes = Array.from({ length: data.nodeLon.length }, (_, v) => v).filter((v) => main[v] === 1).filter((_, i) => i % 97 === 0);
    const places = nodes.map((v) => snapper.snap([data.nodeLon[v]!, data.nodeLat[v]!]));
    for (const destination of places.slice(0, 10)) {
      const patrol = manyToOne(graphs.emergency, places, destination);
      const truck = manyToOne(ladder, places, destination);
      places.forEach((_, i) => expect(truck[i]).toBeGreaterThanOrEqual(patrol[i]!));
    }
  }, 120_000);

  it('lets a rescue unit up the forest tracks, and no one else: never a longer ETA, and a shorter one somewhere', async () => {
    const data = await importOsm(LIECHTENSTEIN);
    const graphs = Object.fromEntries(PROFILES.map((p) => [p, new RoadGraph(data, p)])) as Record<Profile, RoadGraph>;
    expect(TRACK_KINDS.has('rescue')).toBe(true);
    for (const kind of ['patrol_car', 'fire_engine', 'ladder', 'ambulance', 'foot_patrol'] as const) expect(TRACK_KINDS.has(kind)).toBe(false);
    const rescue = travelGraphOf(graphs, 'rescue');
    expect(rescue).not.toBe(graphs.emergency);
    expect(rescue.profile).toBe('emergency');
    expect(travelGraphOf(graphs, 'rescue')).toBe(rescue);
    const snapper = graphs.car.snapper;
    const main = graphs.car.mainNetwork;
    const inMain = Array.from({ length: data.nodeLon.length }, (_, v) => v).filter((v) => main[v] === 1);
    const places = Array.from({ length: 80 }, (_, i) => inMain[(i * 7919) % inMain.length]!).map((v) => snapper.snap([data.nodeLon[v]!, data.nodeLat[v]!]));
    let shorter = 0;
    for (const destination of places.slice(0, 25)) {
      const onRoads = manyToOne(graphs.emergency, places, destination);
      const offRoad = manyToOne(rescue, places, destination);
      places.forEach((_, i) => {
        expect(offRoad[i]).toBeLessThanOrEqual(onRoads[i]!);
        if (offRoad[i]! < onRoads[i]! - 1) shorter++;
      });
    }
    expect(shorter).toBeGreaterThan(0);
  }, 120_000);
});
