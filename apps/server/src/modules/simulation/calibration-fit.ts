import { readCsv } from '../history/index.js';

/**
 * Fitting the simulator's timings to a real service's, pure: the bundled San Francisco Fire
 * Department week (`data/calls/sf_fire_calls_2016-12-31_week.csv`, one row per unit per call).
 * `scripts/fit-simulation.ts` prints the fit; `calibration.ts` holds its parameters, and a test
 * checks they are what this function finds in the file.
 */

/** A log-normal distribution (ln X ~ N(mu, sigma)), truncated to [min, max] seconds when sampled. */
export interface LogNormal {
  mu: number;
  sigma: number;
  /** The data's 1st and 99th percentiles: samples are clamped to them (no 3-hour call taking). */
  min: number;
  max: number;
}

export interface LogNormalFit extends LogNormal {
  /** Samples used (durations > 0 s). */
  n: number;
  /** Durations of 0 s or less left out (SF's clock artefacts: a unit "en route" before it was sent). */
  excluded: number;
  /** The data's p50 and p90, which the fit reproduces exactly (see fitLogNormal). */
  p50: number;
  p90: number;
  /** Kolmogorov-Smirnov distance between the data and the fitted distribution (0 = identical). */
  ks: number;
}

/** z of the normal distribution's 90th percentile. */
export const Z90 = 1.2815515655446004;

/** The q-quantile by linear interpolation between order statistics (PostgreSQL's `percentile_cont`). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 via erf; error < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * A log-normal fitted to durations by their median and 90th percentile: mu = ln p50,
 * sigma = (ln p90 - ln p50) / z90. Matching the two quantiles a response-time report shows (rather
 * than maximum likelihood, whose sigma the many 1-5 s button presses in the SF data inflate) keeps
 * the simulated p50 and p90 those of the data. Durations of 0 s or less are left out and counted.
 */
export function fitLogNormal(durations: readonly number[]): LogNormalFit {
  const sorted = durations.filter((d) => d > 0).sort((a, b) => a - b);
  if (sorted.length < 10) throw new Error(`too few durations to fit (${sorted.length})`);
  const [p50, p90] = [quantile(sorted, 0.5), quantile(sorted, 0.9)];
  const mu = Math.log(p50);
  const sigma = (Math.log(p90) - mu) / Z90;
  let ks = 0;
  for (const [i, x] of sorted.entries()) {
    const f = normalCdf((Math.log(x) - mu) / sigma);
    ks = Math.max(ks, Math.abs(f - i / sorted.length), Math.abs(f - (i + 1) / sorted.length));
  }
  return { mu, sigma, min: quantile(sorted, 0.01), max: quantile(sorted, 0.99), n: sorted.length, excluded: durations.length - sorted.length, p50, p90, ks };
}

/** The simulator's classes: Firebreak P1 is SF's emergency class (Final Priority 3); P2-P4 its non-emergency one (2). */
export type PriorityClass = 'emergency' | 'non_emergency';
export type Measure = 'callProcessing' | 'turnout' | 'onScene';

export type SfWeekFit = Record<Measure, Record<PriorityClass, LogNormalFit>>;

/** SF's "12/31/2016 11:57:56 PM" as milliseconds of a wall clock (differences only: the week has no DST change). */
function wallClock(text: string): number | null {
  const m = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):(\d\d) (AM|PM)$/.exec(text.trim());
  if (!m) return null;
  const hour = (Number(m[4]) % 12) + (m[7] === 'PM' ? 12 : 0);
  return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), hour, Number(m[5]), Number(m[6]));
}

/**
 * The SF week's durations by priority class (`Final Priority`: 3 emergency, else non-emergency):
 * - call processing, per call: received -> its first unit dispatched (NFPA 1710's alarm processing);
 * - turnout, per unit: dispatched -> en route ("Response DtTm");
 * - on scene, per unit that transported no one: on scene -> available (the time it is busy there).
 */
export function sfWeekDurations(csv: string): Record<Measure, Record<PriorityClass, number[]>> {
  const [head, ...records] = readCsv(csv);
  const col = (name: string) => {
    const i = head!.fields.indexOf(name);
    if (i < 0) throw new Error(`the SF file has no column ${name}`);
    return i;
  };
  const c = {
    call: col('Call Number'), priority: col('Final Priority'), received: col('Received DtTm'), dispatched: col('Dispatch DtTm'),
    response: col('Response DtTm'), onScene: col('On Scene DtTm'), transport: col('Transport DtTm'), available: col('Available DtTm'),
  };
  const out: Record<Measure, Record<PriorityClass, number[]>> = {
    callProcessing: { emergency: [], non_emergency: [] }, turnout: { emergency: [], non_emergency: [] }, onScene: { emergency: [], non_emergency: [] },
  };
  const firstDispatch = new Map<string, { cls: PriorityClass; received: number; dispatched: number }>();
  for (const { fields: f } of records) {
    const cls: PriorityClass = f[c.priority]?.trim() === '3' ? 'emergency' : 'non_emergency';
    const [received, dispatched, response, onScene, available] = [c.received, c.dispatched, c.response, c.onScene, c.available].map((i) => wallClock(f[i] ?? ''));
    if (received !== null && dispatched !== null && dispatched !== undefined) {
      const held = firstDispatch.get(f[c.call]!);
      if (!held || dispatched < held.dispatched) firstDispatch.set(f[c.call]!, { cls, received: received!, dispatched });
    }
    if (dispatched != null && response != null) out.turnout[cls].push((response - dispatched) / 1000);
    if (onScene != null && available != null && !(f[c.transport] ?? '').trim()) out.onScene[cls].push((available - onScene) / 1000);
  }
  for (const d of firstDispatch.values()) out.callProcessing[d.cls].push((d.dispatched - d.received) / 1000);
  return out;
}

/** Every measure of every class fitted. */
export function fitSfWeek(csv: string): SfWeekFit {
  const d = sfWeekDurations(csv);
  const both = (m: Measure) => ({ emergency: fitLogNormal(d[m].emergency), non_emergency: fitLogNormal(d[m].non_emergency) });
  return { callProcessing: both('callProcessing'), turnout: both('turnout'), onScene: both('onScene') };
}
