import { describe, expect, it } from 'vitest';
import { areaOf, housenumberOf, placeOf, roadOf, waterwayOf } from './classify.js';

describe('base-map classification of OSM tags', () => {
  it('classes roads as a style needs them, with one-way, bridge and tunnel flags', () => {
    expect(roadOf({ highway: 'motorway_link' })).toEqual({ class: 'motorway', oneway: true });
    expect(roadOf({ highway: 'primary', name: 'Landstrasse', oneway: '-1', bridge: 'yes' })).toEqual({ class: 'primary', name: 'Landstrasse', oneway: true, bridge: true });
    expect(roadOf({ highway: 'residential', tunnel: 'no' })).toEqual({ class: 'minor' });
    expect(roadOf({ highway: 'footway' })).toEqual({ class: 'path' });
    expect(roadOf({ highway: 'pedestrian', area: 'yes' })).toBeNull();
    expect(roadOf({ highway: 'proposed' })).toBeNull();
    expect(roadOf({ building: 'yes' })).toBeNull();
  });

  it('finds water areas, waterways, buildings and land use', () => {
    expect(waterwayOf({ waterway: 'river', name: 'Rhein' })).toEqual({ kind: 'river', name: 'Rhein' });
    expect(waterwayOf({ waterway: 'ditch' })).toBeNull();
    expect(areaOf({ natural: 'water' })).toEqual({ layer: 'water' });
    expect(areaOf({ waterway: 'riverbank' })).toEqual({ layer: 'water' });
    expect(areaOf({ building: 'house' })).toEqual({ layer: 'buildings' });
    expect(areaOf({ building: 'no', landuse: 'meadow' })).toEqual({ layer: 'landuse', kind: 'meadow' });
    expect(areaOf({ natural: 'wood' })).toEqual({ layer: 'landuse', kind: 'forest' });
    expect(areaOf({ leisure: 'park' })).toEqual({ layer: 'landuse', kind: 'park' });
    expect(areaOf({ landuse: 'retail' })).toBeNull();
  });

  it('keeps name and name:zh for labels, and no other translation', () => {
    expect(roadOf({ highway: 'residential', name: 'Äulestrasse', 'name:zh': '奥伊勒街', 'name:fr': 'Rue' })).toEqual({ class: 'minor', name: 'Äulestrasse', 'name:zh': '奥伊勒街' });
    expect(waterwayOf({ waterway: 'river', name: 'Rhein', 'name:zh': '莱茵河' })).toEqual({ kind: 'river', name: 'Rhein', 'name:zh': '莱茵河' });
  });

  it('finds named places and house numbers as label points', () => {
    expect(placeOf({ place: 'town', name: 'Vaduz', 'name:zh': '瓦杜兹' })).toEqual({ kind: 'town', name: 'Vaduz', 'name:zh': '瓦杜兹' });
    // Where OSM has the mainland form apart, zh-CN readers get it; a feature with only `name:zh-Hans` is labelled too.
    expect(placeOf({ place: 'town', name: 'Vaduz', 'name:zh': '瓦都茲', 'name:zh-Hans': '瓦杜兹' })).toEqual({ kind: 'town', name: 'Vaduz', 'name:zh': '瓦杜兹' });
    expect(roadOf({ highway: 'primary', 'name:zh-CN': '主街' })).toEqual({ class: 'primary', 'name:zh': '主街' });
    expect(placeOf({ place: 'hamlet' })).toBeNull();
    expect(placeOf({ place: 'sea', name: 'Bodensee' })).toBeNull();
    expect(housenumberOf({ 'addr:housenumber': ' 20a ' })).toBe('20a');
    expect(housenumberOf({ 'addr:housenumber': '1;3;5;7;9;11;13' })).toBeNull();
    expect(housenumberOf({ building: 'yes' })).toBeNull();
  });
});
