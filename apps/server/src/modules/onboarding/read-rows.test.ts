import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, OnboardFileError } from './decode.js';
import { parsePairs, readRows, type ColumnSpec } from './read-rows.js';
import { commonAncestor } from './onboard.js';

const UNITS: ColumnSpec = { required: ['call_sign', 'kind'], optional: ['lon', 'lat'], geojson: false };
const PLACES: ColumnSpec = { required: ['name', 'category', 'lon', 'lat'], optional: ['code'], geojson: true };
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('drops a UTF-8 byte-order mark, so the first column keeps its name', () => {
    const text = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('call_sign,kind\n')]), 'auto');
    expect(text).toBe('call_sign,kind\n');
  });

  it('refuses GB 18030 bytes as not UTF-8, naming the offset, and reads them when told', () => {
    const gb = readFileSync(new URL('./fixtures/staff-gb18030.csv', import.meta.url));
    const header = 'username,display_name,jurisdiction,grants\nob.zhang,'.length;
    expect(() => decodeText(gb, 'auto')).toThrow(new OnboardFileError(`the file is not valid UTF-8 (first bad byte at offset ${header}): save it as UTF-8, or name its encoding (--encoding gb18030, windows-1252, …)`));
    expect(decodeText(gb, 'gb18030')).toContain('ob.zhang,张伟,');
  });

  it('reads UTF-16 by its byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name,category\n', 'utf16le')]);
    expect(decodeText(le, 'auto')).toBe('name,category\n');
  });

  it('names files that are not text: a workbook, an OSM extract', () => {
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'auto')).toThrow(/ZIP archive/);
    const pbf = readFileSync(new URL('../../../../../data/osm/liechtenstein.osm.pbf', import.meta.url)).subarray(0, 64);
    expect(() => decodeText(pbf, 'auto')).toThrow(/OpenStreetMap PBF extract/);
  });
});

describe('readRows', () => {
  it('reads a CSV by column name with its line numbers; empty cells are absent', () => {
    expect(readRows('Call Sign,KIND\nE1,fire_engine\n"E,2",\n', 'units.csv', UNITS)).toEqual([
      { row: 2, values: { call_sign: 'E1', kind: 'fire_engine' } },
      { row: 3, values: { call_sign: 'E,2' } },
    ]);
  });

  it('refuses wrong columns, naming the missing and the unknown ones', () => {
    expect(() => readRows('callsign,colour\nE1,red\n', 'units.csv', UNITS)).toThrow(/^missing columns call_sign, kind; unknown columns callsign, colour/);
    expect(readRows('call_sign,kind,colour\nE1,ladder,red\n', 'units.csv', UNITS, { ignoreExtra: true })[0]!.values).toEqual({ call_sign: 'E1', kind: 'ladder' });
  });

  it('maps a file made for something else onto our columns: --map, --set (winning over a same-named column), coordinate aliases', () => {
    const text = 'program_name_short,program_number,category,geom_lon,geom_lat\nCecil E,7,E,-76.605,39.313\n';
    expect(readRows(text, 'schools.csv', PLACES, { map: { name: 'program_name_short', code: 'program_number' }, set: { category: 'school' } })).toEqual([
      { row: 2, values: { name: 'Cecil E', code: '7', lon: '-76.605', lat: '39.313', category: 'school' } },
    ]);
    expect(() => readRows(text, 'schools.csv', PLACES, { map: { title: 'program_name_short' } })).toThrow(/--map title=program_name_short: there is no column title/);
  });

  it('tells a file from its name: JSON in a .csv, text in a .geojson, a GeoJSON for a CSV-only kind', () => {
    expect(() => readRows('{"type":"FeatureCollection","features":[]}', 'places.csv', PLACES)).toThrow(/named .csv but holds JSON/);
    expect(() => readRows('name,category\n', 'places.geojson', PLACES)).toThrow(/named .geojson but does not hold JSON/);
    expect(() => readRows('{}', 'units.geojson', UNITS)).toThrow(/read from CSV only/);
    expect(() => readRows('name\n', 'places.xlsx', PLACES)).toThrow(/a .xlsx file cannot be read/);
  });

  it('reads GeoJSON features: a point becomes lon/lat, an outline stays a geometry', () => {
    const polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { Name: 'A', category: 'school' }, geometry: { type: 'Point', coordinates: [9.5, 47.1] } },
      { type: 'Feature', properties: { Name: 'B', category: 'other' }, geometry: polygon },
    ] };
    expect(readRows(JSON.stringify(fc), 'p.geojson', PLACES)).toEqual([
      { row: 1, values: { name: 'A', category: 'school', lon: '9.5', lat: '47.1' } },
      { row: 2, values: { name: 'B', category: 'other' }, geometry: polygon },
    ]);
  });
});

describe('helpers', () => {
  it('parsePairs reads column=value lists and refuses a pair without =', () => {
    expect(parsePairs('--set', 'category=school, operator=BCPS')).toEqual({ category: 'school', operator: 'BCPS' });
    expect(() => parsePairs('--set', 'school')).toThrow('--set: school is not column=value');
  });

  it('commonAncestor is the deepest path over all', () => {
    expect(commonAncestor(['li.oberland.vaduz', 'li.oberland.schaan'])).toBe('li.oberland');
    expect(commonAncestor(['li.oberland.vaduz'])).toBe('li.oberland.vaduz');
    expect(commonAncestor(['li.oberland', 'li.unterland.eschen'])).toBe('li');
  });
});
