import { descriptionMarkdown, inlineCode, inlineText, markdownLineHtml, notesAt, type DescriptionNote, type Dialect } from './markdown-text';
import { refName, resolve, type Json } from './spec-model';

/**
 * A schema as a nested Markdown list of its properties: name, type, required, constraints and
 * description, one level per object. `allOf` is merged; `oneOf`/`anyOf` become labelled
 * alternatives (with the discriminator); `readOnly` properties are left out of requests and
 * `writeOnly` ones out of responses; a schema met again inside itself is named, never expanded.
 */
export interface SchemaListOptions {
  dialect: Dialect;
  /** A request body leaves out readOnly properties, a response writeOnly ones. */
  direction: 'request' | 'response';
  /** What writing descriptions noted (unsafe HTML removed, an unknown code language), to warn with its pointer. */
  notes: DescriptionNote[];
}

/** Levels of nesting shown; deeper properties are summed up by their type. */
const MAX_DEPTH = 6;

/** Levels below which a property whose schema is a named component is named only (see walkSchema). */
const NAMED_DEPTH = 2;

/** The type of a schema in words: `string (date-time)`, `array of Pet`, `Pet`, `string | null`. */
export function typeText(document: Json, raw: Json): string {
  const name = refName(raw);
  const schema = withAllOfFields(document, raw);
  if (name) return name;
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes('array') || schema.items) {
    const items = typeText(document, schema.items ?? {});
    return `array of ${items || 'any'}`;
  }
  const values = mapValues(schema);
  if (values) return `map of ${typeText(document, values)}${types.includes('null') || schema.nullable === true ? ' | null' : ''}`;
  const alternatives: Json[] | undefined = schema.oneOf ?? schema.anyOf;
  let text =
    types.filter((type) => type !== 'null').join(' | ') ||
    (schema.properties || schema.allOf
      ? 'object'
      : Array.isArray(alternatives)
        ? alternatives.map((alternative) => typeText(document, alternative)).join(' | ')
        : '');
  if (schema.format) text += ` <${schema.format}>`;
  // Swagger 2.0 wrote `x-nullable` (go-swagger, Docker's spec), which Redoc reads as 3.0's `nullable`.
  if (types.includes('null') || schema.nullable === true || schema['x-nullable'] === true) text += text ? ' | null' : 'null';
  return text || 'any';
}

