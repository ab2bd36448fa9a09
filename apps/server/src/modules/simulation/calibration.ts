import type { Priority } from '@firebreak/contracts';
import type { LogNormal, Measure, PriorityClass } from './calibration-fit.js';

/**
 * The simulator's timings, pure. Parameters fitted to the bundled San Francisco week by
 * `scripts/fit-simulation.ts` (`calibration-fit.ts`; a test checks these are what the fit finds
 * in the file): log-normal by their p50 and p90, clamped to the data's p1..p99. Reasoning and
 * figures in CONTEXT.md and docs/simulation.md.
 */
export const SF_WEEK_FIT: Record<Measure, Record<PriorityClass, LogNormal>> = {
  callProcessing: {
    emergency: { mu: 4.6151, sigma: 0.563, min: 8, max: 451.4 },
    non_emergency: { mu: 4.9767, sigma: 0.6809, min: 10, max: 928 },
  },
  turnout: {
    emergency: { mu: 4.1744, sigma: 0.5528, min: 4, max: 273 },
    non_emergency: { mu: 3.2189, sigma: 1.1418, min: 3, max: 248.5 },
  },
  onScene: {
    emergency: { mu: 6.3081, sigma: 0.9339, min: 6, max: 5710.9 },
    non_emergency: { mu: 6.6425, sigma: 0.8408, min: 6, max: 4202 },
  },
};

/**
 * Travel = the road graph's ETA x this factor, drawn per trip: median 1.05, p90 1.35, clamped to
 * 0.85..2. An assumption, not a fit (the SF file has travel times but no ETAs to compare them
 * with): the graph's ETA is free flow at each road class's speed; an engine under lights keeps
 * close to it on open roads and loses time at junctions, in villages and to traffic, weather and
 * snow, which skews late. mu = ln 1.05, sigma = ln(1.35 / 1.05) / z90.
 */
export const TRAVEL_FACTOR: LogNormal = { mu: Math.log(1.05), sigma: Math.log(1.35 / 1.05) / 1.2815515655446004, min: 0.85, max: 2 };

/** Firebreak P1 is SF's emergency class (Final Priority 3, lights and siren); P2-P4 its non-emergency one (Final Priority 2). */
export function priorityClass(priority: Priority): PriorityClass {
  return priority === 'P1' ? 'emergency' : 'non_emergency';
}

/** A standard normal draw from a uniform stream (Box-Muller; two uniforms per draw keeps the stream's use fixed). */
export function normal(random: () => number): number {
  const u1 = 1 - random(); // (0, 1]: ln never sees 0
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A draw of the log-normal, clamped to [min, max]. */
export function sampleLogNormal(random: () => number, d: LogNormal): number {
  return Math.min(d.max, Math.max(d.min, Math.exp(d.mu + d.sigma * normal(random))));
}

/** Seconds of a measure for a call of this priority, drawn from the fit. */
export function sampleSeconds(random: () => number, measure: Measure, priority: Priority): number {
  return sampleLogNormal(random, SF_WEEK_FIT[measure][priorityClass(priority)]);
}

/** The factor a trip's travel time is its road ETA times. */
export function sampleTravelFactor(random: () => number): number {
  return sampleLogNormal(random, TRAVEL_FACTOR);
}
