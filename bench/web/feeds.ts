// The bench's 1 Hz feeds, on the Node side: the fixes each unit sends, and a once-a-second caller.

export interface Fix { unitId: string; location: [number, number]; at: string; heading: number }

/** Every unit moves a few tens of metres a second on a small circle around its home. */
export function fixesAt(tick: number, ids: string[], homes: [number, number][]): Fix[] {
  const at = new Date().toISOString();
  return ids.map((unitId, i) => {
    const a = tick / 10 + i;
    return { unitId, location: [homes[i]![0] + 0.0005 * Math.cos(a), homes[i]![1] + 0.0004 * Math.sin(a)], at, heading: Math.round(((a * 180) / Math.PI + 90) % 360) };
  });
}

/** Calls `send` once a second (skipping a second while the previous call is still running). */
export function everySecond(send: (tick: number) => Promise<void>) {
  const stats = { sent: 0, skipped: 0, ms: [] as number[] };
  let busy = false;
  let tick = 0;
  const timer = setInterval(() => {
    if (busy) return void stats.skipped++;
    busy = true;
    const t = performance.now();
    void send(++tick).then(() => {
      stats.ms.push(performance.now() - t);
      stats.sent++;
      busy = false;
    });
  }, 1000);
  return { stats, stop: () => clearInterval(timer) };
}
