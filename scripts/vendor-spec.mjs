#!/usr/bin/env node
// Regenerates spec/openapi.json from the official SpaceTraders OpenAPI document.
// Usage: node scripts/vendor-spec.mjs <path-or-url-of-openapi.json>
// The copy keeps paths, schemas, enums and formats (the facts) and drops every
// human-written text field (description, summary, x-* docs), so the repo carries
// only what the code and the tests use.
import { readFile, writeFile } from 'node:fs/promises';

const DROP = new Set([
  'description',
  'summary',
  'example',
  'examples',
  'externalDocs',
  'termsOfService',
  'contact',
  'license',
]);
const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/vendor-spec.mjs <openapi.json path or URL>');
  process.exit(2);
}

const text = /^https?:/.test(source) ? await (await fetch(source)).text() : await readFile(source, 'utf8');
const spec = JSON.parse(text);

function strip(node, parentKey) {
  if (Array.isArray(node)) return node.map((item) => strip(item));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    // "properties" and "schemas" name user keys; a property may itself be called "description".
    const isNameMap =
      parentKey === 'properties' || parentKey === 'schemas' || parentKey === 'paths' || parentKey === 'responses';
    if (!isNameMap && DROP.has(key)) continue;
    out[key] = strip(value, key);
  }
  return out;
}

const stripped = strip(spec);
stripped['x-vendored'] = {
  source: 'SpaceTraders v2 OpenAPI document served at https://api.spacetraders.io/v2/documentation/json',
  version: spec.info?.version ?? 'unknown',
  note: 'description/summary/example texts stripped by scripts/vendor-spec.mjs; regenerate with npm run spec:vendor -- <file>',
};
await writeFile(new URL('../spec/openapi.json', import.meta.url), `${JSON.stringify(stripped, null, 1)}\n`);
console.log(
  `wrote spec/openapi.json (${Object.keys(stripped.paths ?? {}).length} paths, ${Object.keys(stripped.components?.schemas ?? {}).length} schemas)`,
);