/** Constraints of a schema in words: `default: 10`, `enum: a, b`, `≥ 1`, `pattern: …`. */
export function constraintsOf(schema: Json): string[] {
  const found: string[] = [];
  const value = (v: unknown) => inlineCode(JSON.stringify(v));
  if (schema.default !== undefined) found.push(`default ${value(schema.default)}`);
  if (Array.isArray(schema.enum)) found.push(`one of ${schema.enum.map(value).join(', ')}`);
  if (schema.const !== undefined) found.push(`always ${value(schema.const)}`);
  if (typeof schema.minimum === 'number') found.push(`${schema.exclusiveMinimum === true ? '>' : '≥'} ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === 'number') found.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.maximum === 'number') found.push(`${schema.exclusiveMaximum === true ? '<' : '≤'} ${schema.maximum}`);
  if (typeof schema.exclusiveMaximum === 'number') found.push(`< ${schema.exclusiveMaximum}`);
  if (typeof schema.minLength === 'number') found.push(`at least ${schema.minLength} characters`);
  if (typeof schema.maxLength === 'number') found.push(`at most ${schema.maxLength} characters`);
  if (typeof schema.pattern === 'string') found.push(`pattern ${inlineCode(schema.pattern)}`);
  if (typeof schema.minItems === 'number') found.push(`at least ${schema.minItems} items`);
  if (typeof schema.maxItems === 'number') found.push(`at most ${schema.maxItems} items`);
  if (schema.uniqueItems === true) found.push('unique items');
  if (schema.deprecated === true) found.push('**deprecated**');
  return found;
}

/**
 * A schema of no type of its own whose `allOf` gives it one, with its parts' fields under its own:
 * `allOf: [$ref: Sort]` beside a default (OpenAPI 3.0 ignores a `$ref`'s siblings, so Pachca's
 * parameters wrap theirs) is a string of Sort's values with that default, not an object.
 */
export function withAllOfFields(document: Json, raw: Json): Json {
  const schema = resolve(document, raw) ?? {};
  if (!Array.isArray(schema.allOf) || schema.type || schema.properties) return schema;
  const result: Json = { ...schema, allOf: undefined };
  for (const part of schema.allOf)
    for (const [key, value] of Object.entries<Json>(resolve(document, part) ?? {})) if (result[key] === undefined) result[key] = value;
  return result.type && result.type !== 'object' ? result : schema;
}

/**
 * The schema of a map's values: an object with no properties of its own whose `additionalProperties`
 * is a schema (Docker's labels, a map of string, and its networks, a map of EndpointSettings).
 */
function mapValues(schema: Json): Json | undefined {
  const values = schema.additionalProperties;
  if (!values || typeof values !== 'object' || Object.keys(values).length === 0) return undefined;
  if (schema.properties || schema.oneOf || schema.anyOf || (schema.type && schema.type !== 'object')) return undefined;
  return values;
}

/** `allOf` merged into one object schema (properties and required lists joined). */
function merged(document: Json, raw: Json, seen: Set<string>): Json {
  const schema = resolve(document, raw) ?? {};
  if (!Array.isArray(schema.allOf)) return schema;
  const result: Json = { ...schema, allOf: undefined, properties: { ...(schema.properties ?? {}) }, required: [...(schema.required ?? [])] };
  for (const part of schema.allOf) {
    const name = refName(part);
    if (name && seen.has(name)) continue;
    const inner = merged(document, part, name ? new Set([...seen, name]) : seen);
    Object.assign(result.properties, inner.properties ?? {});
    result.required.push(...(inner.required ?? []));
    for (const key of ['type', 'description', 'oneOf', 'anyOf', 'discriminator', 'items', 'additionalProperties'])
      if (result[key] === undefined && inner[key] !== undefined) result[key] = inner[key];
  }
  return result;
}

/**
 * One line of a property list and what is nested under it: `markdown` is the line's inline
 * Markdown (a description may add paragraphs), `noun` what the nested items are.
 */
interface PropertyItem {
  markdown: string;
  children: PropertyItem[];
  noun: 'property' | 'alternative';
}

/**
 * Nested levels from this depth fold into a `<details>` (the first two stay open): GitHub's
 * repository object shows ninety properties, and an owner's thirty under one of them, under every
 * operation that returns it.
 */
const OPEN_LEVELS = 2;

/**
 * The property list of a schema (empty when it has no properties to show). In a Markdown page it is
 * one HTML block: a nested Markdown list costs micromark far more than its size (GitHub's spec
 * writes 8 MB of them, two thirds of its render time), while each distinct line is turned to HTML
 * once here. In MDX, where raw HTML is not allowed, it is a Markdown list.
 */
export function schemaList(document: Json, raw: Json, pointer: string, options: SchemaListOptions): string {
  const name = refName(raw);
  const items = walkSchema(document, raw, pointer, options, 0, name ? new Set([name]) : new Set());
  if (items.length === 0) return '';
  return options.dialect === 'mdx' ? markdownList(items, '') : htmlList(items, 0);
}

function markdownList(items: PropertyItem[], indent: string): string {
  return items
    .map((item) => {
      const line = `${indent}- ${item.markdown.replace(/\n/g, `\n${indent}  `)}`;
      return item.children.length ? `${line}\n${markdownList(item.children, `${indent}  `)}` : line;
    })
    .join('\n');
}

function htmlList(items: PropertyItem[], depth: number): string {
  const lines = items.map((item) => {
    let nested = '';
    if (item.children.length) {
      nested = htmlList(item.children, depth + 1);
      // The alternatives of a oneOf stay open: there are few of them, and they are the point.
      if (depth + 1 >= OPEN_LEVELS && item.noun === 'property') {
        const count = item.children.length;
        nested = `<details><summary>${count} ${count === 1 ? 'property' : 'properties'}</summary>${nested}</details>`;
      }
    }
    return `<li>${markdownLineHtml(item.markdown)}${nested}</li>`;
  });
  return `<ul class="properties">${lines.join('')}</ul>`;
}

/** Where a schema is written: its `$ref`'s target, else where it was met (what a writer fixes is there). */
const writtenAt = (raw: Json, met: string): string => (typeof raw?.$ref === 'string' && raw.$ref.startsWith('#/') ? raw.$ref.slice(1) : met);

function walkSchema(document: Json, raw: Json, met: string, options: SchemaListOptions, depth: number, seen: Set<string>): PropertyItem[] {
  const items: PropertyItem[] = [];
  const pointer = writtenAt(raw, met);
  const schema = merged(document, raw, seen);
  const itemsName = schema.type === 'array' || schema.items ? refName(schema.items) : undefined;
  if (itemsName) {
    if (seen.has(itemsName)) return items;
    seen = new Set([...seen, itemsName]);
  }
  const target = schema.type === 'array' || schema.items ? merged(document, schema.items ?? {}, seen) : schema;
  const base = schema.type === 'array' || schema.items ? writtenAt(schema.items, `${pointer}/items`) : pointer;
  const required: string[] = Array.isArray(target.required) ? target.required : [];
  for (const [property, rawChild] of Object.entries<Json>(target.properties ?? {})) {
    const child = resolve(document, rawChild) ?? {};
    if (options.direction === 'request' && child.readOnly === true) continue;
    if (options.direction === 'response' && child.writeOnly === true) continue;
    const childPointer = writtenAt(rawChild, `${base}/properties/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    const item: PropertyItem = {
      markdown: propertyLine(document, property, rawChild, required.includes(property), childPointer, options),
      children: [],
      noun: 'property',
    };
    items.push(item);
    const childName = refName(rawChild) ?? refName(child.items);
    if (childName && seen.has(childName)) continue; // recursion: named in the line above, not expanded
    if (depth + 1 >= MAX_DEPTH) continue;
    // A named schema inside a named schema's property is named, not expanded: GitHub's repository
    // would otherwise repeat its owner's thirty properties under every operation that returns it.
    if (childName && depth + 1 >= NAMED_DEPTH) continue;
    item.children = walkSchema(document, rawChild, childPointer, options, depth + 1, childName ? new Set([...seen, childName]) : seen);
  }
  // A map's values' properties, under the map's line ("map of EndpointSettings"), unless named above it.
  const values = mapValues(target);
  const valuesName = values ? refName(values) : undefined;
  if (values && !(valuesName && seen.has(valuesName)))
    items.push(...walkSchema(document, values, `${base}/additionalProperties`, options, depth, valuesName ? new Set([...seen, valuesName]) : seen));
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const alternatives: Json[] = Array.isArray(target[keyword]) ? target[keyword] : [];
    if (alternatives.length === 0) continue;
    const discriminator = target.discriminator?.propertyName;
    const intro = keyword === 'oneOf' ? 'Exactly one of' : 'Any of';
    const choice: PropertyItem = {
      markdown: `${intro}${discriminator ? ` (chosen by ${inlineCode(discriminator)})` : ''}:`,
      children: [],
      noun: 'alternative',
    };
    items.push(choice);
    alternatives.forEach((alternative, index) => {
      const resolved = resolve(document, alternative) ?? {};
      const label = String(resolved.title ?? refName(alternative) ?? `option ${index + 1}`);
      const type = typeText(document, alternative);
      const mapped = Object.entries<string>(target.discriminator?.mapping ?? {}).find(([, ref]) => ref === alternative?.$ref)?.[0];
      const option: PropertyItem = {
        markdown: `${inlineText(label)}${type === label ? '' : ` (${alternativeFacts(resolved, type)})`}${mapped ? `: ${inlineCode(discriminator)} is ${inlineCode(mapped)}` : ''}`,
        children: [],
        noun: 'property',
      };
      const at = `${writtenAt(alternative, `${base}/${keyword}/${index}`)}/description`;
      if (!mapped && typeof resolved.description === 'string' && resolved.description.trim()) {
        const description = descriptionMarkdown(resolved.description, options.dialect, { headingShift: 6 });
        options.notes.push(...notesAt(at, description));
        option.markdown += `: ${description.markdown}`;
      }
      choice.children.push(option);
      const altName = refName(alternative);
      if ((altName && seen.has(altName)) || depth + 2 >= MAX_DEPTH) return;
      option.children = walkSchema(document, alternative, `${base}/${keyword}/${index}`, options, depth + 2, altName ? new Set([...seen, altName]) : seen);
    });
  }
  return items;
}

