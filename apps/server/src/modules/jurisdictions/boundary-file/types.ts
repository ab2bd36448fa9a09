/** What every boundary-file reader hands on: features with their attributes and a geometry PostGIS can read. */

export type BoundaryFormat = 'geojson' | 'shapefile' | 'geopackage';

/** A feature's geometry as the file holds it: GeoJSON, or WKB (GeoPackage), in the file's coordinate system. */
export type RawGeometry = { geojson: unknown } | { wkb: Uint8Array } | null;

export interface RawFeature {
  /** 1-based position in the file, as a person counting features would name it. */
  index: number;
  properties: Record<string, unknown>;
  geometry: RawGeometry;
}

export interface BoundaryFileContent {
  format: BoundaryFormat;
  /** The layer read (GeoPackage table, or the .shp's base name). */
  layer: string | null;
  /** EPSG code of the geometries as handed on (4326 once a Shapefile was reprojected in JS). */
  srid: number;
  /** The text encoding of the attributes, and how it was decided (Shapefile DBF only). */
  encoding: string | null;
  features: RawFeature[];
  /** Things the reader decided that the report should say (reprojection, encoding guess). */
  notes: string[];
}

/** The file's bytes, and for a bare .shp its sidecars (.dbf, .prj, .cpg) by lower-case extension. */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
  sidecars?: Partial<Record<'dbf' | 'prj' | 'cpg', Uint8Array>>;
}

export interface ReadOptions {
  /** GeoPackage table or Shapefile base name inside a .zip, when there are several. */
  layer?: string | undefined;
  /** Text encoding of the DBF attributes, overriding .cpg and detection (e.g. gb18030). */
  encoding?: string | undefined;
}

/**
 * The file cannot be read as what its name says (not JSON, not SQLite, a bad .shp header…) or
 * lacks what the import needs. Nothing is imported; the message names the file and the problem.
 */
export class BoundaryFileError extends Error {
  constructor(message: string, readonly field: 'file' | 'layer' | 'encoding' | 'nameField' | 'codeField' | 'parentField' | 'levelField' = 'file') {
    super(message);
    this.name = 'BoundaryFileError';
  }
}
