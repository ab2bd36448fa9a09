import { DEFAULT_SPEEDS_KMH, PROFILES, type Profile } from '@firebreak/roadgraph';
import { z } from 'zod';

/**
 * Parsers for the road network's cost settings (FIREBREAK_EMERGENCY_SPEED_FACTORS,
 * FIREBREAK_TRAFFIC_SIGNAL_SECONDS), declared and documented in config.ts. They live beside it so
 * each reports every problem in a value, not just the first.
 */

/** `class=factor,…`: lights-and-sirens speed factors per road class (ADR 0011); unset = none replaced. */
export const EmergencySpeedFactorsEnv = z.string().optional().transform((value, ctx) => {
  const factors: Record<string, number> = {};
  for (const entry of (value ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [cls, raw, ...rest] = entry.split('=').map((x) => x.trim());
    const factor = Number(raw);
    if (!cls || DEFAULT_SPEEDS_KMH[cls] === undefined || rest.length > 0) {
      ctx.addIssue({ code: 'custom', message: `"${entry}": expected <highway class>=<factor>, classes: ${Object.keys(DEFAULT_SPEEDS_KMH).join(', ')}` });
    } else if (!(factor >= 0.5 && factor <= 3)) {
      ctx.addIssue({ code: 'custom', message: `"${entry}": the factor must be a number from 0.5 to 3` });
    } else {
      factors[cls] = factor;
    }
  }
  return factors;
});

/** `profile=seconds,…`: what a traffic signal adds per profile; unset = nothing. */
export const TrafficSignalSecondsEnv = z.string().optional().transform((value, ctx) => {
  const seconds: Partial<Record<Profile, number>> = {};
  for (const entry of (value ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [profile, raw, ...rest] = entry.split('=').map((x) => x.trim());
    const n = raw === undefined || raw === '' ? Number.NaN : Number(raw);
    if (!profile || !(PROFILES as readonly string[]).includes(profile) || rest.length > 0) {
      ctx.addIssue({ code: 'custom', message: `"${entry}": expected <profile>=<seconds>, profiles: ${PROFILES.join(', ')}` });
    } else if (!(n >= 0 && n <= 60)) {
      ctx.addIssue({ code: 'custom', message: `"${entry}": the seconds must be a number from 0 to 60` });
    } else {
      seconds[profile as Profile] = n;
    }
  }
  return seconds;
});
