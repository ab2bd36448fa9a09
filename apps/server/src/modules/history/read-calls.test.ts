import { describe, expect, it } from 'vitest';
import { CallsMapping, SF_FIRE_MAPPING } from './mapping.js';
import { CallsFileError, readCalls } from './read-calls.js';

/** A mapping of another CAD's export: separate coordinates, ISO times in Central European time. */
const OTHER = CallsMapping.parse({
  name: 'other-cad',
  timeZone: 'Europe/Vaduz',
  timeFormat: 'YYYY-MM-DD HH:mm:ss',
  columns: { callId: 'nr', receivedAt: 'received', type: 'kind', priority: 'prio', latitude: 'lat', longitude: 'lon', unit: 'unit', dispatchedAt: 'sent', onSceneAt: 'arrived' },
  types: { Brand: 'fire' },
  priorities: { '1': 'P1' },
});

describe('readCalls', () => {
  it('groups unit rows into calls, maps types and priorities with defaults, converts local times, and names the lines it leaves out', () => {
    const csv = [
      'nr,received,kind,prio,lat,lon,unit,sent,arrived',
      '1,2024-07-01 10:00:00,Brand,1,47.14,9.52,TLF,2024-07-01 10:01:00,2024-07-01 10:07:30',
      '1,2024-07-01 10:00:00,Brand,1,47.14,9.52,DL,2024-07-01 10:02:00,',
      '2,2024-12-01 08:00:00,Sturm,9,47.2,9.5,,,',
      '3,yesterday,Brand,1,47.2,9.5,TLF,,',
      '4,2024-12-01 08:00:00,Brand,1,,,TLF,,',
      '1,2024-07-01 10:00:00,Brand,1,47.14,9.52,RTW,soon,',
    ].join('\n');
    const read = readCalls(csv, OTHER);
    expect(read.rows).toBe(6);
    expect(read.calls).toEqual([
      {
        externalRef: '1', receivedAt: new Date('2024-07-01T08:00:00Z'), type: 'fire', typeText: 'Brand', priority: 'P1', address: null, location: [9.52, 47.14],
        responses: [
          { unitLabel: 'TLF', unitType: null, sequence: null, dispatchedAt: new Date('2024-07-01T08:01:00Z'), respondedAt: null, onSceneAt: new Date('2024-07-01T08:07:30Z'), clearedAt: null },
          { unitLabel: 'DL', unitType: null, sequence: null, dispatchedAt: new Date('2024-07-01T08:02:00Z'), respondedAt: null, onSceneAt: null, clearedAt: null },
        ],
      },
      { externalRef: '2', receivedAt: new Date('2024-12-01T07:00:00Z'), type: 'other', typeText: 'Sturm', priority: 'P3', address: null, location: [9.5, 47.2], responses: [] },
    ]);
    expect(read.rejected).toEqual([
      { line: 5, reason: 'received "yesterday" is not YYYY-MM-DD HH:mm:ss' },
      { line: 6, reason: 'no readable location' },
      { line: 7, reason: 'sent "soon" is not YYYY-MM-DD HH:mm:ss' },
    ]);
  });

  it('refuses a file whose header lacks a mapped column, naming it', () => {
    expect(() => readCalls('Call Number,Unit ID\n1,E1\n', SF_FIRE_MAPPING)).toThrow(CallsFileError);
    expect(() => readCalls('Call Number,Unit ID\n1,E1\n', SF_FIRE_MAPPING)).toThrow(/"Received DtTm"/);
    expect(() => readCalls('', SF_FIRE_MAPPING)).toThrow(/empty/);
  });

  it('validates a mapping: an unknown zone, type or missing location column is named', () => {
    const bad = CallsMapping.safeParse({ ...OTHER, timeZone: 'Mars/Base', types: { x: 'alien' }, columns: { ...OTHER.columns, latitude: undefined } });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['timeZone', 'types.x', 'columns']));
  });
});
