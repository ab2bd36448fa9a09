import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { manyToOne } from '@firebreak/roadgraph';
import { afterAll, describe, expect, it } from 'vitest';
import { roadNetwork, WARM_QUERIES, warmUp } from './road-network.js';

const LIECHTENSTEIN = fileURLToPath(new URL('../../../../../data/osm/liechtenstein.osm.pbf', import.meta.url));

describe('the deployment road network with traffic-signal delays', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('adds the configured seconds per signal, never makes a trip faster, and caches apart from the plain network', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'road-network-'));
    dirs.push(dir);
    const plain = await roadNetwork(LIECHTENSTEIN, dir);
    const signals = await roadNetwork(LIECHTENSTEIN, dir, { trafficSignalSeconds: { car: 2, emergency: 1 } });
    expect(signals).not.toBe(plain);
    const files = (await readdir(path.join(dir, 'roadgraph'))).filter((f) => f.endsWith('.rgraph'));
    expect(files).toHaveLength(2);
    // The warm-up at load finds its places on every profile (turn costs are on by default).
    expect(warmUp(plain.byProfile)).toBe(2 * WARM_QUERIES);
    const graph = plain.graph;
    const main = graph.mainNetwork;
    const inMain = Array.from({ length: graph.graphNodeCount }, (_, v) => v).filter((v) => main[v] === 1);
    const places = Array.from({ length: 60 }, (_, i) => inMain[(i * 7919) % inMain.length]!)
      .map((v) => graph.snapper.snap([graph.data.nodeLon[v]!, graph.data.nodeLat[v]!]));
    for (const profile of ['car', 'emergency'] as const) {
      let slower = 0;
      for (const destination of places.slice(0, 15)) {
        const before = manyToOne(plain.byProfile[profile], places, destination);
        const after = manyToOne(signals.byProfile[profile], places, destination);
        places.forEach((_, i) => {
          expect(after[i]).toBeGreaterThanOrEqual(before[i]!);
          if (after[i]! > before[i]!) slower++;
        });
      }
      expect(slower, profile).toBeGreaterThan(0);
    }
  }, 180_000);

  it('times ETAs with turn costs (right-hand traffic by default), shares the cache files with the network without them, and is never faster', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'road-network-'));
    dirs.push(dir);
    const off = await roadNetwork(LIECHTENSTEIN, dir, { turnCosts: 'off' });
    // Left-hand traffic: a network no earlier test of this process asked for (they are kept by data folder, extract and costs).
    const turns = await roadNetwork(LIECHTENSTEIN, dir, { turnCosts: 'left' });
    expect(turns).not.toBe(off);
    expect(off.graph.turnModel).toBeUndefined();
    expect(turns.byProfile.emergency.turnModel?.options.trafficSide).toBe('left');
    expect((await roadNetwork(LIECHTENSTEIN, dir)).graph.turnModel?.options.trafficSide).toBe('right');
    expect((await readdir(path.join(dir, 'roadgraph'))).filter((f) => f.endsWith('.rgraph'))).toHaveLength(1);
    expect(turns.source).toBe('cache');
    const graph = off.graph;
    const main = graph.mainNetwork;
    const inMain = Array.from({ length: graph.graphNodeCount }, (_, v) => v).filter((v) => main[v] === 1);
    const places = Array.from({ length: 40 }, (_, i) => inMain[(i * 7919) % inMain.length]!)
      .map((v) => graph.snapper.snap([graph.data.nodeLon[v]!, graph.data.nodeLat[v]!]));
    let slower = 0;
    for (const destination of places.slice(0, 8)) {
      const before = manyToOne(off.byProfile.emergency, places, destination);
      const after = manyToOne(turns.byProfile.emergency, places, destination);
      places.forEach((_, i) => {
        expect(after[i]).toBeGreaterThanOrEqual(before[i]!);
        if (after[i]! > before[i]! + 1) slower++;
      });
    }
    expect(slower).toBeGreaterThan(0);
  }, 180_000);
});
