export { importBoundaryFile, type BoundaryImportOptions } from './import-boundaries.js';
export { readBoundaryFile, loadSourceFile, BOUNDARY_FILE_EXTENSIONS } from './read-file.js';
export { BoundaryFileError, type SourceFile } from './types.js';
export { registerBoundaryImport, describeBoundaryImport, BOUNDARY_REJECTED_EXIT } from './cli.js';
export { boundaryImportRoutes } from './routes.js';
