/**
 * The indexed heap's hot paths, this checkout against another one (`BENCH_BASE=<dir>`: a checkout
 * of the commit before a heap change, with this file copied into it) in one run, interleaved:
 * Dijkstra (`manyToOne` on the metro without a hierarchy: one backward search bounded by the
 * 10-minute cutoff, what dispatch runs on a national graph) and `MaintainedOrigins` (a fleet
 * placed, AVL moves, removals and placements). CPU ms per operation (the machine is shared).
 * Prints a table and the ratios ours / base; writes no file.
 * `flock /tmp/fb/bench.lock node --max-old-space-size=6144 --import tsx bench/roadgraph/heap.ts`
 * (BENCH_SIDE=14 tiles a side, BENCH_ROUNDS=2 per checkout, BENCH_QUERIES=40, BENCH_UPDATES=300).
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MaintainedOrigins, RoadGraph, importOsm, manyToOne } from '../../packages/roadgraph/src/index.js';
import { ms } from './measure.js';
import { stitchTiles } from './stitch.js';
import { randomPlaces } from './workloads.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIDE = Number(process.env.BENCH_SIDE ?? 14);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 40);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 300);
const CUTOFF_S = 600;

interface Figures { dijkstra: number[]; place: number[]; move: number[]; remove: number[]; add: number[] }

if (process.env.BENCH_CHILD === '1') {
  process.stdout.write(`${JSON.stringify(await measure())}\n`);
} else {
  const base = process.env.BENCH_BASE;
  const trees = base ? [ROOT, base] : [ROOT];
  const runs = new Map<string, Figures[]>(trees.map((t) => [t, []]));
  const loads: number[] = [loadavg()[0]!];
  for (let r = 0; r < ROUNDS; r++) {
    for (const tree of r % 2 === 0 ? trees : [...trees].reverse()) {
      const out = execFileSync(process.execPath, ['--max-old-space-size=6144', '--import', 'tsx', `${tree}/bench/roadgraph/heap.ts`], { cwd: tree, env: { ...process.env, BENCH_CHILD: '1' }, encoding: 'utf8', maxBuffer: 1 << 26 });
      runs.get(tree)!.push(JSON.parse(out.trim().split('\n').at(-1)!) as Figures);
      loads.push(loadavg()[0]!);
    }
  }
  const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; };
  const kinds: (keyof Figures)[] = ['dijkstra', 'place', 'move', 'remove', 'add'];
  const what: Record<keyof Figures, string> = { dijkstra: `metro many-to-one, Dijkstra (${CUTOFF_S / 60}-min cutoff), per query`, place: 'MaintainedOrigins: 1,000 units placed at once (setMany)', move: 'MaintainedOrigins: a unit moved (anywhere)', remove: 'MaintainedOrigins: a unit removed (its cell refilled)', add: 'MaintainedOrigins: a unit placed again' };
  console.log(`Metro ${SIDE}x${SIDE} Baltimore tiles; ${ROUNDS} rounds per checkout, interleaved; CPU ms; 1-minute load ${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)}`);
  console.log('| operation | this checkout p50 / p99 | base p50 / p99 | ratio p50 / p99 |');
  console.log('| --- | --- | --- | --- |');
  for (const k of kinds) {
    const ours = runs.get(ROOT)!.flatMap((f) => f[k]);
    const theirs = base ? runs.get(base)!.flatMap((f) => f[k]) : [];
    const ratio = base ? `${(pct(ours, 0.5) / pct(theirs, 0.5)).toFixed(2)}x / ${(pct(ours, 0.99) / pct(theirs, 0.99)).toFixed(2)}x` : '';
    console.log(`| ${what[k]} | ${ms(pct(ours, 0.5))} / ${ms(pct(ours, 0.99))} | ${base ? `${ms(pct(theirs, 0.5))} / ${ms(pct(theirs, 0.99))}` : ''} | ${ratio} |`);
  }
}

async function measure(): Promise<Figures> {
  const graph = new RoadGraph(stitchTiles(await importOsm(`${ROOT}data/osm/baltimore.osm.pbf`), SIDE));
  const units = randomPlaces(graph, 1000, 1);
  const places = randomPlaces(graph, 200 + QUERIES + 2 * UPDATES, 2);
  const cpu = (run: () => void) => { const t = process.cpuUsage(); run(); const u = process.cpuUsage(t); return (u.user + u.system) / 1000; };
  const f: Figures = { dijkstra: [], place: [], move: [], remove: [], add: [] };
  for (let w = 0; w < 3; w++) manyToOne(graph, units, places[w]!, { cutoff: CUTOFF_S });
  for (let i = 0; i < QUERIES; i++) f.dijkstra.push(cpu(() => manyToOne(graph, units, places[200 + i]!, { cutoff: CUTOFF_S })));
  const maintained = new MaintainedOrigins(graph, CUTOFF_S);
  f.place.push(cpu(() => maintained.setMany(units.map((at, id) => ({ id, at })))));
  for (let i = 0; i < UPDATES; i++) f.move.push(cpu(() => maintained.set(i % units.length, places[200 + QUERIES + i]!)));
  for (let i = 0; i < UPDATES; i++) f.remove.push(cpu(() => maintained.remove(units.length - 1 - i)));
  for (let i = 0; i < UPDATES; i++) f.add.push(cpu(() => maintained.set(units.length - 1 - i, places[200 + QUERIES + UPDATES + i]!)));
  return f;
}
