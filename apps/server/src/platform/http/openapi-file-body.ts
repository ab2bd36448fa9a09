/**
 * The request body of the routes that read a file as the body, as it is (an OSM extract, a CSV
 * list, a boundary file): not a JSON document, so no zod `body` schema — the route declares
 * `schema.file` instead and the OpenAPI document shows, per accepted media type, a binary body, the
 * size limit (the route's own `bodyLimit`) and an example where a text one makes sense.
 */

declare module 'fastify' {
  interface FastifySchema {
    /** The body is a file sent as it is; what the OpenAPI document says of it. */
    file?: FileBody;
  }
}

export interface FileBody {
  /** What the file is and how it is read (format, encoding, what names the columns…). */
  description: string;
  /** The media types the route's body parser accepts, with an example body for the text ones. */
  mediaTypes: Readonly<Record<string, { example?: string }>>;
}

/** "64 MiB", "500 kB": the limit as an integrator reads it. */
export function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** The OpenAPI 3.1 request body of a route that reads a file; `bodyLimit` is the route's own. */
export function fileRequestBody(file: FileBody, bodyLimit: number | undefined): Record<string, unknown> {
  const limit = bodyLimit === undefined ? '' : ` At most ${formatBytes(bodyLimit)}; a larger one is refused (413).`;
  const content = Object.fromEntries(Object.entries(file.mediaTypes).map(([type, { example }]) => [
    type,
    {
      // `format: binary` is what generators read as a file (Blob, File, bytes), a CSV list too: its
      // bytes are decoded by the server; `contentMediaType` is OpenAPI 3.1's own way of saying so.
      schema: { type: 'string', format: 'binary', contentMediaType: type },
      ...(example === undefined ? {} : { example }),
    },
  ]));
  return { required: true, description: `${file.description}${limit}`, content };
}
