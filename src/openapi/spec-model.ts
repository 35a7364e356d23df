/**
 * An OpenAPI 3.x document (bundled: every `$ref` points inside it) read as what the reference
 * shows: tags in order, each with its operations, and the webhooks. Swagger 2.0 is upgraded before
 * it gets here (load-spec.ts). Nothing here writes Markdown.
 */

// A spec is JSON of any shape: it is read defensively, field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;

export interface SpecOperation {
  method: string;
  /** The path template (`/pets/{petId}`), or the webhook's name. */
  path: string;
  operation: Json;
  pathItem: Json;
  /** JSON pointer of the operation in the bundled document (`/paths/~1pets/get`). */
  pointer: string;
  /** The operationId, else `METHOD /path`: what decides between two operations that would share an id. */
  key: string;
  webhook: boolean;
}

export interface SpecTag {
  name: string;
  /** What the heading says: `x-displayName`, else the name. */
  title: string;
  description?: string;
  operations: SpecOperation[];
  /** Operations listed under this tag that render under their first tag: linked from here. */
  alsoListed: SpecOperation[];
}

/** The name of the h1 that holds operations without a tag. */
const UNTAGGED = 'Operations';

export const pointerPart = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

/** Follows `$ref`s inside the document (`#/components/schemas/Pet`); a value without one is itself. */
export function resolve(document: Json, value: Json, seen = new Set<string>()): Json {
  const ref = value && typeof value === 'object' ? value.$ref : undefined;
  if (typeof ref !== 'string' || !ref.startsWith('#')) return value;
  if (seen.has(ref)) return {};
  seen.add(ref);
  let target: Json = document;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    target = target?.[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return resolve(document, target ?? {}, seen);
}

/** The schema name of a `$ref` to a component (`#/components/schemas/Pet` → `Pet`). */
export const refName = (value: Json): string | undefined =>
  typeof value?.$ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(value.$ref)?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;

function operationsOf(document: Json, items: Json, webhook: boolean): SpecOperation[] {
  const found: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries<Json>(items ?? {})) {
    const pathItem = resolve(document, rawItem);
    const root = webhook ? '/webhooks' : '/paths';
    const methods: Array<[string, Json]> = METHODS.filter((method) => pathItem?.[method]).map((method) => [method, pathItem[method]]);
    // OpenAPI 3.2: methods beyond the fixed ones.
    for (const [method, operation] of Object.entries<Json>(pathItem?.additionalOperations ?? {})) methods.push([method.toLowerCase(), operation]);
    for (const [method, operation] of methods) {
      const pointer = `${root}/${pointerPart(path)}/${method}`;
      const key = typeof operation.operationId === 'string' && operation.operationId ? operation.operationId : `${method.toUpperCase()} ${path}`;
      found.push({ method, path, operation, pathItem, pointer, key, webhook });
    }
  }
  return found;
}

/**
 * The tags of the document in reading order, each with the operations it renders: `x-tagGroups`
 * first (in group order), then `tags`, then tags met on operations only, then untagged operations.
 * An operation under several tags renders under its first and is listed under the others.
 */
