import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseWithin, readExtractBounds } from './extract-bounds.js';
import { readAdminBoundaries } from './osm-boundaries.js';

const BALTIMORE = fileURLToPath(new URL('../../../../../data/osm/baltimore.osm.pbf', import.meta.url));

describe('the Baltimore extract (osmconvert, cut to a box)', () => {
  it('has its bounds in the header: the box it was cut to', async () => {
    const bounds = await readExtractBounds(BALTIMORE);
    expect(bounds.source).toBe('header');
    const ring = (bounds.area as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring[0]![0]).toBeCloseTo(-76.6081, 6);
    expect(ring[0]![1]).toBeCloseTo(39.2586, 6);
    expect(ring[2]![0]).toBeCloseTo(-76.5288, 6);
    expect(ring[2]![1]).toBeCloseTo(39.3065, 6);
  });

  it('yields the member ways it holds, though it writes relations before ways (flagged sorted all the same)', async () => {
    // The way pass used to end at the first relation: no way, every boundary "missing" all its ways.
    const boundaries = await readAdminBoundaries(BALTIMORE);
    const city = boundaries.find((b) => b.osmId === 133345)!;
    expect(city).toMatchObject({ name: 'Baltimore', adminLevel: 6, missingWays: 12 });
    expect(city.outer).toHaveLength(2);
    // Its straight eastern border with the county, along -76.5297.
    for (const [lon] of city.outer.flat()) expect(lon).toBeCloseTo(-76.5297, 3);
  });
});

describe('parseWithin', () => {
  it('reads a bbox west,south,east,north', async () => {
    expect(await parseWithin('-76.6, 39.25, -76.5, 39.3')).toEqual({
      type: 'Polygon', coordinates: [[[-76.6, 39.25], [-76.5, 39.25], [-76.5, 39.3], [-76.6, 39.3], [-76.6, 39.25]]],
    });
  });

  it('reads a GeoJSON polygon, bare or as the first feature, with or without a BOM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'within-'));
    const polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
    const bare = join(dir, 'bare.geojson');
    const collection = join(dir, 'fc.geojson');
    await writeFile(bare, JSON.stringify(polygon));
    await writeFile(collection, `\uFEFF${JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: polygon }] })}`);
    expect(await parseWithin(bare)).toEqual(polygon);
    expect(await parseWithin(collection)).toEqual(polygon);
  });

  it('refuses what is neither, saying why', async () => {
    await expect(parseWithin('1,2,3')).rejects.toThrow(/--within: neither a bbox/);
    await expect(parseWithin('10,0,5,1')).rejects.toThrow(/west < east/);
    const dir = await mkdtemp(join(tmpdir(), 'within-'));
    const line = join(dir, 'line.geojson');
    await writeFile(line, JSON.stringify({ type: 'LineString', coordinates: [[0, 0], [1, 1]] }));
    await expect(parseWithin(line)).rejects.toThrow(/--within: .*line\.geojson/);
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'not json');
    await expect(parseWithin(text)).rejects.toThrow(/is not JSON/);
  });
});
