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
    // Call 1 has an unreadable row (line 7): it is left out whole, with its two good rows named.
    // Call 4 has no coordinates: imported without a place, not refused and not given a fake one.
    expect(read.calls).toEqual([
      { externalRef: '2', receivedAt: new Date('2024-12-01T07:00:00Z'), type: 'other', typeText: 'Sturm', priority: 'P3', address: null, location: [9.5, 47.2], responses: [], jurisdictionText: null, lines: [4], timeDoubt: null },
      {
        externalRef: '4', receivedAt: new Date('2024-12-01T07:00:00Z'), type: 'fire', typeText: 'Brand', priority: 'P1', address: null, location: null, jurisdictionText: null, lines: [6], timeDoubt: null,
        responses: [{ unitLabel: 'TLF', unitType: null, unitKind: 'other', sequence: null, dispatchedAt: null, respondedAt: null, onSceneAt: null, clearedAt: null }],
      },
    ]);
    expect(read.rejectedCalls).toBe(2);
    expect(read.rejected).toEqual([
      { line: 2, code: 'call_has_rejected_row', reason: 'call 1 has a rejected row (line 7)', callId: '1' },
      { line: 3, code: 'call_has_rejected_row', reason: 'call 1 has a rejected row (line 7)', callId: '1' },
      { line: 5, code: 'unreadable_time', reason: 'received "yesterday" is not YYYY-MM-DD HH:mm:ss', callId: '3' },
      { line: 7, code: 'unreadable_time', reason: 'sent "soon" is not YYYY-MM-DD HH:mm:ss', callId: '1' },
    ]);
  });

  it('reads null tokens as empty cells, maps by patterns and keywords after exact codes, and flags DST-doubtful times', () => {
    const mapping = CallsMapping.parse({
      ...OTHER,
      timeFormat: 'ISO 8601',
      columns: { ...OTHER.columns, clearedAt: 'cleared' },
      typeRules: [{ pattern: '^(B|F)\\d', to: 'fire' }, { keywords: ['unfall', 'VU'], to: 'traffic_accident' }],
      priorityRules: [{ pattern: '^eil', to: 'P1' }],
      nullTokens: ['NULL', '(leer)'],
    });
    const csv = [
      'nr,received,kind,prio,lat,lon,unit,sent,arrived,cleared',
      '1,2024-07-01 10:00:00.000,B2 Wohnhaus,Eilig,47.14,9.52,TLF,2024-07-01 10:01:00.000,NULL,(leer)',
      '2,2024-10-27 02:40:00.000,Verkehrsunfall,Brand,47.2,9.5,RTW,2024-10-27 02:41:00.000,2024-10-27 02:10:00.000,NULL',
      '3,2024-07-01 11:00:00,Sturm,NULL,47.2,9.5,NULL,NULL,NULL,NULL',
    ].join('\n');
    const read = readCalls(csv, mapping);
    expect(read.rejected).toEqual([]);
    expect(read.calls.map((c) => [c.externalRef, c.type, c.priority, c.timeDoubt, c.responses.length])).toEqual([
      ['1', 'fire', 'P1', null, 1],
      ['2', 'traffic_accident', 'P3', 'ambiguous', 1],
      ['3', 'other', 'P3', null, 0],
    ]);
    expect(read.calls[0]!.responses[0]).toMatchObject({ dispatchedAt: new Date('2024-07-01T08:01:00Z'), onSceneAt: null, clearedAt: null });
    expect(CallsMapping.safeParse({ ...OTHER, typeRules: [{ pattern: '(', to: 'fire' }] }).success).toBe(false);
    expect(CallsMapping.safeParse({ ...OTHER, typeRules: [{ to: 'fire' }] }).success).toBe(false);
  });

  it('refuses a file whose header lacks a mapped column, naming it', () => {
    expect(() => readCalls('Call Number,Unit ID\n1,E1\n', SF_FIRE_MAPPING)).toThrow(CallsFileError);
    expect(() => readCalls('Call Number,Unit ID\n1,E1\n', SF_FIRE_MAPPING)).toThrow(/"Received DtTm"/);
    expect(() => readCalls('', SF_FIRE_MAPPING)).toThrow(/empty/);
  });

  it('validates a mapping: an unknown zone, type or half a coordinate pair is named; no location column at all is allowed', () => {
    const bad = CallsMapping.safeParse({ ...OTHER, timeZone: 'Mars/Base', types: { x: 'alien' }, columns: { ...OTHER.columns, latitude: undefined } });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['timeZone', 'types.x', 'columns']));
    expect(CallsMapping.safeParse({ ...OTHER, columns: { ...OTHER.columns, latitude: undefined, longitude: undefined } }).success).toBe(true);
  });
});
