/**
 * Fits the simulator's timings to the bundled San Francisco week and prints the parameters
 * (paste into apps/server/src/modules/simulation/calibration.ts) and a table for the docs:
 *
 *   node --import tsx scripts/fit-simulation.ts [file.csv]
 *
 * The method and the figures: apps/server/src/modules/simulation/CONTEXT.md, docs/simulation.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fitSfWeek } from '../apps/server/src/modules/simulation/calibration-fit.js';

const file = process.argv[2] ?? fileURLToPath(new URL('../data/calls/sf_fire_calls_2016-12-31_week.csv', import.meta.url));
const fit = fitSfWeek(readFileSync(file, 'utf8'));
const r = (x: number, d = 4) => Number(x.toFixed(d));
const params = Object.fromEntries(Object.entries(fit).map(([m, byClass]) => [m, Object.fromEntries(Object.entries(byClass).map(([c, f]) => [c, { mu: r(f.mu), sigma: r(f.sigma), min: r(f.min, 1), max: r(f.max, 1) }]))]));
console.log('// calibration.ts SF_WEEK_FIT');
console.log(JSON.stringify(params, null, 2));
console.log('\n| measure | class | n | left out (<= 0 s) | p50 s | p90 s | mu | sigma | clamp s | KS distance |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |');
for (const [m, byClass] of Object.entries(fit)) {
  for (const [c, f] of Object.entries(byClass)) {
    console.log(`| ${m} | ${c} | ${f.n} | ${f.excluded} | ${r(f.p50, 1)} | ${r(f.p90, 1)} | ${r(f.mu)} | ${r(f.sigma)} | ${r(f.min, 1)}-${r(f.max, 1)} | ${r(f.ks, 3)} |`);
  }
}
