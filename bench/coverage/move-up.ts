// Move-up (issue 16 §3), side by side in one run on the Baltimore graph: after dispatches took a
// fifth of the units, which of the remaining units to move where. Ours (greedy, a pair of moves
// when no single move gains, one re-optimisation pass) vs a plain greedy, on the same instances;
// the time includes every road search the API makes (units' and posts' cover, the drive times
// the model asks for), in CPU time. The graphs carry a contraction hierarchy per profile, as the
// deployment's do (built before the clock starts, as the deployment reads them from its cache);
// a third of the units are foot patrols (timed as cars), the rest patrol cars (emergency profile).
// Usage: npm run bench:coverage:move-up   (BENCH_DOC=0 leaves docs/benchmarks.md alone)
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROFILES, RoadGraph, type Profile } from '@firebreak/roadgraph';
import { BALTIMORE_PBF, extract } from '../../packages/roadgraph/src/testing/extracts.js';
import { planMoveUp, type MoveUpUnit } from '../../apps/server/src/modules/coverage/plan-move-up.js';
import type { KeyPlacePoint } from '../../apps/server/src/modules/places/index.js';
import { writeSection } from '../lib/benchmarks-doc.js';
import { machine } from '../lib/machine.js';
import { percentile } from '../lib/stats.js';
import { seededRandom } from '../../packages/roadgraph/src/testing/factories.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DOC = path.resolve(HERE, '../../docs/benchmarks.md');
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function randomLonLat(graph: RoadGraph, count: number, seed: number): [number, number][] {
  // mulberry32: the float LCG used before cycled after ~2,700 draws, stacking the points (see live-world.ts).
  const random = seededRandom(seed);
  const out: [number, number][] = [];
  while (out.length < count) {
    const v = Math.floor(random() * graph.nodeCount);
    if (graph.mainNetwork[v] === 1) out.push([graph.data.nodeLon[v]!, graph.data.nodeLat[v]!]);
  }
  return out;
}

async function main(): Promise<void> {
  const data = await extract(BALTIMORE_PBF);
  const graphs = Object.fromEntries(PROFILES.map((p) => { const g = new RoadGraph(data, p); g.buildHierarchy(); return [p, g]; })) as Record<Profile, RoadGraph>;
  const graph = graphs.car;
  const m = machine();
  const cpu = (): number => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
  const lines: string[] = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${m.cpus} × ${m.cpuModel}, Node ${m.node}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} at the start (shared machine: other work was running), with \`npm run bench:coverage:move-up\`. Baltimore, ${graph.nodeCount} junctions, a contraction hierarchy per profile; T = 3 min; up to 3 moves; the target is the coverage before the dispatches; a third of the units foot patrols (car profile), the rest patrol cars (emergency profile). Times are CPU time of this process per recommendation (user + system), p50 and max over five rounds.`,
    '', '| places | units (movable) | posts | before → after dispatches | ours: after, moves | plain greedy: after, moves | post covers searched (of all) | drive-time searches (of a full table) | road searches CPU p50 ms | model CPU p50 ms, ours / plain greedy | total CPU p50 / max ms (ours) | ours / plain greedy, total |', '| ---: | ---: | ---: | --- | --- | --- | ---: | ---: | ---: | --- | --- | ---: |',
  ];
  for (const [places, unitCount, postCount] of [[500, 40, 100], [2_000, 120, 300]] as const) {
    const demand: KeyPlacePoint[] = randomLonLat(graph, places, 21).map(([lon, lat], i) => ({ id: `p${i}`, name: `place ${i}`, category: 'school', jurisdictionPath: 'b', lon, lat }));
    const posts: KeyPlacePoint[] = randomLonLat(graph, postCount, 22).map(([lon, lat], i) => ({ id: `s${i}`, name: `station ${i}`, category: 'police_station', jurisdictionPath: 'b', lon, lat }));
    const all: MoveUpUnit[] = randomLonLat(graph, unitCount, 23).map(([lon, lat], i) => ({ id: `u${i}`, callSign: `U${i}`, kind: i % 3 === 0 ? 'foot_patrol' : 'patrol_car', lon, lat, movable: true }));
    const full = planMoveUp(graphs, { demand, posts, units: all, minutes: 3, threshold: 1, maxMoves: 0 });
    const oursMs: number[] = [], plainMs: number[] = [], searchMs: number[] = [], oursModel: number[] = [], plainModel: number[] = [], etaSearches: number[] = [], postCovers: number[] = [];
    const fullTable = Math.min(postCount + places, 1_000) * 2;
    let ours = full, plain = full;
    // Five scripted dispatch rounds: each takes a different fifth of the units away.
    for (let round = 0; round < 5; round++) {
      const left = all.filter((_, i) => i % 5 !== round);
      let t0 = cpu();
      ours = planMoveUp(graphs, { demand, posts, units: left, minutes: 3, threshold: full.before, maxMoves: 3 });
      oursMs.push(cpu() - t0);
      t0 = cpu();
      plain = planMoveUp(graphs, { demand, posts, units: left, minutes: 3, threshold: full.before, maxMoves: 3, plainGreedy: true });
      plainMs.push(cpu() - t0);
      searchMs.push(ours.searchCpuMs); oursModel.push(ours.modelCpuMs); plainModel.push(plain.modelCpuMs); etaSearches.push(ours.etaSearches); postCovers.push(ours.postCovers);
      say(`round ${round}: ${places} places, before ${pct(full.before)} → ${pct(ours.before)}; ours ${pct(ours.after)} (${ours.moves.length} moves, ${oursMs.at(-1)!.toFixed(0)} ms); plain ${pct(plain.after)} (${plain.moves.length} moves, ${plainMs.at(-1)!.toFixed(0)} ms)`);
    }
    const ratio = percentile([...oursMs].sort((x, y) => x - y), 50) / percentile([...plainMs].sort((x, y) => x - y), 50);
    for (const a of [oursMs, plainMs, searchMs, oursModel, plainModel, etaSearches, postCovers]) a.sort((x, y) => x - y);
    const p50 = (a: number[]) => percentile(a, 50).toFixed(a === oursModel || a === plainModel ? 1 : 0);
    const row = `| ${places} | ${unitCount} (${unitCount - unitCount / 5}) | ${postCount} | ${pct(full.before)} → ${pct(ours.before)} | ${pct(ours.after)}, ${ours.moves.length} | ${pct(plain.after)}, ${plain.moves.length} | ${postCovers.at(-1)} (${fullTable}) | ${etaSearches.at(-1)} (${fullTable}) | ${p50(searchMs)} | ${p50(oursModel)} / ${p50(plainModel)} | ${p50(oursMs)} / ${oursMs.at(-1)!.toFixed(0)} | ${ratio.toFixed(2)} |`;
    lines.push(row);
    say(row);
  }
  lines.push('', `Load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}. The "after" columns are of the last round (both methods on the same instance). Road searches: each unit's cover within T (\`reachWithin\`: one search over the ball within T, the places hung on their nodes), the covers of the posts the model asked for (the posts near an uncovered place, found by a backward search from each uncovered place: a move gains at most what its post covers of those) and the drive times the model asked for — one backward search per post and graph asked (the most in a round; in brackets what a full units × posts table per graph would have cost in searches). The model is the part the method changes.`);
  if (process.env.BENCH_DOC !== '0') writeSection(DOC, 'Coverage move-up', lines.join('\n'));
}

void main();
