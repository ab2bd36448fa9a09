/**
 * Makes the data of the upgrade fixture (issue 21): the demo world and a stretch of simulated
 * time, written by the release this file is copied into (scripts/make-upgrade-fixture.sh runs it
 * in a scratch worktree of an older commit), on the PostgreSQL database of DATABASE_URL.
 *
 *   DATABASE_URL=postgres://… AUDIT_SIGNING_KEY=… node --import tsx scripts/upgrade-fixture-world.ts [--hours 3] [--seed 21]
 *
 * The clock is injected (a fixed start, 30 s ticks), so the same seed makes the same world.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from '../apps/server/src/config.js';
import { Simulator } from '../apps/server/src/modules/simulation/index.js';
import { startPlatform } from '../apps/server/src/platform/kernel.js';
import { ensureWorld } from '../apps/server/src/world.js';

const { values } = parseArgs({ options: { hours: { type: 'string', default: '3' }, seed: { type: 'string', default: '21' } } });
const hours = Number(values.hours);
const seed = Number(values.seed);
const TICK_S = 30;
const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-fixture-'));
let now = new Date(Date.UTC(2026, 3, 6, 6, 0, 0));
const { NATS_URL: _nats, MQTT_URL: _mqtt, ...env } = process.env;
const config = loadConfig({ ...env, FIREBREAK_DATA_DIR: dir, FIREBREAK_DEMO: 'true', MFA_REQUIRED_ROLES: '', LOG_LEVEL: 'error' });
const platform = await startPlatform(config, pino({ level: 'error' }), { clock: () => now });
try {
  await ensureWorld(platform, config, (m) => console.log(m));
  const sim = await Simulator.start(platform, { seed, ratePerHour: 6 });
  for (let i = 0; i < (hours * 3600) / TICK_S; i++) {
    now = new Date(now.getTime() + TICK_S * 1000);
    await sim.tick();
  }
  await platform.relay.drain();
  console.log(`simulated ${hours} h (seed ${seed}) up to ${now.toISOString()}`);
} finally {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
}
