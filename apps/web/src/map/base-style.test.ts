import { describe, expect, it } from 'vitest';
import { MAP_FONT_STACK } from '../api/enums';
import { BASE_SOURCE, baseStyle, earlyBaseMapRequests } from './base-style';

describe('earlyBaseMapRequests: fetched at the start, found in the cache by the map', () => {
  it('are the very URLs the style makes the map ask for (TileJSON, Basic Latin glyphs)', () => {
    const origin = 'https://fb.example';
    const style = baseStyle(undefined, 'en', origin);
    const source = style.sources[BASE_SOURCE] as { url: string };
    // MapLibre's GlyphManager fills the template this way for the first 256 code points.
    const latin = style.glyphs!.replace('{fontstack}', MAP_FONT_STACK).replace('{range}', '0-255');
    expect(earlyBaseMapRequests(origin)).toEqual([source.url, latin]);
    expect(baseStyle(undefined, 'zh-CN', origin).glyphs).toBe(style.glyphs);
  });
});
