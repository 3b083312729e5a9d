import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
}

/** What the spec says a response to one operation with one status must be. */
export type ResponseContract =
  | { kind: 'unknown-operation' }
  | { kind: 'undeclared-status'; declared: string[] }
  | { kind: 'empty' }
  | { kind: 'json'; validate: ValidateFunction };

/**
 * The vendored OpenAPI document (spec/openapi.json) as the contract of every response: the JSON
 * schema of `method path` for a status, compiled on first use and kept, so a process pays only for
 * the operations it calls. Shared by the API client (every response) and the sandbox's tests.
 */
export class SpecSchemas {
  private spec?: OpenApiDocument;
  private ajv?: Ajv;
  private templates?: { template: string; pattern: RegExp; literals: number }[];
  private readonly contracts = new Map<string, ResponseContract>();

  constructor(
    private readonly specPath: string | URL = findSpec(),
    private readonly options: { allErrors?: boolean } = {},
  ) {}

  /** The spec's path template for a concrete path (`/my/ships/N-1` → `/my/ships/{shipSymbol}`). */
  templateOf(path: string): string | undefined {
    const bare = path.split('?', 1)[0] ?? path;
    this.templates ??= Object.keys(this.document().paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        literals: template.split('/').filter((part) => part && !part.startsWith('{')).length,
      }))
      .sort((a, b) => b.literals - a.literals);
    return this.templates.find((t) => t.pattern.test(bare))?.template;
  }

  contract(method: string, template: string, status: number): ResponseContract {
    const key = `${method.toLowerCase()} ${template} ${status}`;
    let contract = this.contracts.get(key);
    if (!contract) {
      contract = this.build(method.toLowerCase(), template, String(status));
      this.contracts.set(key, contract);
    }
    return contract;
  }

  private build(method: string, template: string, status: string): ResponseContract {
    const operation = this.document().paths[template]?.[method];
    if (!operation) return { kind: 'unknown-operation' };
    const response = operation.responses[status];
    if (!response) return { kind: 'undeclared-status', declared: Object.keys(operation.responses) };
    if (!response.content?.['application/json']) return { kind: 'empty' };
    const pointer = ['paths', template, method, 'responses', status, 'content', 'application/json', 'schema']
      .map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1'))
      .join('/');
    return { kind: 'json', validate: this.compiler().compile({ $ref: `spec#/${pointer}` }) };
  }

  private document(): OpenApiDocument {
    this.spec ??= JSON.parse(readFileSync(this.specPath, 'utf8')) as OpenApiDocument;
    return this.spec;
  }

  private compiler(): Ajv {
    if (!this.ajv) {
      const ajv = new Ajv({ strict: false, allErrors: this.options.allErrors ?? false, validateSchema: false });
      addFormats(ajv);
      // The spec writes `format: integer` on integer schemas; the type already says it all.
      ajv.addFormat('integer', true);
      ajv.addSchema(this.document() as object, 'spec');
      this.ajv = ajv;
    }
    return this.ajv;
  }
}

/** `data[0].nav: required`: where a body breaks its schema, in the words of the body's own fields. */
export function describeSchemaError(error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1);
  if (error.keyword === 'required') parts.push(String((error.params as { missingProperty: string }).missingProperty));
  let path = '';
  for (const part of parts) {
    const name = part.replaceAll('~1', '/').replaceAll('~0', '~');
    path += /^\d+$/.test(name) ? `[${name}]` : path ? `.${name}` : name;
  }
  const what = error.keyword === 'required' ? 'required' : (error.message ?? error.keyword);
  return `${path || 'body'}: ${what}`;
}

/**
 * spec/openapi.json of this package, found by walking up from this module: it runs from src/ (tsx,
 * vitest), from dist/ (tsc) and from the CLI bundle in dist/bundle.
 */
function findSpec(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'spec', 'openapi.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('spec/openapi.json not found above the API client');
    dir = parent;
  }
}
