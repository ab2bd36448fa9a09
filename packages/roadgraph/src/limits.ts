import type { GraphData } from './graph-data.js';

/**
 * Legal height and weight limits of roads (`maxheight`, `maxweight`), and which roads a vehicle
 * of declared dimensions may not drive: a ladder truck under a 3.4 m railway bridge, a 26 t
 * engine over a 7.5 t bridge. Stored sparsely in the graph (`GraphData.edgeLimits`): fewer than
 * one way in a hundred carries one, so a flat list of (edge, height cm, weight kg) beats a
 * column per edge.
 */

/** OSM way tags the importer asks for. */
export const LIMIT_TAGS = ['maxheight', 'maxweight'];

/** A way's limits; 0 = none. */
export interface WayLimits {
  heightCm: number;
  weightKg: number;
}

/**
 * What a unit kind declares: its height in metres and its gross weight in tonnes, and whether it
 * can drive `highway=track` (a 4x4, a forest-fire vehicle).
 */
export interface VehicleDimensions {
  heightM?: number;
  weightT?: number;
  tracks?: boolean;
}

const FOOT_M = 0.3048;
const INCH_M = 0.0254;
const POUND_T = 0.00045359237;

export function wayLimits(tags: Readonly<Record<string, string>>): WayLimits | undefined {
  const height = parseMaxheight(tags.maxheight);
  const weight = parseMaxweight(tags.maxweight);
  if (height === undefined && weight === undefined) return undefined;
  return { heightCm: height === undefined ? 0 : Math.round(height * 100), weightKg: weight === undefined ? 0 : Math.round(weight * 1000) };
}

/**
 * Metres from `maxheight`: "3.5", "3.5 m", "11'6\"", "11 ft"; undefined for "default", "none",
 * "below_default" (no number we could hold a vehicle to) and junk.
 */
export function parseMaxheight(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().replace(',', '.');
  const metres = /^(\d+(?:\.\d+)?)\s*(m)?$/i.exec(v);
  if (metres) return plausible(Number(metres[1]), 30);
  const feet = /^(\d+)\s*(?:'|ft)\s*(?:(\d+(?:\.\d+)?)\s*(?:"|''|in)?)?$/i.exec(v);
  if (feet) return plausible(Number(feet[1]) * FOOT_M + Number(feet[2] ?? 0) * INCH_M, 30);
  return undefined;
}

/** Tonnes from `maxweight`: "7.5", "7.5 t", "7500 kg", "10000 lbs"; undefined for junk. */
export function parseMaxweight(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(t|kg|lbs)?$/i.exec(value.trim().replace(',', '.'));
  if (!match) return undefined;
  const unit = match[2]?.toLowerCase();
  const tonnes = Number(match[1]) * (unit === 'kg' ? 0.001 : unit === 'lbs' ? POUND_T : 1);
  return plausible(tonnes, 500);
}

function plausible(n: number, max: number): number | undefined {
  return n > 0 && n <= max ? n : undefined;
}

/** Whether the vehicle is within the limits (a vehicle exactly at a limit may pass). */
export function withinLimits(vehicle: VehicleDimensions, heightCm: number, weightKg: number): boolean {
  if (heightCm > 0 && vehicle.heightM !== undefined && Math.round(vehicle.heightM * 100) > heightCm) return false;
  if (weightKg > 0 && vehicle.weightT !== undefined && Math.round(vehicle.weightT * 1000) > weightKg) return false;
  return true;
}

/** Edges the vehicle may not drive for their height or weight limit, in ascending order. */
export function blockedEdges(data: GraphData, vehicle: VehicleDimensions): number[] {
  const out: number[] = [];
  const l = data.edgeLimits;
  for (let i = 0; i < l.length; i += 3) if (!withinLimits(vehicle, l[i + 1]!, l[i + 2]!)) out.push(l[i]!);
  return out.sort((a, b) => a - b);
}
