import { describeSchemaError, SpecSchemas } from '../adapters/spacetraders-api/spec-schemas.js';

/**
 * Validates response bodies against the vendored OpenAPI document (spec/openapi.json): the schema
 * of `method path` for `status`, exactly as the real server declares it. The same contract the API
 * client holds every response to, reporting every mismatch rather than the first.
 */
export class SpecValidator {
  private readonly schemas = new SpecSchemas(undefined, { allErrors: true });

  /** Undefined when the body matches; otherwise a readable list of what does not. */
  check(method: string, pathTemplate: string, status: number, body: unknown): string | undefined {
    const contract = this.schemas.contract(method, pathTemplate, status);
    if (contract.kind === 'unknown-operation') throw new Error(`the spec has no operation ${method} ${pathTemplate}`);
    if (contract.kind === 'undeclared-status')
      throw new Error(`the spec declares no ${status} response for ${method} ${pathTemplate}`);
    if (contract.kind === 'empty')
      return body === undefined || body === '' ? undefined : 'a body where none is expected';
    if (contract.validate(body)) return undefined;
    return (contract.validate.errors ?? []).map((e) => `${describeSchemaError(e)} (${e.message})`).join('\n');
  }
}
