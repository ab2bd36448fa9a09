import * as contracts from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { UNIT_KINDS } from './unit-kinds';

describe('unit kind copy', () => {
  it('lists exactly the kinds of the contract, in its order', () => {
    expect(UNIT_KINDS).toEqual(contracts.UNIT_KINDS);
  });
});
