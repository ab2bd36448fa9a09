import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

/** The OASIS CAP 1.2 schema bundled in data/standards (with its copyright line). */
const XSD = readFileSync(fileURLToPath(new URL('../../../data/standards/CAP-v1.2.xsd', import.meta.url)), 'utf8');

/** Validates a document against the CAP 1.2 XSD with libxml2 (xmllint compiled to WebAssembly). */
export async function validateCap(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({ xml: [{ fileName: 'alert.xml', contents: xml }], schema: [{ fileName: 'CAP-v1.2.xsd', contents: XSD }] });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

export const CAP_EXAMPLE = readFileSync(fileURLToPath(new URL('../../../data/standards/cap-v1.2-example-gas-explosion.xml', import.meta.url)), 'utf8');
