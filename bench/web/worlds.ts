import { INCIDENT_TYPES } from '@firebreak/contracts';
import { pino } from 'pino';
import { loadConfig } from '../../apps/server/src/config.js';
import { startPlatform } from '../../apps/server/src/platform/kernel.js';
import { ensureWorld } from '../../apps/server/src/world.js';
import { BENCH_ADMIN_PASSWORD, fleetDatabase, type FleetDatabase } from '../lib/fleet-db.js';
import { createScratchDatabase, type ScratchDatabase } from '../lib/scratch-db.js';

/** Around Liechtenstein: the base map's extent, where the synthetic fleet and incidents lie. */
export const BOX = { minLon: 9.48, minLat: 47.06, maxLon: 9.62, maxLat: 47.24 };

/** A fresh database with the demo world exactly as the first `npm start` makes it (demo on). */
export async function demoDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const scratch = await createScratchDatabase(serverUrl, 'firebreak_bench_web_demo');
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', MFA_REQUIRED_ROLES: '', FIREBREAK_DEMO: 'true', FIREBREAK_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD }), databaseUrl: scratch.url };
  const platform = await startPlatform(config, pino({ level: 'silent' }));
  try {
    await ensureWorld(platform, config, () => undefined);
    await platform.relay.drain();
  } finally {
    await platform.close();
  }
  return scratch;
}

/** A deterministic pseudo-random sequence, so every run loads the same fleet. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export const inBox = (r: () => number): [number, number] => [BOX.minLon + r() * (BOX.maxLon - BOX.minLon), BOX.minLat + r() * (BOX.maxLat - BOX.minLat)];

/** 5,000 units (bulk-inserted with a live fix each) under one national jurisdiction around the country. */
export async function fleetWorld(serverUrl: string, units: number): Promise<FleetDatabase & { homes: [number, number][] }> {
  const r = lcg(7);
  const homes = Array.from({ length: units }, () => inBox(r));
  const db = await fleetDatabase(serverUrl, 'firebreak_bench_web_fleet', BOX, homes.map((home) => ({ home, fix: home })));
  return { ...db, homes };
}

/** Opens `n` incidents through the API (as intake does), a few at a time. */
export async function openIncidents(base: string, cookie: string, n: number): Promise<void> {
  const r = lcg(11);
  const bodies = Array.from({ length: n }, (_, i) => ({ type: INCIDENT_TYPES[i % INCIDENT_TYPES.length], priority: `P${1 + (i % 4)}`, location: inBox(r), narrative: `bench incident ${i}` }));
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const res = await fetch(`${base}/api/v1/incidents`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`open incident: ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

/** An AVL gateway account for the jurisdiction and its bearer token. */
export async function deviceToken(base: string, adminCookie: string, jurisdictionId: string): Promise<string> {
  const post = async (path: string, body: object) => {
    const res = await fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { cookie: adminCookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, string>>;
  };
  const device = await post('/staff', { username: `avl-bench-${Date.now()}`, displayName: 'AVL gateway (bench)', kind: 'device', jurisdictionId, grants: [{ role: 'unit_member', jurisdictionId }] });
  return (await post(`/staff/${device.id}/tokens`, { name: 'bench' })).token!;
}
