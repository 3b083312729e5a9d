import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Validates response bodies against the vendored OpenAPI document (spec/openapi.json): the schema
 * of `method path` for `status`, exactly as the real server declares it.
 */
export class SpecValidator {
  private readonly ajv: Ajv;
  private readonly spec: {
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
    >;
  };
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(specPath = new URL('../../spec/openapi.json', import.meta.url)) {
    this.spec = JSON.parse(readFileSync(specPath, 'utf8'));
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    // The spec writes `format: integer` on integer schemas; the type already says it all.
    this.ajv.addFormat('integer', true);
    this.ajv.addSchema(this.spec as object, 'spec');
  }

  /** Undefined when the body matches; otherwise a readable list of what does not. */
  check(method: string, pathTemplate: string, status: number, body: unknown): string | undefined {
    const key = `${method.toLowerCase()} ${pathTemplate} ${status}`;
    let validate = this.cache.get(key);
    if (!validate) {
      const operation = this.spec.paths[pathTemplate]?.[method.toLowerCase()];
      if (!operation) throw new Error(`the spec has no operation ${method} ${pathTemplate}`);
      if (!operation.responses[String(status)])
        throw new Error(`the spec declares no ${status} response for ${method} ${pathTemplate}`);
      const pointer = [
        'paths',
        pathTemplate,
        method.toLowerCase(),
        'responses',
        String(status),
        'content',
        'application/json',
        'schema',
      ]
        .map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1'))
        .join('/');
      validate = this.ajv.compile({ $ref: `spec#/${pointer}` });
      this.cache.set(key, validate);
    }
    if (validate(body)) return undefined;
    return this.ajv.errorsText(validate.errors, { separator: '\n' });
  }
}
