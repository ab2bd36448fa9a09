import { describe, expect, it } from 'vitest';
import { visibleRows } from './visible-rows';

describe('visibleRows', () => {
  it('draws the rows in view and the overscan below at the top of the list', () => {
    expect(visibleRows({ count: 2000, rowHeight: 80, top: 0, height: 800, overscan: 4 })).toEqual({ first: 0, last: 14 });
  });

  it('follows the scroll with overscan on both sides', () => {
    expect(visibleRows({ count: 2000, rowHeight: 80, top: 8000, height: 800, overscan: 4 })).toEqual({ first: 96, last: 114 });
  });

  it('stops at the end of a short list', () => {
    expect(visibleRows({ count: 5, rowHeight: 80, top: 0, height: 800, overscan: 4 })).toEqual({ first: 0, last: 5 });
  });

  it('keeps at least the last row when scrolled past the end (the list just shrank)', () => {
    expect(visibleRows({ count: 10, rowHeight: 80, top: 50_000, height: 800, overscan: 4 })).toEqual({ first: 9, last: 10 });
  });

  it('draws nothing for an empty list', () => {
    expect(visibleRows({ count: 0, rowHeight: 80, top: 0, height: 800, overscan: 4 })).toEqual({ first: 0, last: 0 });
  });
});
