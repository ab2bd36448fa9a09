/**
 * Issue 19 §5: the recommendation's travel-time query alone, in one process, units still and
 * units moved since the fleet was prepared (the extra points of `PreparedOrigins.manyToOne`):
 * the dispatch benchmark's 1,000 patrol cars (emergency profile, the server's turn costs), 200
 * incidents, the 21 nearest timed with their turns (run.ts TURN_AWARE). CPU ms per query
 * (process.cpuUsage). Every answer is checked against a fleet prepared afresh at the units'
 * current positions (the exact answer): the 21 fastest must be identical.
 * `node --max-old-space-size=6144 --import tsx bench/dispatch/query.ts` after bench:dispatch has
 * cached the hierarchies; DISPATCH_BENCH_GRAPHS=baltimore|metro, DISPATCH_BENCH_SIDE=<n>,
 * QUERY_MOVED=0,100,300 (units moved), QUERY_PHAST_MAX=<n> (0: a city takes the metro's path).
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { PHAST_MAX_NODES, PreparedOrigins, importOsm, type Snapped } from '../../packages/roadgraph/src/index.js';
import { graphOptions } from '../../apps/server/src/modules/dispatch/road-network.js';
import { travelGraphOf } from '../../apps/server/src/modules/dispatch/travel-profile.js';
import { cpuMsSince } from '../lib/machine.js';
import { ms, summarise } from '../roadgraph/measure.js';
import { stitchTiles } from '../roadgraph/stitch.js';
import { randomPlaces } from '../roadgraph/workloads.js';
import { serverGraph } from './server-graph.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GRAPHS = (process.env.DISPATCH_BENCH_GRAPHS ?? 'baltimore,metro').split(',');
const SIDE = Number(process.env.DISPATCH_BENCH_SIDE ?? 14);
const MOVED = (process.env.QUERY_MOVED ?? '0,100,300').split(',').map(Number);
const PHAST_MAX = Number(process.env.QUERY_PHAST_MAX ?? PHAST_MAX_NODES);
const ROUNDS = Number(process.env.QUERY_ROUNDS ?? 3);
const CUTOFF_S = 3600;
const NEAREST = 21;
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const tile = await importOsm(`${ROOT}data/osm/baltimore.osm.pbf`);
say(`load average at the start ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`);
say('| graph | units moved | p50 CPU ms | p99 CPU ms | p50 / p99 per round | answers differing |');
say('| --- | ---: | ---: | ---: | --- | ---: |');
if (GRAPHS.includes('baltimore')) await measure('Baltimore', tile);
if (GRAPHS.includes('metro')) await measure(`Metro (${SIDE}x${SIDE} Baltimore tiles)`, stitchTiles(tile, SIDE));
say(`load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`);

async function measure(name: string, data: Parameters<typeof serverGraph>[0]): Promise<void> {
  const files = await serverGraph(data, (l) => process.stderr.write(`${l}\n`), graphOptions({}));
  const graph = travelGraphOf(files.byProfile, 'patrol_car');
  const car = files.byProfile.car;
  const units = randomPlaces(car, 1000, 11);
  const elsewhere = randomPlaces(car, 1000, 14);
  const incidents = randomPlaces(car, 200, 13);
  const prepared = new PreparedOrigins(graph, units, PHAST_MAX);
  prepared.prepare();
  for (const moved of MOVED) {
    // The first `moved` units (random places, so a random share of the fleet) stand elsewhere now.
    const now = units.map((u, i) => (i < moved ? elsewhere[i]! : u));
    const exactFleet = new PreparedOrigins(graph, now, PHAST_MAX);
    exactFleet.prepare();
    const wanted = new Uint8Array(units.length + moved);
    wanted.fill(1, moved);
    const extra = elsewhere.slice(0, moved);
    const query = (d: Snapped) => prepared.manyToOne(d, { cutoff: CUTOFF_S, nearest: NEAREST, wanted, exact: new Uint8Array(wanted.length) }, extra);
    for (let i = 0; i < 30; i++) query(incidents[i]!);
    const all: number[] = [];
    const rounds: string[] = [];
    let differ = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const samples: number[] = [];
      for (const d of incidents) {
        const t = process.cpuUsage();
        const got = query(d);
        samples.push(cpuMsSince(t));
        // Unit i's time: a moved unit's at its extra index.
        const times = Array.from(units, (_, i) => (i < moved ? got[units.length + i]! : got[i]!));
        const want = exactFleet.manyToOne(d, { cutoff: CUTOFF_S, nearest: NEAREST });
        const top = (s: ArrayLike<number>) => Array.from(s).sort((p, q) => p - q).slice(0, NEAREST).join();
        if (top(times) !== top(want)) differ++;
      }
      const s = summarise(samples);
      rounds.push(`${ms(s.p50)} / ${ms(s.p99)}`);
      all.push(...samples);
    }
    const s = summarise(all);
    say(`| ${name} | ${moved} | ${ms(s.p50)} | ${ms(s.p99)} | ${rounds.join(', ')} | ${differ} of ${ROUNDS * incidents.length} |`);
  }
}
