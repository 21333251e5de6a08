import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

/** The vendored official schemas, validated with libxml2 (compiled to WebAssembly), the same code as `xmllint --schema`. */
export const XSD_DIR = path.join(__dirname, '../../domain/einvoice/xsd');

const SCHEMAS = { fpr12: 'Schema_VFPR12_v1.2.2.xsd', messaggi: 'MessaggiTypes_v1.1.xsd' } as const;
const SIGNATURE_SCHEMA = 'xmldsig-core-schema.xsd';

function schemaFile(fileName: string): XMLFileInfo {
  return { fileName, contents: readFileSync(path.join(XSD_DIR, fileName), 'utf8') };
}

/**
 * The schema's complaints about each document, by the name given (an empty list: valid). Documents are checked in
 * one run of the validator; the xmldsig schema the official ones import is preloaded beside them.
 */
export async function schemaErrors(schema: keyof typeof SCHEMAS, documents: Record<string, string>): Promise<Record<string, string[]>> {
  const names = Object.keys(documents);
  const result = await validateXML({
    xml: names.map((name, i) => ({ fileName: `doc${i}.xml`, contents: documents[name] })),
    schema: schemaFile(SCHEMAS[schema]),
    preload: schemaFile(SIGNATURE_SCHEMA),
  });
  const errors: Record<string, string[]> = Object.fromEntries(names.map((name) => [name, []]));
  // Most messages carry their file's location, the closing "docN.xml fails to validate" names it in its text, and a
  // parser error's quoted source line and caret follow the message they belong to.
  let last = NaN;
  for (const error of result.errors) {
    const named = Number(/\bdoc(\d+)\.xml\b/.exec(error.loc?.fileName ?? error.rawMessage)?.[1]);
    last = Number.isNaN(named) ? last : named;
    if (Number.isNaN(last)) throw new Error(`xmllint: ${error.rawMessage}`);
    errors[names[last]].push(error.message);
  }
  return errors;
}

/** Fails with the schema's own messages when any document is not valid. */
export async function expectSchemaValid(schema: keyof typeof SCHEMAS, documents: Record<string, string>): Promise<void> {
  const errors = await schemaErrors(schema, documents);
  expect(Object.fromEntries(Object.entries(errors).filter(([, list]) => list.length))).toEqual({});
}
