export { importCalls, IMPORT_CHUNK, type CallsImportSummary } from './import-calls.js';
export { BUILT_IN_MAPPINGS, CallsMapping, SF_FIRE_MAPPING, builtInMapping } from './mapping.js';
export { CallsFileError } from './read-calls.js';
export { importedResponses } from './history.tables.js';
export { historyRoutes } from './history.routes.js';
