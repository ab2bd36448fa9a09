import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOsm } from './import-osm.js';
import { RoadGraph } from './road-graph.js';
import { route } from './route.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';
import type { LonLat } from './types.js';

// Downtown Baltimore's one-way pair: Lombard Street runs west, Pratt Street runs east.
const LOMBARD_EAST: LonLat = [-76.6065, 39.28804];
const LOMBARD_WEST: LonLat = [-76.6070, 39.28802];
// West of -76.6075 the extract is clipped: Lombard runs off the map there, a piece of road with no way back.
const LOMBARD_OFF_MAP: LonLat = [-76.6100, 39.28791];
const PRATT_WEST: LonLat = [-76.6065, 39.28680];
const PRATT_EAST: LonLat = [-76.6055, 39.28684];

describe('importOsm (Baltimore)', () => {
  let graph: RoadGraph;
  beforeAll(async () => {
    graph = new RoadGraph(await extract(BALTIMORE_PBF));
  });

  it('keeps junctions as nodes and way pieces as edges with geometry', () => {
    expect(graph.nodeCount).toBeGreaterThan(4000);
    expect(graph.edgeCount).toBeGreaterThan(graph.nodeCount);
    const { geomStart, edgeLengthM, edgeForwardMs, edgeBackwardMs, emergencyForwardMs, emergencyBackwardMs, trackCosts } = graph.data;
    const trackMs = new Map<number, number>();
    for (let i = 0; i < trackCosts.length; i += 3) trackMs.set(trackCosts[i]!, Math.max(trackCosts[i + 1]!, trackCosts[i + 2]!));
    for (let e = 0; e < graph.edgeCount; e++) {
      expect(geomStart[e + 1]! - geomStart[e]!).toBeGreaterThanOrEqual(2);
      // Some profile (or a track-capable vehicle, on a track) drives every edge, and the emergency profile every edge the car does.
      expect(Math.max(edgeForwardMs[e]!, edgeBackwardMs[e]!, emergencyForwardMs[e]!, emergencyBackwardMs[e]!, trackMs.get(e) ?? -1)).toBeGreaterThanOrEqual(0);
      if (edgeForwardMs[e]! >= 0) expect(emergencyForwardMs[e]!).toBeGreaterThanOrEqual(0);
      if (edgeBackwardMs[e]! >= 0) expect(emergencyBackwardMs[e]!).toBeGreaterThanOrEqual(0);
      if (edgeForwardMs[e]! >= 0) expect(emergencyForwardMs[e]!).toBeLessThanOrEqual(edgeForwardMs[e]!);
      expect(edgeLengthM[e]!).toBeGreaterThanOrEqual(0);
    }
  });

  it('drives Lombard Street westwards only', () => {
    const snap = (p: LonLat) => graph.snapper.snap(p, 15);
    const along = route(graph, snap(LOMBARD_EAST), snap(LOMBARD_WEST));
    expect(along.distance).toBeLessThan(320);
    const against = route(graph, snap(LOMBARD_WEST), snap(LOMBARD_EAST));
    expect(against.time).toBeGreaterThan(along.time * 1.5);
    const edge = snap(LOMBARD_EAST).edge;
    const westward = graph.data.nodeLon[graph.data.edgeTarget[edge]!]! < graph.data.nodeLon[graph.data.edgeSource[edge]!]!;
    // The eastward direction is the reverse of the edge when the edge is drawn westwards.
    expect(graph.edgeCost(edge, westward)).toBe(Infinity);
    expect(graph.edgeCost(edge, !westward)).toBeLessThan(Infinity);
  });

  it('does not snap onto the end of Lombard Street that runs off the clipped map (no way back from it)', () => {
    expect(() => graph.snapper.snap(LOMBARD_OFF_MAP, 15)).toThrow(expect.objectContaining({ code: 'ROADGRAPH_TOO_FAR_FROM_ROAD' }));
    const snapped = graph.snapper.snap(LOMBARD_OFF_MAP);
    // trySnap: the same answers, null where snap throws too far (bad arguments still throw).
    expect(graph.snapper.trySnap(LOMBARD_OFF_MAP, 15)).toBeNull();
    expect(graph.snapper.trySnap(LOMBARD_OFF_MAP)).toEqual(snapped);
    expect(() => graph.snapper.trySnap([200, 0])).toThrow(expect.objectContaining({ code: 'ROADGRAPH_BAD_COORDINATE' }));
    expect(route(graph, snapped, graph.snapper.snap(LOMBARD_EAST)).time).toBeLessThan(Infinity);
  });

  it('drives Pratt Street eastwards only', () => {
    const snap = (p: LonLat) => graph.snapper.snap(p, 15);
    const along = route(graph, snap(PRATT_WEST), snap(PRATT_EAST));
    const against = route(graph, snap(PRATT_EAST), snap(PRATT_WEST));
    expect(along.distance).toBeLessThan(100);
    expect(against.time).toBeGreaterThan(along.time * 1.5);
  });
});

