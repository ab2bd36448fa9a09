import { readFile } from 'node:fs/promises';
import { readGeoJson } from './read-geojson.js';
import { readGeoPackage } from './read-geopackage.js';
import { readShapefile } from './read-shapefile.js';
import { BoundaryFileError, type BoundaryFileContent, type ReadOptions, type SourceFile } from './types.js';

export const BOUNDARY_FILE_EXTENSIONS = ['.geojson', '.json', '.shp', '.zip', '.gpkg'] as const;

/**
 * Reads a boundary file by what its name says it is; a file that is not what its extension says
 * is refused by that format's own check (JSON parse, SQLite magic, Shapefile header, zip magic).
 */
export async function readBoundaryFile(src: SourceFile, opts: ReadOptions = {}): Promise<BoundaryFileContent> {
  const ext = /\.[^./\\]+$/.exec(src.name)?.[0].toLowerCase();
  if (ext === '.geojson' || ext === '.json') return readGeoJson(src.name, src.bytes);
  if (ext === '.shp' || ext === '.zip') return readShapefile(src, opts);
  if (ext === '.gpkg') return readGeoPackage(src.name, src.bytes, opts);
  throw new BoundaryFileError(`${src.name}: not a boundary file this server reads (${BOUNDARY_FILE_EXTENSIONS.join(', ')}: GeoJSON, a Shapefile or a zip of one, a GeoPackage)`);
}

/** A file from disk; for a .shp, its .dbf, .prj and .cpg beside it (any case of the extension). */
export async function loadSourceFile(file: string): Promise<SourceFile> {
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new BoundaryFileError(`${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  });
  const src: SourceFile = { name: file, bytes };
  if (/\.shp$/i.test(file)) {
    src.sidecars = {};
    for (const ext of ['dbf', 'prj', 'cpg'] as const) {
      const base = file.slice(0, -4);
      for (const candidate of [`${base}.${ext}`, `${base}.${ext.toUpperCase()}`]) {
        const found = await readFile(candidate).catch(() => undefined);
        if (found) {
          src.sidecars[ext] = found;
          break;
        }
      }
    }
  }
  return src;
}
