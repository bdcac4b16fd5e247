// Checks requests against GitHub's official OpenAPI description (the
// @octokit/openapi package): the operation exists, path and query parameters
// have the declared types, and the JSON body fits the request schema. A
// validator for the subset of JSON Schema the description uses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Schema = Record<string, any>;

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  params: Record<string, string>;
}

interface Route {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  op: Schema;
}

export class OpenApi {
  private readonly spec: Schema;
  private readonly routes: Route[] = [];

  constructor() {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    this.spec = JSON.parse(readFileSync(file, 'utf8'));
    for (const [template, item] of Object.entries<Schema>(this.spec.paths)) {
      for (const [method, op] of Object.entries<Schema>(item)) {
        if (!op?.operationId) continue;
        const names: string[] = [];
        const multi = new Set((op.parameters ?? []).map((p: Schema) => this.deref(p)).filter((p: Schema) => p['x-multi-segment']).map((p: Schema) => p.name));
        const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
          names.push(name);
          return multi.has(name) ? '(.+)' : '([^/]+)';
        });
        this.routes.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${pattern}$`), names, op });
      }
    }
  }

  private deref(node: Schema): Schema {
    let current = node;
    while (current && typeof current.$ref === 'string') {
      current = current.$ref
        .slice(2)
        .split('/')
        .reduce((o: Schema, key: string) => o[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.spec);
    }
    return current;
  }

  /** The operation a request targets, with the problems found in it (none when valid). */
  check(method: string, url: URL, body: unknown): { operation?: Operation; problems: string[] } {
    const problems: string[] = [];
    const candidates = this.routes.filter((r) => r.method === method && r.regex.test(url.pathname));
    // A literal segment beats a parameter: prefer the template with the fewest parameters.
    const route = candidates.sort((a, b) => a.names.length - b.names.length)[0];
    if (!route) return { problems: [`no operation ${method} ${url.pathname} in the OpenAPI description`] };
    const match = route.regex.exec(url.pathname)!;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
    const declared = new Map<string, Schema>();
    for (const p of route.op.parameters ?? []) {
      const param = this.deref(p);
      declared.set(`${param.in}:${param.name}`, param);
    }
    for (const [name, value] of Object.entries(params)) {
      const param = declared.get(`path:${name}`);
      if (!param) problems.push(`path parameter ${name} is not declared`);
      else this.validate(param.schema, coerce(param.schema, value), `path ${name}`, problems);
    }
    for (const [name, value] of url.searchParams) {
      const param = declared.get(`query:${name}`);
      if (!param) problems.push(`query parameter ${name} is not declared for ${route.op.operationId}`);
      else this.validate(param.schema, coerce(param.schema, value), `query ${name}`, problems);
    }
    for (const param of declared.values()) {
      if (param.required && param.in === 'query' && !url.searchParams.has(param.name)) problems.push(`query parameter ${param.name} is required`);
    }
    const requestBody = route.op.requestBody ? this.deref(route.op.requestBody) : undefined;
    const schema = requestBody?.content?.['application/json']?.schema;
    if (body !== undefined) {
      if (!schema) problems.push(`${route.op.operationId} takes no JSON body`);
      else this.validate(schema, body, 'body', problems);
    } else if (requestBody?.required) {
      problems.push(`${route.op.operationId} requires a body`);
    }
    return { operation: { operationId: route.op.operationId, method, template: route.template, params }, problems };
  }

  /** Appends to `problems` what is wrong with `value`. Properties a schema does not declare count as wrong. */
  validate(node: Schema, value: unknown, at: string, problems: string[]): void {
    const schema = this.deref(node);
    if (value === null) {
      if (!schema.nullable && schema.type !== 'null') problems.push(`${at} is null`);
      return;
    }
    for (const sub of schema.allOf ?? []) this.validate(sub, value, at, problems);
    if (schema.anyOf && !schema.anyOf.some((sub: Schema) => this.fits(sub, value, at))) problems.push(`${at} matches none of anyOf`);
    if (schema.oneOf && schema.oneOf.filter((sub: Schema) => this.fits(sub, value, at)).length !== 1) problems.push(`${at} does not match exactly one of oneOf`);
    if (schema.enum && !schema.enum.includes(value)) problems.push(`${at} = ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
    const type = schema.type ?? (schema.properties ? 'object' : undefined);
    switch (type) {
      case 'object': {
        if (typeof value !== 'object' || Array.isArray(value)) return void problems.push(`${at} is not an object`);
        const record = value as Record<string, unknown>;
        for (const name of schema.required ?? []) if (!(name in record)) problems.push(`${at}.${name} is required`);
        for (const [name, v] of Object.entries(record)) {
          const property = schema.properties?.[name];
          if (property) this.validate(property, v, `${at}.${name}`, problems);
          else if (typeof schema.additionalProperties === 'object') this.validate(schema.additionalProperties, v, `${at}.${name}`, problems);
          else if (schema.additionalProperties !== true && schema.properties) problems.push(`${at}.${name} is not a declared property`);
        }
        if (schema.maxProperties !== undefined && Object.keys(record).length > schema.maxProperties) problems.push(`${at} has too many properties`);
        return;
      }
      case 'array': {
        if (!Array.isArray(value)) return void problems.push(`${at} is not an array`);
        if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${at} has ${value.length} items, at most ${schema.maxItems} allowed`);
        if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${at} has ${value.length} items, at least ${schema.minItems} needed`);
        if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) problems.push(`${at} has duplicate items`);
        if (schema.items) value.forEach((item, i) => this.validate(schema.items, item, `${at}[${i}]`, problems));
        return;
      }
      case 'string': {
        if (typeof value !== 'string') return void problems.push(`${at} is not a string`);
        const length = [...value].length;
        if (schema.maxLength !== undefined && length > schema.maxLength) problems.push(`${at} has ${length} characters, at most ${schema.maxLength} allowed`);
        if (schema.minLength !== undefined && length < schema.minLength) problems.push(`${at} has ${length} characters, at least ${schema.minLength} needed`);
        if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${at} does not match ${schema.pattern}`);
        if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) problems.push(`${at} is not a date-time`);
        return;
      }
      case 'integer':
      case 'number': {
        if (typeof value !== 'number' || (type === 'integer' && !Number.isInteger(value))) return void problems.push(`${at} is not an ${type}`);
        if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at} is below ${schema.minimum}`);
        if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${at} is above ${schema.maximum}`);
        return;
      }
      case 'boolean':
        if (typeof value !== 'boolean') problems.push(`${at} is not a boolean`);
        return;
    }
  }

  private fits(schema: Schema, value: unknown, at: string): boolean {
    const found: string[] = [];
    this.validate(schema, value, at, found);
    return found.length === 0;
  }
}

/** Path and query values arrive as text; integers and booleans are declared as such. */
function coerce(schema: Schema | undefined, value: string): unknown {
  if (schema?.type === 'integer' || schema?.type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (schema?.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}
