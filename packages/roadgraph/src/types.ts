declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** WGS84 longitude then latitude, in degrees: the GeoJSON order. */
export type LonLat = readonly [lon: number, lat: number];
export type Seconds = Brand<number, 'Seconds'>;
export type Metres = Brand<number, 'Metres'>;
/** Index of a graph node (a junction or dead end), 0..nodeCount-1. */
export type NodeId = Brand<number, 'NodeId'>;
/** Index of a road edge (a way piece between two junctions), 0..edgeCount-1. */
export type EdgeId = Brand<number, 'EdgeId'>;

export const seconds = (n: number): Seconds => n as Seconds;
export const metres = (n: number): Metres => n as Metres;
export const nodeId = (n: number): NodeId => n as NodeId;
export const edgeId = (n: number): EdgeId => n as EdgeId;

export interface LineString {
  type: 'LineString';
  coordinates: [number, number][];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: [number, number][][][];
}