/**
 * What an alternative of a oneOf/anyOf is, beside its title: its type, or, when it has none, its
 * value (Discord's named enum values, `{title: BUTTON, const: 2}`) or the properties it requires
 * (Intercom's `anyOf` of required lists), rather than "any".
 */
function alternativeFacts(schema: Json, type: string): string {
  if (type !== 'any') return inlineText(type);
  if (schema.const !== undefined) return inlineCode(JSON.stringify(schema.const));
  const required: unknown[] = Array.isArray(schema.required) ? schema.required : [];
  if (required.length) return `requires ${required.map((name) => inlineCode(String(name))).join(', ')}`;
  return inlineText(type);
}

function propertyLine(document: Json, property: string, raw: Json, required: boolean, pointer: string, options: SchemaListOptions): string {
  const schema = resolve(document, raw) ?? {};
  const facts = [typeText(document, raw), ...(required ? ['required'] : []), ...constraintsOf(schema)];
  let line = `${inlineCode(property)} (${facts.map((fact, index) => (index === 0 ? inlineText(fact) : fact)).join(', ')})`;
  if (typeof schema.description === 'string' && schema.description.trim()) {
    const description = descriptionMarkdown(schema.description, options.dialect, { headingShift: 6 });
    options.notes.push(...notesAt(`${pointer}/description`, description));
    line += `: ${description.markdown}`;
  }
  return line;
}
