import * as contracts from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import * as copies from './enums';

describe('major-incident enum copies', () => {
  it('list exactly the values of the contract, in its order', () => {
    expect(copies.RESPONSE_LEVELS).toEqual(contracts.RESPONSE_LEVELS);
    expect(copies.TRIAGE_CATEGORIES).toEqual(contracts.TRIAGE_CATEGORIES);
    expect(copies.SECTIONS).toEqual(contracts.SECTIONS);
    expect(copies.MAJOR_POINT_KINDS).toEqual(contracts.MAJOR_POINT_KINDS);
    expect(copies.CAP_URGENCIES).toEqual(contracts.CAP_URGENCIES);
    expect(copies.CAP_SEVERITIES).toEqual(contracts.CAP_SEVERITIES);
    expect(copies.CAP_CERTAINTIES).toEqual(contracts.CAP_CERTAINTIES);
    expect(copies.CAP_RESPONSE_TYPES).toEqual(contracts.CAP_RESPONSE_TYPES);
    expect(copies.CAP_LIMITS).toEqual(contracts.CAP_LIMITS);
  });
});
