// shpjs ships no types; these are the two functions used (lib/index.js).
declare module 'shpjs' {
  import type { Geometry } from 'geojson';

  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, prj?: string | false): (Geometry | null)[];
  export function parseDbf(dbf: DataView | ArrayBuffer | Uint8Array, cpg?: string): Record<string, unknown>[];
}
