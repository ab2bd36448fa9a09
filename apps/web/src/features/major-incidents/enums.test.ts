import * as contracts from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import * as copies from './enums';

describe('major-incident enum copies', () => {
  it('list exactly the values of the contract, in its order', () => {
    expect(copies.RESPONSE_LEVELS).toEqual(contracts.RESPONSE_LEVELS);
    expect(copies.TRIAGE_CATEGORIES).toEqual(contracts.TRIAGE_CATEGORIES);
    expect(copies.SECTIONS).toEqual(contracts.SECTIONS);
  });
});