describe('importOsm progress', () => {
  it('reports bytes read up to the whole file', async () => {
    const seen: number[] = [];
    let total = 0;
    await importOsm(BALTIMORE_PBF, {
      onProgress: (p) => {
        seen.push(p.bytesRead);
        total = p.totalBytes;
      },
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((b, i) => i === 0 || b >= seen[i - 1]!)).toBe(true);
    expect(seen.at(-1)).toBe(total);
    expect(total).toBe((await readFile(BALTIMORE_PBF)).length);
  });
});

describe('importOsm errors', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'roadgraph-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('names a missing file', async () => {
    await expect(importOsm(join(dir, 'missing.osm.pbf'))).rejects.toMatchObject({ code: 'ROADGRAPH_FILE_NOT_FOUND' });
  });

  it('rejects a file that is not PBF', async () => {
    const file = join(dir, 'text.osm.pbf');
    await writeFile(file, '<?xml version="1.0"?><osm></osm>');
    await expect(importOsm(file)).rejects.toMatchObject({ code: 'ROADGRAPH_BAD_FILE' });
  });

  it('rejects a PBF file cut short or corrupted inside a block', async () => {
    const bytes = await readFile(BALTIMORE_PBF);
    const corrupt = Buffer.from(bytes);
    corrupt.fill(0x5a, 2000, 60_000);
    const file = join(dir, 'corrupt.osm.pbf');
    await writeFile(file, corrupt);
    await expect(importOsm(file)).rejects.toMatchObject({ code: 'ROADGRAPH_BAD_FILE' });
  });
});

describe('traffic signal delay (optional, per profile)', () => {
  it('adds the seconds per signal a way piece passes or arrives at, and nothing when not asked', async () => {
    const plain = await extract(BALTIMORE_PBF);
    const delayed = await importOsm(BALTIMORE_PBF, { trafficSignalSeconds: { car: 2, emergency: 0.5 } });
    expect(Array.from(delayed.edgeSource)).toEqual(Array.from(plain.edgeSource));
    let carEdges = 0, emergencyEdges = 0;
    for (let e = 0; e < plain.edgeSource.length; e++) {
      for (const [a, b, step] of [[delayed.edgeForwardMs, plain.edgeForwardMs, 2000], [delayed.edgeBackwardMs, plain.edgeBackwardMs, 2000],
        [delayed.emergencyForwardMs, plain.emergencyForwardMs, 500], [delayed.emergencyBackwardMs, plain.emergencyBackwardMs, 500]] as const) {
        const extra = a[e]! - b[e]!;
        if (b[e]! < 0) expect(a[e]).toBe(b[e]);
        else expect(extra % step).toBe(0);
        if (extra > 0 && step === 2000) carEdges++;
        if (extra > 0 && step === 500) emergencyEdges++;
      }
    }
    // Baltimore's signalled junctions: every approach to one is slower by a whole number of signals.
    expect(carEdges).toBeGreaterThan(100);
    expect(emergencyEdges).toBeGreaterThan(100);
  });
});
