import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAvlText, positionFromPayload } from './avl-payload.js';
import { avlFixOfBytes, positionOfBytes } from './position-text.js';

const UNIT = randomUUID();

/** JSON.parse and the hand check: the transports' reading of a payload's text (transport-payload.ts, `parseTransportText`). */
function positionOfText(text: string): unknown {
  try {
    return positionFromPayload(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Both readers of the bytes against the JSON.parse path on the same payload (decoded as UTF-8, as before). */
function agrees(bytes: Buffer): void {
  const text = bytes.toString('utf8');
  expect(avlFixOfBytes(UNIT, bytes, 0, bytes.length)).toEqual(parseAvlText(UNIT, text));
  expect(positionOfBytes(bytes, 0, bytes.length)).toEqual(positionOfText(text));
}

/** Numbers as JSON writes them and as a device might: exponents, -0, long fractions, out of range, and texts JSON refuses. */
const numberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => JSON.stringify(x)),
  fc.double({ min: -180, max: 180, noNaN: true }).map(String),
  fc.integer({ min: -500, max: 500 }).map(String),
  fc.stringMatching(/^-?(0|[1-9]\d{0,3})(\.\d{1,18})?([eE][+-]?\d{1,3})?$/),
  // Up to 15 digits and past them (the exact quotient's edge), leading zeros (which JSON refuses) included.
  fc.stringMatching(/^-?\d{1,9}\.\d{1,10}$/),
  fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.integer({ min: 0, max: 16 })).map(([x, k]) => x.toFixed(k)),
  fc.constantFrom('-0', '0', '-0.0', '1e2', '1E+2', '1e-2', '180', '180.0000000000001', '-180', '90', '90.5', '400', '400.1', '360', '360e0',
    '9.5215', '-76.6122345', '0.000000000000001', '1234567890.12345', '-1234567890.12345', '123456789012345.6', '999999999999999', '9999999999999999', '0.1', '0.3', '-0.0000001',
    '01', '1.', '.5', '+1', '-', '1e', '1e+', 'Infinity', 'NaN', '0x10', '1_0', ' 1', '1 ', '', '--1', '1.2.3', '１'),
);
const atText = fc.oneof(
  fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-02-29T00:00:00.000Z', '2026-12-07T10:00:00+01:00', '2026-12-07T10:00:00Z', '2026-12-07T10:00:00.000', '2026-12-07 10:00:00Z',
    '2026-12-07T10:00:00.000Z\\"', '2026-12-07T10:00:00.000\\u005a', 'é', '2026-12-07T10:00:00.000Zé', ''),
  fc.string({ maxLength: 30 }),
);
/** The canonical form, its optional keys present or not, in either order (the second order is not the fast path's). */
const canonical = fc.tuple(numberText, numberText, atText, fc.option(numberText), fc.option(numberText), fc.boolean()).map(([x, y, at, s, h, swap]) => {
  const speed = s === null ? '' : `,"speedKmh":${s}`;
  const heading = h === null ? '' : `,"heading":${h}`;
  return `{"location":[${x},${y}],"at":"${at}"${swap ? heading + speed : speed + heading}}`;
});
/** One character inserted, dropped or replaced anywhere. */
const mutated = fc.tuple(canonical, fc.nat(), fc.constantFrom('insert', 'drop', 'replace'), fc.constantFrom(...' {}[],:"\\.-+eE0129aZéT\n\u0000'.split(''))).map(([text, k, how, c]) => {
  const at = k % (text.length + 1);
  if (how === 'insert') return text.slice(0, at) + c + text.slice(at);
  if (how === 'drop') return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + c + text.slice(at + 1);
});

describe('the position read from its bytes agrees with JSON.parse and the hand check', () => {
  it('on the canonical form with any numbers and times', () => {
    fc.assert(fc.property(canonical, (text) => agrees(Buffer.from(text))), { numRuns: 20_000 });
  });

  it('on the canonical form changed a character at a time', () => {
    fc.assert(fc.property(mutated, (text) => agrees(Buffer.from(text))), { numRuns: 20_000 });
  });

  it('on any JSON and any bytes', () => {
    fc.assert(fc.property(fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v))), (b) => agrees(b)), { numRuns: 3000 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }).map((a) => Buffer.from(a)), (b) => agrees(b)), { numRuns: 3000 });
  });

  it('reads a payload inside a larger buffer (the MQTT packet) from its offsets', () => {
    const fix = { location: [-76.6122, 39.2904], at: '2026-12-07T10:00:00.000Z', speedKmh: 37, heading: 90 };
    const text = JSON.stringify(fix);
    const packet = Buffer.concat([Buffer.from([0x30, 0x99]), Buffer.from('topic'), Buffer.from(text), Buffer.from('{"location":[1,2]')]);
    expect(avlFixOfBytes(UNIT, packet, 7, 7 + text.length)).toEqual({ unitId: UNIT, ...fix });
    expect(positionOfBytes(packet, 7, 7 + text.length)).toEqual(fix);
    expect(avlFixOfBytes(UNIT, packet, 7, 7 + text.length - 1)).toBeNull();
  });

  it('keeps -0 and the optional keys as JSON.parse does', () => {
    const text = '{"location":[-0,0],"at":"2026-12-07T10:00:00.000Z","heading":-0}';
    const fix = avlFixOfBytes(UNIT, Buffer.from(text), 0, text.length);
    expect(Object.is(fix?.location[0], -0)).toBe(true);
    expect(Object.is(fix?.heading, -0)).toBe(true);
    expect(fix && Object.keys(fix)).toEqual(['unitId', 'location', 'at', 'heading']);
  });
});
