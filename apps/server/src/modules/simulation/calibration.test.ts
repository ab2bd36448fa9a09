import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitLogNormal, fitSfWeek, quantile, sfWeekDurations, Z90 } from './calibration-fit.js';
import { normal, sampleLogNormal, sampleSeconds, sampleTravelFactor, SF_WEEK_FIT, TRAVEL_FACTOR } from './calibration.js';
import { seeded } from './random.js';

const SF = readFileSync(new URL('../../../../../data/calls/sf_fire_calls_2016-12-31_week.csv', import.meta.url), 'utf8');

const draws = (n: number, f: () => number) => Array.from({ length: n }, f).sort((a, b) => a - b);

describe('the fit of the SF week', () => {
  const fit = fitSfWeek(SF);

  it('finds the parameters the simulator uses (calibration.ts is the fit of the bundled file)', () => {
    for (const [measure, byClass] of Object.entries(SF_WEEK_FIT)) {
      for (const [cls, used] of Object.entries(byClass)) {
        const found = fit[measure as keyof typeof fit][cls as keyof typeof byClass];
        expect(used.mu, `${measure} ${cls} mu`).toBeCloseTo(found.mu, 3);
        expect(used.sigma, `${measure} ${cls} sigma`).toBeCloseTo(found.sigma, 3);
        expect(used.min, `${measure} ${cls} min`).toBeCloseTo(found.min, 0);
        expect(used.max, `${measure} ${cls} max`).toBeCloseTo(found.max, 0);
      }
    }
  });

  it('reads the calls and units of the week: every call with a dispatch once, emergency by Final Priority 3', () => {
    const d = sfWeekDurations(SF);
    // 3,560 calls, each dispatched (the file holds units that were sent): one call-processing time each.
    expect(d.callProcessing.emergency.length + d.callProcessing.non_emergency.length).toBe(3560);
    // SF's published week (issue 12): received -> dispatch p50 113 s, p90 265 s over all calls.
    const all = [...d.callProcessing.emergency, ...d.callProcessing.non_emergency].sort((a, b) => a - b);
    expect(quantile(all, 0.5)).toBe(113);
    expect(quantile(all, 0.9)).toBeCloseTo(265, -1);
    // Emergencies are taken faster than the rest.
    expect(fit.callProcessing.emergency.p50).toBeLessThan(fit.callProcessing.non_emergency.p50);
  });

  it('reproduces the data p50 and p90 by construction, and says how far the whole shape is off', () => {
    const f = fit.turnout.emergency;
    expect(Math.exp(f.mu)).toBeCloseTo(f.p50, 6);
    expect(Math.exp(f.mu + Z90 * f.sigma)).toBeCloseTo(f.p90, 6);
    for (const byClass of Object.values(fit)) for (const g of Object.values(byClass)) expect(g.ks).toBeGreaterThan(0);
    expect(f.excluded).toBeGreaterThan(0); // SF's 0 s and negative turnouts are left out, and counted
  });

  it('fits a log-normal it drew itself back to its parameters', () => {
    const random = seeded(7);
    const truth = { mu: 5, sigma: 0.6, min: 0, max: Infinity };
    const fitted = fitLogNormal(draws(20_000, () => sampleLogNormal(random, truth)));
    expect(fitted.mu).toBeCloseTo(5, 1);
    expect(fitted.sigma).toBeCloseTo(0.6, 1);
    expect(fitted.ks).toBeLessThan(0.02);
  });

  it('refuses to fit a handful of durations', () => {
    expect(() => fitLogNormal([1, 2, 3, 0, -1])).toThrow(/too few/);
  });
});

describe('sampling, seeded', () => {
  it('draws standard normals', () => {
    const random = seeded(42);
    const z = draws(20_000, () => normal(random));
    expect(quantile(z, 0.5)).toBeCloseTo(0, 1);
    expect(quantile(z, 0.9)).toBeCloseTo(Z90, 1);
  });

  it('gives the fitted p50 and p90 of P1 call processing and turnout, within the clamp', () => {
    for (const measure of ['callProcessing', 'turnout'] as const) {
      const random = seeded(2026);
      const d = SF_WEEK_FIT[measure].emergency;
      const x = draws(20_000, () => sampleSeconds(random, measure, 'P1'));
      expect(quantile(x, 0.5) / Math.exp(d.mu)).toBeGreaterThan(0.95);
      expect(quantile(x, 0.5) / Math.exp(d.mu)).toBeLessThan(1.05);
      expect(quantile(x, 0.9) / Math.exp(d.mu + Z90 * d.sigma)).toBeGreaterThan(0.95);
      expect(quantile(x, 0.9) / Math.exp(d.mu + Z90 * d.sigma)).toBeLessThan(1.05);
      expect(x[0]).toBeGreaterThanOrEqual(d.min);
      expect(x.at(-1)).toBeLessThanOrEqual(d.max);
    }
  });

  it('uses the non-emergency class for P2-P4', () => {
    const a = seeded(3);
    const b = seeded(3);
    expect(sampleSeconds(a, 'callProcessing', 'P3')).toBe(sampleLogNormal(b, SF_WEEK_FIT.callProcessing.non_emergency));
  });

  it('is the same stream for the same seed', () => {
    const run = (seed: number) => {
      const r = seeded(seed);
      return [sampleSeconds(r, 'turnout', 'P1'), sampleTravelFactor(r), sampleSeconds(r, 'onScene', 'P2')];
    };
    expect(run(11)).toEqual(run(11));
    expect(run(11)).not.toEqual(run(12));
  });

  it('stretches travel by a median 1.05 and a p90 1.35', () => {
    const random = seeded(9);
    const x = draws(20_000, () => sampleTravelFactor(random));
    expect(quantile(x, 0.5)).toBeCloseTo(1.05, 1);
    expect(quantile(x, 0.9)).toBeCloseTo(1.35, 1);
    expect(x[0]).toBeGreaterThanOrEqual(TRAVEL_FACTOR.min);
  });
});
