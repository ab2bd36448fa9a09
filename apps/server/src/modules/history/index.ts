export { countReasons, importCalls, IMPORT_CHUNK, type CallsImportSummary, type ImportCallsInput } from './import-calls.js';
export { BUILT_IN_MAPPINGS, CallsMapping, SF_FIRE_MAPPING, builtInMapping } from './mapping.js';
export { CallsFileError, readCalls, type ImportedCall } from './read-calls.js';
export { importBatches, importedCalls, importedResponses } from './history.tables.js';
export { historyRoutes } from './history.routes.js';
export { findBatch, listBatches } from './batches.js';
export { undoImport } from './undo-import.js';
export { describeBatches, describeImport, IMPORT_EXIT, importExitCode, relocateOption } from './cli.js';
export { readCsv } from './csv.js';
