import * as contracts from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import * as copies from './enums';

describe('enum copies', () => {
  it('list exactly the values of the contract, in its order', () => {
    expect(copies.INCIDENT_TYPES).toEqual(contracts.INCIDENT_TYPES);
    expect(copies.PRIORITIES).toEqual(contracts.PRIORITIES);
    expect(copies.ROLES).toEqual(contracts.ROLES);
    expect(copies.INCIDENT_DISPOSITIONS).toEqual(contracts.INCIDENT_DISPOSITIONS);
    expect(copies.UNIT_STATUSES).toEqual(contracts.UNIT_STATUSES);
    expect(copies.PLACE_CATEGORIES).toEqual(contracts.PLACE_CATEGORIES);
    expect(copies.PRESENCE_CATEGORIES).toEqual(contracts.PRESENCE_CATEGORIES);
    expect(copies.INCIDENT_ORIGINS).toEqual(contracts.INCIDENT_ORIGINS);
    expect(copies.REPORT_BREAKDOWNS).toEqual(contracts.REPORT_BREAKDOWNS);
    expect(copies.RESPONSE_COMPONENTS).toEqual(contracts.RESPONSE_COMPONENTS);
    expect(copies.MAP_FONT_STACK).toBe(contracts.MAP_FONT_STACK);
    expect(copies.CORRIDOR_METRES).toEqual(contracts.CORRIDOR_METRES);
    expect(copies.DEFAULT_CATEGORY_HOURS).toEqual(contracts.DEFAULT_CATEGORY_HOURS);
    for (const name of ['ARRIVAL_METRES', 'ARRIVAL_MINUTES', 'MAX_APPROVED_STOPS', 'APPROVED_STOP_MINUTES', 'APPROVED_STOP_METRES'] as const) expect(copies[name], name).toEqual(contracts[name]);
  });

  it('tell generated key place names apart as the contract does', () => {
    for (const name of [contracts.generatedPlaceName('crowded_place', 'way', 320571516), contracts.generatedPlaceName('school', 'relation', 7), 'Kita', 'Universität Liechtenstein', 'Depot (OSM way)']) {
      expect(copies.isGeneratedPlaceName(name), name).toBe(contracts.isGeneratedPlaceName(name));
    }
    expect(copies.isGeneratedPlaceName(contracts.generatedPlaceName('fuel_station', 'node', 1))).toBe(true);
  });
});
