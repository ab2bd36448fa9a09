import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

/** A file sent as the body (`format: binary`: an OSM extract, a CSV list) is a Blob (a File) to the caller. */
const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier('Blob'));
/** `^too_far_for_tier_-?\d+$` (a zod template literal of a prefix and a number): the caller gets `too_far_for_tier_${number}`, not any string. */
const PREFIXED_NUMBER = /^\^([A-Za-z_]+)-\?\\d\+\$$/;
function prefixedNumber(pattern: string | undefined): ts.TypeNode | undefined {
  const prefix = pattern === undefined ? undefined : PREFIXED_NUMBER.exec(pattern)?.[1];
  if (prefix === undefined) return undefined;
  const f = ts.factory;
  return f.createTemplateLiteralType(f.createTemplateHead(prefix), [f.createTemplateLiteralTypeSpan(f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword), f.createTemplateTail(''))]);
}

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
    transform: (schema) => (schema.format === 'binary' ? BLOB : 'pattern' in schema ? prefixedNumber(schema.pattern as string | undefined) : undefined),
  }));
  return `${HEADER}${body}`;
}

const HEADER = `/**
 * Generated from the Firebreak server's OpenAPI document by \`npm run client:generate\`
 * (openapi-typescript). Do not edit: apps/server/src/platform/http/openapi.int.test.ts fails
 * when this file and the served document differ.
 */

`;
