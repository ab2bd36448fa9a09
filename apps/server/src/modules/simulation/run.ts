import type { Platform } from '../../platform/kernel.js';
import { Simulator, type SimulatorOptions } from './simulator.js';

/**
 * Runs the simulator on a timer: a tick every `tickSeconds` of the platform's clock. A failed
 * tick is logged and the next one tries again. Returns a stop function that waits for the tick
 * in progress.
 */
export async function runSimulation(platform: Platform, options: SimulatorOptions & { tickSeconds?: number }): Promise<() => Promise<void>> {
  const sim = await Simulator.start(platform, options);
  const every = (options.tickSeconds ?? 2) * 1000;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const r = await sim.tick();
        if (r.raised.length || r.dispatched.length || r.arrived.length || r.cleared.length) {
          platform.log.debug({ raised: r.raised.length, dispatched: r.dispatched.length, arrived: r.arrived.length, cleared: r.cleared.length, fixes: r.fixes }, 'simulation tick');
        }
      } catch (err) {
        platform.log.error({ err }, 'simulation tick failed');
      }
    });
  }, every);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