export function tagsOf(document: Json, only?: readonly string[]): SpecTag[] {
  const declared: Json[] = Array.isArray(document.tags) ? document.tags : [];
  const order: string[] = [];
  const add = (name: unknown) => {
    if (typeof name === 'string' && !order.includes(name)) order.push(name);
  };
  for (const group of Array.isArray(document['x-tagGroups']) ? document['x-tagGroups'] : []) for (const name of group?.tags ?? []) add(name);
  // OpenAPI 3.2: a tag with a parent follows its parent.
  for (const tag of declared.filter((tag) => !tag?.parent)) {
    add(tag?.name);
    for (const child of declared.filter((other) => other?.parent === tag?.name)) add(child?.name);
  }
  for (const tag of declared) add(tag?.name);
  const operations = operationsOf(document, document.paths, false);
  for (const operation of operations) for (const name of operation.operation.tags ?? []) add(name);

  const tags = new Map<string, SpecTag>();
  for (const name of order) {
    const info = declared.find((tag) => tag?.name === name);
    tags.set(name, { name, title: String(info?.['x-displayName'] ?? name), description: info?.description, operations: [], alsoListed: [] });
  }
  const untagged: SpecTag = { name: UNTAGGED, title: UNTAGGED, operations: [], alsoListed: [] };
  for (const operation of operations) {
    const names: string[] = (operation.operation.tags ?? []).filter((name: unknown) => typeof name === 'string');
    if (names.length === 0) {
      untagged.operations.push(operation);
      continue;
    }
    const first = names[0]!;
    tags.get(first)!.operations.push(operation);
    for (const other of names) if (other !== first) tags.get(other)!.alsoListed.push(operation);
  }
  // A declared tag with a description and no operation is a section of text, as Redoc showed it
  // (Lob's Authentication, Errors, Rate Limiting…); one its webhooks use is not: they are under Webhooks.
  const ofWebhooks = new Set(webhooksOf(document).flatMap((webhook) => webhook.operation.tags ?? []));
  const textOnly = (tag: SpecTag) => typeof tag.description === 'string' && tag.description.trim() !== '' && !ofWebhooks.has(tag.name);
  const result = [...tags.values(), ...(untagged.operations.length ? [untagged] : [])].filter(
    (tag) => tag.operations.length > 0 || tag.alsoListed.length > 0 || textOnly(tag),
  );
  if (!only?.length) return result;
  // Some tags only: an operation whose own tag is left out is rendered under the first shown tag
  // that lists it, not linked to a section the page does not have.
  const shown = result.filter((tag) => only.includes(tag.name));
  const rendered = new Set(shown.flatMap((tag) => tag.operations));
  for (const tag of shown) {
    const homeless = tag.alsoListed.filter((operation) => !rendered.has(operation));
    for (const operation of homeless) rendered.add(operation);
    tag.operations.push(...homeless);
    tag.alsoListed = tag.alsoListed.filter((operation) => !homeless.includes(operation));
  }
  return shown;
}

/** The webhooks of an OpenAPI 3.1+ document (or `x-webhooks`), in their order. */
export const webhooksOf = (document: Json): SpecOperation[] => operationsOf(document, document.webhooks ?? document['x-webhooks'], true);

/** What an operation's heading says: its summary, else its operationId, else `METHOD /path`. */
export function operationTitle(operation: SpecOperation): string {
  const summary = typeof operation.operation.summary === 'string' ? operation.operation.summary.trim() : '';
  if (summary && isTitle(summary, operation.webhook)) return oneLine(summary);
  // A webhook is known by its name: GitHub's say what their event is in a paragraph of a summary.
  if (operation.webhook) return operation.path;
  if (typeof operation.operation.operationId === 'string' && operation.operation.operationId) return operation.operation.operationId;
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

/**
 * A summary that reads as a heading: one paragraph of text (its lines joined: a YAML block keeps
 * the writer's line breaks), and for a webhook one line at most this long. An operation keeps such
 * a summary whatever its length (Widdershins made its id from it, and links to that must keep
 * working); a summary of several paragraphs, or with a list, a quote or a rule, is prose (OpenAI's),
 * shown as the operation's first paragraph under its operationId. Webhooks, which Widdershins never
 * showed, use their name instead of a long summary.
 */
const TITLE_LENGTH = 80;
const oneLine = (summary: string) => summary.replace(/\s*[\r\n]\s*/g, ' ');
const isTitle = (summary: string, webhook: boolean) =>
  webhook ? !summary.includes('\n') && summary.length <= TITLE_LENGTH : !/\n\s*(\n|[-*+>#|]|\d+[.)]\s|```|~~~)/.test(summary);

/** A summary that is not the operation's heading (operationTitle), to show as its first paragraph. */
export function summaryParagraph(operation: SpecOperation): string | undefined {
  const summary = typeof operation.operation.summary === 'string' ? operation.operation.summary.trim() : '';
  return summary && !isTitle(summary, operation.webhook) ? summary : undefined;
}

/** Parameters of an operation: the path item's, replaced by the operation's of the same name and place. */
export function parametersOf(document: Json, operation: SpecOperation): Json[] {
  const merged = new Map<string, Json>();
  for (const raw of [...(operation.pathItem.parameters ?? []), ...(operation.operation.parameters ?? [])]) {
    const parameter = resolve(document, raw);
    if (parameter?.name) merged.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...merged.values()];
}
