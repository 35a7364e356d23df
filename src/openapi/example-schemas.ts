import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The schemas Redocly's example rules hand to ajv, made to mean what OpenAPI says they mean. Two
 * things went wrong on real specs:
 *
 * - For Swagger 2.0 and OpenAPI 3.0, ajv reads a schema as JSON Schema draft 4, where `id` names a
 *   schema, and it looks for ids in every object of a schema, its `example` included. PagerDuty's
 *   example `{ creator: { id: "PABO808" }, updater: { id: "PABO808" } }` gave two schemas the same
 *   id, and the example was reported as unchecked ("its schema does not compile"). An example and an
 *   `x-` extension say nothing ajv validates, so they are left out of what it compiles.
 * - Swagger 2.0 wrote `x-nullable: true` (go-swagger, Docker's spec), which Redoc and Shale's pages
 *   read as 3.0's `nullable: true`; ajv knows only the latter, so a `null` in an example was a
 *   warning. It is given the latter.
 *
 * The hook is on ajv's instances inside Redocly's validator (`AjvValidator`, not among its exports:
 * its file is required by path, as example-verdicts.ts does): the schemas it compiles, adds, and
 * loads for a `$ref`.
 */

/** Keywords whose value is a schema or a list of schemas. */
const SCHEMA_KEYWORDS = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'prefixItems',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
/** Keywords whose value maps names to schemas (a name there may be `example` or `x-…`: it stays). */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies', 'dependentSchemas']);

type Node = Record<string, unknown>;
const isObject = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A schema as ajv should compile it; the same object when nothing in it changes. */
function validatedSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    const items = schema.map(validatedSchema);
    return items.some((item, index) => item !== schema[index]) ? items : schema;
  }
  if (!isObject(schema)) return schema;
  let changed = false;
  const result: Node = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key.startsWith('x-')) {
      changed = true;
      continue;
    }
    const next = SCHEMA_KEYWORDS.has(key) ? validatedSchema(value) : SCHEMA_MAP_KEYWORDS.has(key) && isObject(value) ? validatedMap(value) : value;
    if (next !== value) changed = true;
    result[key] = next;
  }
  if (schema['x-nullable'] === true && schema.nullable === undefined && schema.type !== undefined) result.nullable = true;
  return changed ? result : schema;
}

function validatedMap(map: Node): Node {
  let changed = false;
  const result: Node = {};
  for (const [name, value] of Object.entries(map)) {
    result[name] = validatedSchema(value);
    if (result[name] !== value) changed = true;
  }
  return changed ? result : map;
}

interface Ajv {
  compile: (schema: unknown, meta?: boolean) => unknown;
  addSchema: (schema: unknown, key?: string, meta?: boolean, validate?: boolean) => unknown;
  opts: { loadSchemaSync?: (...args: unknown[]) => unknown };
}

const hooked = new WeakSet<Ajv>();

function hook(ajv: Ajv): void {
  if (hooked.has(ajv)) return;
  hooked.add(ajv);
  const { compile, addSchema } = ajv;
  ajv.compile = function (schema, meta) {
    return compile.call(this, validatedSchema(schema), meta);
  };
  ajv.addSchema = function (schema, key, meta, validate) {
    return addSchema.call(this, validatedSchema(schema), key, meta, validate);
  };
  const load = ajv.opts.loadSchemaSync;
  if (load) ajv.opts.loadSchemaSync = (...args) => validatedSchema(load(...args));
}

let installed = false;

/** Hooks Redocly's validator once per thread, before its checks first run. */
export function validateExamplesAsOpenApiSays(): void {
  if (installed) return;
  installed = true;
  const core = createRequire(import.meta.url).resolve('@redocly/openapi-core');
  const { AjvValidator } = createRequire(import.meta.url)(path.join(path.dirname(core), 'rules', 'ajv.js')) as {
    AjvValidator: { prototype: { getAjv: (this: unknown, ...args: unknown[]) => Ajv } };
  };
  const getAjv = AjvValidator.prototype.getAjv;
  AjvValidator.prototype.getAjv = function (...args) {
    const ajv = getAjv.apply(this, args);
    hook(ajv);
    return ajv;
  };
}
