import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { dbfEncoding } from './dbf-encoding.js';
import { loadSourceFile, readBoundaryFile } from './read-file.js';
import { wkbOfGpkgBlob } from './read-geopackage.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../../fixtures/boundaries');
const fixture = (name: string) => loadSourceFile(path.join(FIXTURES, name));
const bytes = (s: string) => new Uint8Array(Buffer.from(s));

/** A one-field dBASE table holding `value` as raw bytes, with the language driver byte given. */
function dbfWith(value: Buffer, driver = 0): Uint8Array {
  const h = Buffer.alloc(65);
  h[0] = 3;
  h.writeUInt32LE(1, 4);
  h.writeUInt16LE(65, 8);
  h.writeUInt16LE(41, 10);
  h[29] = driver;
  h.write('NAME', 32, 'ascii');
  h[43] = 0x43;
  h[48] = 40;
  h[64] = 0x0d;
  const rec = Buffer.alloc(41, 0x20);
  value.copy(rec, 1);
  return new Uint8Array(Buffer.concat([h, rec]));
}

describe('reading boundary files', () => {
  it('reads the same four features, names and parent codes from GeoJSON, a zipped Shapefile (LV95, reprojected) and a GeoPackage', async () => {
    const read = await Promise.all(['stations.geojson', 'stations.zip', 'stations.gpkg'].map(async (f) => readBoundaryFile(await fixture(f))));
    const norm = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'fid').map(([k, v]) => [k.toLowerCase(), v]));
    const [geojson, shp, gpkg] = read.map((c) => c.features.map((f) => norm(f.properties)));
    expect(geojson).toHaveLength(4);
    expect(shp).toEqual(geojson);
    expect(gpkg).toEqual(geojson);
    expect(read.map((c) => [c.format, c.srid])).toEqual([['geojson', 4326], ['shapefile', 4326], ['geopackage', 2056]]);
    // proj4 took the Shapefile from LV95 metres to degrees; they lie where the GeoJSON's do (within a metre).
    const first = (c: (typeof read)[number]) => (c.features[1]!.geometry as { geojson: { coordinates: number[][][][] } }).geojson.coordinates[0]![0]![0]!;
    expect(first(read[1]!)[0]).toBeCloseTo(first(read[0]!)[0]!, 5);
    expect(first(read[1]!)[1]).toBeCloseTo(first(read[0]!)[1]!, 5);
  });

  it('reads a bare .shp with its .dbf, .prj and .cpg beside it, whatever the case of their extensions', async () => {
    const { iter } = await import('but-unzip');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fb-boundaries-'));
    for (const entry of iter((await fixture('stations.zip')).bytes)) {
      const ext = entry.filename.slice(-3);
      writeFileSync(path.join(dir, `areas.${ext === 'shp' ? ext : ext.toUpperCase()}`), await entry.read());
    }
    const bare = await readBoundaryFile(await loadSourceFile(path.join(dir, 'areas.shp')));
    const zipped = await readBoundaryFile(await fixture('stations.zip'));
    expect([bare.layer, bare.encoding, bare.notes]).toEqual(['areas', 'utf-8 (from the .cpg file)', zipped.notes]);
    expect(bare.features).toEqual(zipped.features);
  });

  it('detects GB 18030 attributes without a .cpg, and takes --encoding over the detection', async () => {
    const src = await fixture('stations-gb18030.zip');
    const detected = await readBoundaryFile(src);
    expect(detected.encoding).toBe('gb18030 (detected: Chinese text in GB 18030)');
    expect(detected.features.map((f) => f.properties['NAME'])).toEqual(['瓦杜兹警察局', '瓦杜兹西派出所', '瓦杜兹中派出所', '瓦杜兹东山区派出所']);
    const forced = await readBoundaryFile(src, { encoding: 'windows-1252' });
    expect(forced.features[0]!.properties['NAME']).not.toBe('瓦杜兹警察局');
    await expect(readBoundaryFile(src, { encoding: 'klingon' })).rejects.toThrow('--encoding: "klingon" is not a text encoding');
  });

  it('decides a DBF encoding from the .cpg, the language driver, UTF-8 (with a BOM) or the text', () => {
    const zh = iconv.encode('瓦杜兹派出所', 'gb18030');
    expect(dbfEncoding(dbfWith(zh), {}).encoding).toBe('gb18030');
    expect(dbfEncoding(dbfWith(zh, 0x4d), {}).how).toBe('from the DBF language driver 0x4d');
    expect(dbfEncoding(dbfWith(Buffer.from('\uFEFFPosten Vaduz Süd')), {}).encoding).toBe('utf-8');
    expect(dbfEncoding(dbfWith(Buffer.from('Posten Vaduz S\xfcd', 'latin1')), {}).encoding).toBe('windows-1252');
    expect(dbfEncoding(dbfWith(zh), { cpg: bytes('936') }).encoding).toBe('gb18030');
    expect(dbfEncoding(dbfWith(zh), { cpg: bytes('UTF-8') }).encoding).toBe('utf-8');
  });

  it('refuses a file that is not what its extension says, naming the file and the problem', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fb-boundaries-'));
    const file = (name: string, content: string | Buffer) => {
      writeFileSync(path.join(dir, name), content);
      return loadSourceFile(path.join(dir, name));
    };
    await expect(readBoundaryFile(await file('areas.gpkg', '{"type":"FeatureCollection"}'))).rejects.toThrow('areas.gpkg is not a GeoPackage: it is not an SQLite database');
    await expect(readBoundaryFile(await file('areas.geojson', 'name;code\nVaduz;1\n'))).rejects.toThrow(/areas\.geojson is not a GeoJSON file: not JSON/);
    await expect(readBoundaryFile(await file('list.geojson', '[1, 2]'))).rejects.toThrow('list.geojson is JSON but not a GeoJSON FeatureCollection or Feature');
    await expect(readBoundaryFile(await file('areas.shp', Buffer.alloc(120, 7)))).rejects.toThrow('areas.shp is not an ESRI Shapefile: its header lacks the file code 9994 and version 1000');
    await expect(readBoundaryFile(await file('areas.zip', '{"type":"FeatureCollection","features":[]}'))).rejects.toThrow('areas.zip is not a zip archive');
    await expect(readBoundaryFile(await file('areas.kml', '<kml/>'))).rejects.toThrow(/areas\.kml: not a boundary file this server reads/);
    const sqlite = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(200)]);
    await expect(readBoundaryFile(await file('empty.gpkg', sqlite))).rejects.toThrow(/empty\.gpkg is (not a readable SQLite database|an SQLite database but not a GeoPackage)/);
    // A .shp whose .dbf is not beside it: the names and codes are missing.
    const shp = (await fixture('stations.zip')).bytes;
    const { iter } = await import('but-unzip');
    const entry = [...iter(shp)].find((e) => e.filename.endsWith('.shp'))!;
    await expect(readBoundaryFile(await file('alone.shp', Buffer.from(await entry.read())))).rejects.toThrow('alone.shp: the .dbf beside the .shp is missing');
  });

  it('takes the WKB out of a GeoPackage geometry blob, after its header and envelope', () => {
    const wkb = [1, 3, 0, 0, 0];
    const header = (flags: number, envelope: number) => [0x47, 0x50, 0, flags, 0xe6, 0x10, 0, 0, ...new Array<number>(envelope).fill(9)];
    expect([...wkbOfGpkgBlob(Uint8Array.from([...header(0x01, 0), ...wkb]))!]).toEqual(wkb);
    expect([...wkbOfGpkgBlob(Uint8Array.from([...header(0x03, 32), ...wkb]))!]).toEqual(wkb);
    expect([...wkbOfGpkgBlob(Uint8Array.from([...header(0x05, 48), ...wkb]))!]).toEqual(wkb);
    expect(wkbOfGpkgBlob(Uint8Array.from([...header(0x11, 0)]))).toBeNull();
    expect(() => wkbOfGpkgBlob(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow('no GP magic');
  });
});
