export type RoadGraphErrorCode =
  | 'ROADGRAPH_BAD_COORDINATE'
  | 'ROADGRAPH_BAD_FILE'
  | 'ROADGRAPH_FILE_NOT_FOUND'
  | 'ROADGRAPH_NO_ROADS'
  | 'ROADGRAPH_TOO_FAR_FROM_ROAD'
  | 'ROADGRAPH_UNREACHABLE'
  | 'ROADGRAPH_BAD_ARGUMENT';

/** Every error this library throws on purpose; callers branch on `code`. */
export class RoadGraphError extends Error {
  constructor(
    readonly code: RoadGraphErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RoadGraphError';
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
