import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

/** A file sent as the body (`format: binary`: an OSM extract, a CSV list) is a Blob (a File) to the caller. */
const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier('Blob'));

/**
 * The TypeScript types of packages/client (src/openapi.ts) from an OpenAPI document: one
 * function, used by `npm run client:generate` to write the file and by the server's OpenAPI test
 * to fail when the committed file no longer matches the document the server serves.
 */
export async function typesFromDocument(doc: object): Promise<string> {
  // defaultNonNullable off: a field with a default that the document leaves optional (a request
  // body's `evidence: []`) stays optional for the caller; answers list theirs as required anyway.
  const body = astToString(await openapiTS(doc as Parameters<typeof openapiTS>[0], {
    defaultNonNullable: false,
    transform: (schema) => (schema.format === 'binary' ? BLOB : undefined),
  }));
  return `${HEADER}${body}`;
}

const HEADER = `/**
 * Generated from the Firebreak server's OpenAPI document by \`npm run client:generate\`
 * (openapi-typescript). Do not edit: apps/server/src/platform/http/openapi.int.test.ts fails
 * when this file and the served document differ.
 */

`;
