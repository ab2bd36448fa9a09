import { describe, expect, it } from 'vitest';
import { placeDisplayName } from './place-name';

const words: Record<string, string> = { 'placeCategory.fuel_station': '加油站', 'placeCategory.school': '学校' };
const t = (key: string, o?: Record<string, unknown>) =>
  key === 'placeName.unnamedAt' ? `${String(o?.category)}（无名称，${String(o?.at)}）`
    : key === 'placeName.unnamed' ? `${String(o?.category)}（无名称）` : words[key] ?? key;

describe('placeDisplayName', () => {
  it('keeps a real name as it is', () => {
    expect(placeDisplayName({ name: 'Ebaholz', category: 'school', location: [9.52, 47.14] }, t)).toBe('Ebaholz');
  });
  it('tells an unnamed OSM place by its category in the reader language and where it is, never the importer name', () => {
    expect(placeDisplayName({ name: 'fuel station (OSM node 336434980)', category: 'fuel_station', location: [9.521234, 47.141234] }, t)).toBe('加油站（无名称，47.1412, 9.5212）');
  });
  it('says only the category when the place comes without a position', () => {
    const label = placeDisplayName({ name: 'school (OSM way 27422342)', category: 'school' }, t);
    expect(label).toBe('学校（无名称）');
    expect(label).not.toContain('OSM');
  });
  it('reads a name alone (a hazard report, a trace) the same way', () => {
    expect(placeDisplayName('fuel station (OSM node 336434980)', t)).toBe('加油站（无名称）');
    expect(placeDisplayName('Ebaholz', t)).toBe('Ebaholz');
  });
});
