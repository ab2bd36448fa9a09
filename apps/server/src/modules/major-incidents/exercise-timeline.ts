/**
 * Plays a scripted exercise's steps at their minute offsets from the start, so calls arrive over
 * minutes as they would in a real event. The timer is injected: the CLI passes the real one, tests
 * one that moves the platform's injected clock, so no test waits or reads the wall clock.
 */

export interface TimelineStep<C> {
  /** Minutes after the start (the first call) at which the step is played. */
  atMinute: number;
  run: (c: C) => Promise<void>;
}

export interface Timer {
  now: () => number;
  /** Resolves after `ms` (or at once when `signal` aborts). */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface TimelineOptions {
  /**
   * How many times faster than real time (1 = real minutes, 10 = the ten-minute script in one).
   * `Infinity` plays everything at once, one step after the other (tests, the demo world).
   */
  speed: number;
  timer: Timer;
  /** Stops before the next step (Ctrl-C in the CLI): what was played stays played. */
  signal?: AbortSignal;
}

/** The real timer: wall-clock time and `setTimeout`, cut short by an abort. */
export const realTimer: Timer = {
  now: () => Date.now(),
  sleep: (ms, signal) => new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => { clearTimeout(handle); signal?.removeEventListener('abort', done); resolve(); };
    const handle = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  }),
};

/** When each step is due, in ms after the start, at the given speed (pure: the schedule a test can read). */
export function dueOffsetsMs(steps: readonly { atMinute: number }[], speed: number): number[] {
  if (!(speed > 0)) throw new RangeError(`speed must be above 0, got ${speed}`);
  return steps.map((s) => (Number.isFinite(speed) ? Math.round((s.atMinute * 60_000) / speed) : 0));
}

/**
 * Runs the steps in order, each once its offset has come (never earlier, never skipped: a step late
 * because the one before took long runs at once). Returns how many steps were played.
 */
export async function playTimeline<C>(steps: readonly TimelineStep<C>[], c: C, opts: TimelineOptions): Promise<number> {
  const offsets = dueOffsetsMs(steps, opts.speed);
  const start = opts.timer.now();
  let played = 0;
  for (const [i, step] of steps.entries()) {
    if (opts.signal?.aborted) break;
    const wait = start + offsets[i]! - opts.timer.now();
    if (wait > 0) await opts.timer.sleep(wait, opts.signal);
    if (opts.signal?.aborted) break;
    await step.run(c);
    played++;
  }
  return played;
}
