import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { closeRing, cordonProblem, formatVertices, parseVertices, ringForEditing } from './cordon-drawing';

type Code = NonNullable<ApiError['problem']>['code'];
const problem = (code: Code, status: number, errors?: { path: string; message: string }[]) =>
  new ApiError(status, { type: 'about:blank', title: code, status, code, ...(errors ? { errors } : {}) });

describe('cordon drawing', () => {
  it('closes a ring once, rounding to seven decimals', () => {
    expect(closeRing([[9.52, 47.14], [9.53, 47.14], [9.53, 47.15]])).toEqual([[9.52, 47.14], [9.53, 47.14], [9.53, 47.15], [9.52, 47.14]]);
    expect(closeRing([[9.52, 47.14], [9.53, 47.14], [9.53, 47.15], [9.52, 47.14]])).toHaveLength(4);
    expect(ringForEditing({ coordinates: [[[9.52151234567891, 47.1], [9.6, 47.1], [9.6, 47.2], [9.52151234567891, 47.1]]] })[0]).toEqual([9.5215123, 47.1]);
  });

  it('reads typed corners, one "lon, lat" a line, and names the line that is not', () => {
    const ok = parseVertices('9.52, 47.14\n\n9.53 47.14\n9.53;47.15\n');
    expect(ok).toEqual({ ok: true, polygon: { type: 'Polygon', coordinates: [[[9.52, 47.14], [9.53, 47.14], [9.53, 47.15], [9.52, 47.14]]] } });
    expect(parseVertices('9.52, 47.14\n9.53, north\n9.53, 47.15')).toEqual({ ok: false, line: 2 });
    expect(parseVertices('9.52, 47.14\n9.53, 95\n9.53, 47.15')).toEqual({ ok: false, line: 2 });
    expect(parseVertices('9.52, 47.14\n9.53, 47.14')).toEqual({ ok: false, line: null });
    // What formatVertices writes, parseVertices reads back to the same ring.
    const ring: [number, number][] = [[9.52, 47.14], [9.53, 47.14], [9.53, 47.15], [9.52, 47.14]];
    expect(parseVertices(formatVertices(ring))).toEqual({ ok: true, polygon: { type: 'Polygon', coordinates: [ring] } });
  });

  it('tells a crossing outline (with where) from a cordon beyond the command, and from anything else', () => {
    expect(cordonProblem(problem('GEOMETRY_INVALID', 400, [{ path: 'body.area', message: 'Self-intersection[9.5215 47.141]' }])))
      .toEqual({ key: 'selfIntersecting', at: [9.5215, 47.141], detail: 'Self-intersection[9.5215 47.141]' });
    expect(cordonProblem(problem('GEOMETRY_INVALID', 400, [{ path: 'body.area', message: 'Too few points in geometry component' }])).key).toBe('invalid');
    expect(cordonProblem(problem('MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE', 422, [{ path: 'body.area', message: 'reaches up to 300 m beyond Vaduz' }])))
      .toMatchObject({ key: 'outsideScope', at: null });
    expect(cordonProblem(new Error('network down'))).toEqual({ key: 'other', at: null, detail: null });
  });
});
