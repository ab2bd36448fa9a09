/**
 * The simulated demo country's figures over a stretch of simulated time, computed as fast as the
 * machine goes (an injected clock), in a throw-away data folder: what docs/simulation.md reports.
 *
 *   node --import tsx scripts/simulate-report.ts [--hours 8] [--rate 6] [--seed 1] [--tick 30] [--priorities 50,25,15,10]
 *
 * Prints one line per priority: calls, share with a unit on scene, call processing p50/p90,
 * turnout p50, travel p50, first unit on scene p50/p90, share within 5 and 10 min, units per
 * call, arrivals by AVL, and the 1-3-5 tiers met.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from '../apps/server/src/config.js';
import { mss, simulatedFigures, Simulator } from '../apps/server/src/modules/simulation/index.js';
import { startPlatform } from '../apps/server/src/platform/kernel.js';
import { ensureWorld } from '../apps/server/src/world.js';

const { values } = parseArgs({ options: {
  hours: { type: 'string', default: '8' }, rate: { type: 'string', default: '6' }, seed: { type: 'string', default: '1' }, tick: { type: 'string', default: '30' },
  priorities: { type: 'string' },
} });
const [hours, rate, seed, tick] = [Number(values.hours), Number(values.rate), Number(values.seed), Number(values.tick)];
const mix = values.priorities?.split(',').map(Number);
const priorities = mix && mix.length === 4 && mix.every((n) => Number.isFinite(n) && n >= 0) ? { P1: mix[0]!, P2: mix[1]!, P3: mix[2]!, P4: mix[3]! } : undefined;
if (values.priorities && !priorities) throw new Error('--priorities: four numbers, P1,P2,P3,P4 (percent)');
const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-simreport-'));
const start = new Date(Date.UTC(2026, 3, 6, 6, 0, 0));
let now = new Date(start);
// Always the embedded database in the throw-away folder, whatever the environment says.
const { DATABASE_URL: _db, DATABASE_OWNER_URL: _owner, NATS_URL: _nats, MQTT_URL: _mqtt, ...env } = process.env;
const config = loadConfig({ ...env, FIREBREAK_DATA_DIR: dir, MFA_REQUIRED_ROLES: '', LOG_LEVEL: 'error' });
const platform = await startPlatform(config, pino({ level: 'error' }), { clock: () => now });
const wall = Date.now();
try {
  await ensureWorld(platform, config, () => undefined);
  const sim = await Simulator.start(platform, { seed, ratePerHour: rate, ...(priorities ? { priorities } : {}) });
  for (let i = 0; i < (hours * 3600) / tick; i++) {
    now = new Date(now.getTime() + tick * 1000);
    await sim.tick();
  }
  const figures = await simulatedFigures(platform.db, start, now);
  console.log(`Simulated ${hours} h at ${rate} calls/h${values.priorities ? ` (priorities ${values.priorities} %)` : ''}, seed ${seed}, tick ${tick} s (${((Date.now() - wall) / 1000).toFixed(0)} s wall)`);
  console.log('| priority | calls | with a unit on scene | call processing p50 / p90 | turnout p50 | travel p50 | first on scene p50 / p90 | ≤ 5 min | ≤ 10 min | units per call | tiers met (2 / 3) |');
  console.log('| --- | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | --- |');
  const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(0)} %`);
  for (const f of figures) {
    const tier = (n: number) => pct(f.tiers.find((t) => t.tier === n)?.rate ?? null);
    console.log(`| ${f.priority} | ${f.calls} | ${pct(f.arrived / f.calls)} | ${mss(f.callToDispatchP50)} / ${mss(f.callToDispatchP90)} | ${mss(f.turnoutP50)} | ${mss(f.travelP50)} | ${mss(f.callToArrivalP50)} / ${mss(f.callToArrivalP90)} | ${pct(f.within5Min)} | ${pct(f.within10Min)} | ${f.unitsPerCall ?? '–'} | ${tier(2)} / ${tier(3)} |`);
  }
  const byAvl = figures.map((f) => f.arrivalsByAvl ?? 0);
  console.log(`Arrivals detected from AVL fixes: ${pct(Math.min(...byAvl))}-${pct(Math.max(...byAvl))} by priority`);
} finally {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
}
