import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAdminBoundaries, type AdminBoundary, type LonLat, type ReadProgress } from './osm-boundaries.js';

const PBF = fileURLToPath(new URL('../../../../../data/osm/liechtenstein.osm.pbf', import.meta.url));

const LI_MUNICIPALITIES = [
  'Balzers', 'Eschen', 'Gamprin', 'Mauren', 'Planken', 'Ruggell',
  'Schaan', 'Schellenberg', 'Triesen', 'Triesenberg', 'Vaduz',
];

const insideLiechtenstein = ([lon, lat]: LonLat) => lon >= 9.4 && lon <= 9.7 && lat >= 47.0 && lat <= 47.3;
const coordinatesOf = (b: AdminBoundary) => [...b.outer, ...b.inner].flat();
const byName = (boundaries: AdminBoundary[], name: string, level: number) =>
  boundaries.find((b) => b.name === name && b.adminLevel === level);

/** Closed rings use every endpoint an even number of times across all member ways. */
function oddEndpoints(b: AdminBoundary): number {
  const counts = new Map<string, number>();
  for (const line of [...b.outer, ...b.inner]) {
    for (const [lon, lat] of [line[0]!, line.at(-1)!]) {
      const key = `${lon},${lat}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts.values()].filter((n) => n % 2 === 1).length;
}

describe('readAdminBoundaries (Liechtenstein 2015 extract)', () => {
  let boundaries: AdminBoundary[];
  const progress: ReadProgress[] = [];

  beforeAll(async () => {
    boundaries = await readAdminBoundaries(PBF, { onProgress: (p) => progress.push(p) });
  });

  it('finds the country with its translated names', () => {
    const country = boundaries.filter((b) => b.adminLevel === 2 && b.name === 'Liechtenstein');
    expect(country).toHaveLength(1);
    expect(country[0]).toMatchObject({
      osmId: 1155955,
      missingWays: 0,
      names: { '': 'Liechtenstein', de: 'Liechtenstein', ru: 'Лихтенштейн', fr: 'Principauté du Liechtenstein' },
    });
    expect(country[0]!.outer).toHaveLength(31);
    // Its admin_centre is the village Vaduz (name:zh 瓦杜茲): the capital's name is not the country's (boundary-names.ts).
    expect(Object.keys(country[0]!.names).filter((k) => k.startsWith('zh'))).toEqual([]);
  });

  it('finds the 11 municipalities complete at admin_level 8, all inside Liechtenstein', () => {
    // The extract also holds clipped Austrian and Swiss neighbours (with missing ways).
    const level8 = boundaries.filter((b) => b.adminLevel === 8);
    expect(level8).toHaveLength(22);
    expect(level8.filter((b) => b.missingWays === 0).map((b) => b.name)).toEqual(LI_MUNICIPALITIES);
    for (const name of LI_MUNICIPALITIES) {
      const coordinates = coordinatesOf(byName(boundaries, name, 8)!);
      expect(coordinates.length, name).toBeGreaterThan(100);
      expect(coordinates.filter((c) => !insideLiechtenstein(c)), name).toEqual([]);
    }
  });

  it('has Oberland and Unterland only as admin_level 6 "Wahlkreis" relations', () => {
    const regions = boundaries.filter((b) => /Oberland|Unterland/.test(b.name));
    expect(regions.map((b) => [b.name, b.adminLevel, b.osmId])).toEqual([
      ['Wahlkreis Oberland', 6, 1156142],
      ['Wahlkreis Unterland', 6, 1156141],
    ]);
    expect(boundaries.filter((b) => b.adminLevel === 4).map((b) => b.name)).toEqual([
      'Graubünden - Grigioni - Grischun', 'Sankt Gallen', 'Vorarlberg',
    ]);
  });

  it('gives every boundary at least one outer way of >= 2 finite coordinates', () => {
    expect(boundaries.length).toBe(36);
    for (const b of boundaries) {
      expect(b.outer.some((line) => line.length >= 2), b.name).toBe(true);
      for (const [lon, lat] of coordinatesOf(b)) {
        expect(Math.abs(lon) <= 180 && Math.abs(lat) <= 90, b.name).toBe(true);
      }
    }
  });

  it('returns complete boundaries as closed rings, and keeps inner ways apart', () => {
    const complete = boundaries.filter((b) => b.missingWays === 0);
    expect(complete.map((b) => b.name).sort()).toEqual(
      ['Liechtenstein', 'Wahlkreis Oberland', 'Wahlkreis Unterland', ...LI_MUNICIPALITIES].sort(),
    );
    for (const b of complete) expect(oddEndpoints(b), b.name).toBe(0);
    expect(byName(boundaries, 'Planken', 8)!.inner).toHaveLength(2);
    expect(byName(boundaries, 'Schaan', 8)!.inner).toHaveLength(2);
  });

  it('reports member ways clipped off by the extract instead of failing', () => {
    const austria = byName(boundaries, 'Österreich', 2)!;
    expect(austria.missingWays).toBeGreaterThan(500);
    expect(austria.outer.length).toBeGreaterThan(0);
  });

  it('sorts by admin level, then name', () => {
    const keys = boundaries.map((b) => [b.adminLevel, b.name] as const);
    const sorted = [...keys].sort(([la, na], [lb, nb]) => la - lb || na.localeCompare(nb));
    expect(keys).toEqual(sorted);
    expect(keys[0]).toEqual([2, 'Liechtenstein']);
  });

  it('reports per-pass progress in bytes up to the file size', async () => {
    const { size } = await stat(PBF);
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['scan', 'ways', 'nodes']);
    for (const phase of ['scan', 'ways', 'nodes'] as const) {
      const bytes = progress.filter((p) => p.phase === phase).map((p) => p.bytesRead);
      expect(bytes[0]).toBe(0);
      expect(bytes.at(-1)).toBe(size);
      expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    }
    expect(progress.every((p) => p.totalBytes === size)).toBe(true);
  });

  it('honours the adminLevels option', async () => {
    const level6 = await readAdminBoundaries(PBF, { adminLevels: [6] });
    expect(level6.map((b) => b.name)).toEqual([
      'Bludenz', 'Feldkirch', 'Landquart', 'Wahlkreis Oberland', 'Wahlkreis Rheintal',
      'Wahlkreis Sarganserland', 'Wahlkreis Unterland', 'Wahlkreis Werdenberg',
    ]);
    expect(await readAdminBoundaries(PBF, { adminLevels: [10] })).toEqual([]);
  });
});

describe('readAdminBoundaries on bad input', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'osm-boundaries-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function fileWith(name: string, content: string | Buffer): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  const notPbf = (path: string) => `${path} is not a valid OSM PBF file`;

  it('rejects a text file', async () => {
    const path = await fileWith('notes.osm.pbf', 'hello, this is not a PBF file\n'.repeat(100));
    await expect(readAdminBoundaries(path)).rejects.toThrow(notPbf(path));
  });

  it('rejects an empty file', async () => {
    const path = await fileWith('empty.osm.pbf', '');
    await expect(readAdminBoundaries(path)).rejects.toThrow(notPbf(path));
  });

  it('rejects a truncated PBF file', async () => {
    const real = await readFile(PBF);
    const path = await fileWith('truncated.osm.pbf', real.subarray(0, 500_000));
    await expect(readAdminBoundaries(path)).rejects.toThrow(notPbf(path));
  });

  it('rejects a PBF file whose data blocks are garbage', async () => {
    // A valid OSMHeader blob followed by a malformed one makes the parser throw mid-stream.
    const real = await readFile(PBF);
    const garbage = Buffer.concat([Buffer.from([0, 0, 0, 5]), Buffer.from('garbage')]);
    const path = await fileWith('garbage.osm.pbf', Buffer.concat([real.subarray(0, firstBlobEnd(real)), garbage]));
    await expect(readAdminBoundaries(path)).rejects.toThrow(notPbf(path));
  });

  it('rejects a missing file, naming it', async () => {
    const path = join(dir, 'missing.osm.pbf');
    await expect(readAdminBoundaries(path)).rejects.toThrow(`OSM PBF file not found: ${path}`);
  });
});

/** End offset of the first blob: 4-byte header length, BlobHeader (datasize is field 3), blob. */
function firstBlobEnd(pbf: Buffer): number {
  const headerLength = pbf.readUInt32BE(0);
  const header = pbf.subarray(4, 4 + headerLength);
  let pos = header.indexOf(0x18) + 1;
  let datasize = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = header[pos++]!;
    datasize += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  return 4 + headerLength + datasize;
}
