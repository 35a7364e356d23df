import { sample } from 'openapi-sampler';
import { resolve, type Json } from './spec-model';

/**
 * Example values for requests and responses, the writer's first: a media type's or parameter's
 * `example`, then the first of its `examples`, then the schema's own example, default or first enum
 * value, and only then a value made from the schema (openapi-sampler: deterministic, so two builds
 * write the same samples).
 */

/** The writer's example of a media type or parameter object, if it has one. */
export function givenExample(document: Json, holder: Json): { found: boolean; value?: unknown } {
  if (holder?.example !== undefined) return { found: true, value: holder.example };
  const examples = holder?.examples;
  if (examples && typeof examples === 'object') {
    const first = Array.isArray(examples) ? examples[0] : resolve(document, Object.values(examples)[0]);
    if (first !== undefined) return { found: true, value: Array.isArray(examples) ? first : first?.value };
  }
  return { found: false };
}

/** A value for a schema: its example, default, first enum value, else one made from it. */
export function schemaValue(document: Json, rawSchema: Json, direction: 'request' | 'response'): unknown {
  const schema = resolve(document, rawSchema) ?? {};
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  // openapi-sampler warns on the console about schemas it merges as best it can (allOf of two
  // types), whatever `quiet` says: a build's output is its report, so those lines are kept out.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return sample(rawSchema, { skipReadOnly: direction === 'request', skipWriteOnly: direction === 'response', quiet: true }, document);
  } catch {
    return {};
  } finally {
    console.warn = warn;
  }
}

/** Every named example of a media type, for the code column: `[{ label, value }]`. */
export function namedExamples(document: Json, media: Json, direction: 'request' | 'response'): Array<{ label?: string; value: unknown }> {
  if (media?.example !== undefined) return [{ value: media.example }];
  if (media?.examples && typeof media.examples === 'object' && Object.keys(media.examples).length) {
    return Object.entries<Json>(media.examples).map(([name, raw]) => {
      const example = resolve(document, raw);
      return { label: String(example?.summary ?? name), value: example?.value };
    });
  }
  if (!media?.schema) return [];
  return [{ value: schemaValue(document, media.schema, direction) }];
}
