// What the national coverage question's outliers are (issue 16 §1: p99 <= 100 ms, 200,000 places,
// 10,000 units): the metro graph and the maintained state of bench:coverage:live, then questions
// as the route asks them on places read afresh each time (new rows and strings, as the database read
// hands them over), each between two marker lines, so that node --trace-gc's lines between the
// markers are the collections inside that question.
// COVERAGE_PATH=new: the route's code (`liveAnswer`); =old: as the route did it before (placesInWindow,
// then a copy of each place with its hours into MaintainedCoverage.coverage).
// Usage: node --trace-gc --import tsx bench/coverage/live-gc.ts > trace.txt   (BENCH_QUERY_RUNS=40)
//   then grep -E '^(question|\[)' trace.txt; with --cpu-prof, bench/lib/profile-shares.ts on the profile.
import { MaintainedCoverage } from '../../apps/server/src/modules/coverage/maintained-coverage.js';
import { placesInWindow } from '../../apps/server/src/modules/coverage/windows.js';
import { percentile } from '../lib/stats.js';
import { cpuNow, liveWorld, say } from './live-world.js';

const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 40);
const PATH = process.env.COVERAGE_PATH === 'old' ? 'old' : 'new';

async function main(): Promise<void> {
  const { metro, graphs, places, units } = await liveWorld(14);
  const state = new MaintainedCoverage(graphs);
  state.sync(units);
  state.coverage(places);
  const byPath = new Map<string, Readonly<Record<string, string>>>();
  const { liveAnswer } = PATH === 'new' ? await import('../../apps/server/src/modules/coverage/live-answer.js') : { liveAnswer: null };
  const fresh = (x: string) => `#${x}`.slice(1);
  say(`path ${PATH}: ${metro.nodeCount} routing nodes, ${places.length} places, ${units.length} units; questions follow`);
  const cpu: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const rows = places.map((p) => ({ id: fresh(p.id), name: fresh(p.name), category: fresh(p.category), jurisdictionPath: fresh(p.jurisdictionPath), lon: p.lon, lat: p.lat, openingHours: null }));
    say(`question ${k} start`);
    const w = performance.now(), c = cpuNow();
    state.sync(units);
    if (liveAnswer) liveAnswer(state, rows, byPath, null);
    else {
      const { counted } = placesInWindow(rows, byPath, null);
      state.coverage(counted.map((p) => ({ ...p.place, hours: p.hours, hoursSource: p.hoursSource })));
    }
    const spent = cpuNow() - c;
    cpu.push(spent);
    say(`question ${k} end: CPU ${spent.toFixed(1)} ms, wall ${(performance.now() - w).toFixed(1)} ms`);
  }
  cpu.sort((a, b) => a - b);
  say(`path ${PATH}: CPU p50 ${percentile(cpu, 50).toFixed(1)} p99 ${percentile(cpu, 99).toFixed(1)} max ${cpu.at(-1)!.toFixed(1)} ms over ${RUNS}`);
}

void main();
