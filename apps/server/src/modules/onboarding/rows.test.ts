import { describe, expect, it } from 'vitest';
import { AppError, invalidField } from '../../errors.js';
import { asRejection, booleanCell, listCell, numberCell, RowRejected } from './rows.js';

const COLUMNS = { callSign: 'call_sign', homeStationId: 'home_station' };

describe('a row refused by a domain rule or the database names our column', () => {
  it('an AppError naming body.x becomes x\'s column, the field prefix off the message', () => {
    const r = asRejection(invalidField('body.homeStationId', 'is not a fire or police station'), COLUMNS);
    expect([r?.field, r?.message]).toEqual(['home_station', 'is not a fire or police station']);
    const taken = asRejection(new AppError('UNIT_CALL_SIGN_TAKEN', 'Call sign E1 is taken'), COLUMNS);
    expect([taken?.field, taken?.message]).toEqual([undefined, 'Call sign E1 is taken']);
  });

  it('a PostgreSQL data or constraint error (class 22 / 23) is the row\'s; other failures are not rows\' faults', () => {
    const unique = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' });
    expect(asRejection(new Error('Failed query', { cause: unique }), COLUMNS)?.message).toBe('the database refused the row: duplicate key value violates unique constraint "x"');
    expect(asRejection(Object.assign(new Error('connection terminated'), { code: '08006' }), COLUMNS)).toBeNull();
    expect(asRejection(new AppError('INTERNAL'), COLUMNS)).toBeNull();
    expect(asRejection(new TypeError('x is undefined'), COLUMNS)).toBeNull();
  });
});

describe('cells', () => {
  it('reads numbers, yes/no and lists; anything else is left for the schema or named', () => {
    expect([numberCell('4'), numberCell('-9.52'), numberCell('four'), numberCell(undefined)]).toEqual([4, -9.52, 'four', undefined]);
    expect([booleanCell('Yes', 'on_duty'), booleanCell('0', 'on_duty'), booleanCell(undefined, 'on_duty')]).toEqual([true, false, undefined]);
    expect(() => booleanCell('maybe', 'on_duty')).toThrow(new RowRejected('on_duty', 'maybe is not yes or no (true/false, 1/0)'));
    expect(listCell(' pump; water |foam;; ')).toEqual(['pump', 'water', 'foam']);
  });
});
