import { loginCookie, startAppServer, stopAppServer } from '../lib/app-server.js';
import { BENCH_ADMIN_PASSWORD } from '../lib/fleet-db.js';
import { keepAliveClient } from '../lib/keep-alive.js';

/**
 * The same keystrokes as `GET /api/v1/geocode?q=&near=&limit=8` to the real server (a child
 * process on its own event loop, the extract as its FIREBREAK_ROAD_PBF, on the bench's database),
 * signed in as the administrator, one kept-alive connection, one request at a time: the latency a
 * dispatcher's browser sees per key, not the server's throughput. Milliseconds per request,
 * response body read in full.
 */
export async function keystrokesOverHttp(databaseUrl: string, pbf: string, typed: string[], near: readonly [number, number]): Promise<number[]> {
  const server = await startAppServer(databaseUrl, { FIREBREAK_ROAD_PBF: pbf });
  try {
    const client = keepAliveClient(server.base, await loginCookie(server.base, 'admin', BENCH_ADMIN_PASSWORD));
    try {
      const get = async (q: string) => {
        const res = await client.get(`/api/v1/geocode?q=${encodeURIComponent(q)}&near=${near.join(',')}&limit=8`);
        if (res.status !== 200) throw new Error(`geocode "${q}": ${res.status} ${res.body}`);
      };
      // Warm-up: the first search reads the extract and builds the index (about a second); then the JIT.
      for (const q of typed.slice(0, 200)) await get(q);
      const times: number[] = [];
      for (const q of typed) {
        const t0 = performance.now();
        await get(q);
        times.push(performance.now() - t0);
      }
      return times;
    } finally {
      client.close();
    }
  } finally {
    await stopAppServer(server);
  }
}
