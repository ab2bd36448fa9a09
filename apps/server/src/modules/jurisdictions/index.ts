export { jurisdictionRoutes } from './jurisdictions.routes.js';
export { importOsmFile, DEMO_PBF, DEMO_COUNTRY_CODE, type OsmImportSummary } from './import-file.js';
export { describeMapping } from './admin-levels.js';
export { assertStoredLevels } from './stored-levels.js';
export { countAll as countJurisdictions, findById as findJurisdiction, listWithin } from './jurisdictions.queries.js';
export { subtreeFilter, visibleJurisdiction } from './jurisdictions.access.js';
export { BOUNDARY_TOLERANCE_M, reachOf, type Reach } from './territory.js';
export { checkTree, type Misfit } from './check-tree.js';
export { boundaryImportRoutes, registerBoundaryImport } from './boundary-file/index.js';
