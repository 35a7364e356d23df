import type { Json } from './spec-model';

/**
 * A form body's value as the fields a request sends, by OpenAPI's rules for forms (the Encoding
 * Object's `style` and `explode`, which default to `form` and `true`):
 *
 * - URL-encoded: a list repeats its name (`tags=a&tags=b`), or is one field joined by `,`, ` ` or
 *   `|` when not exploded (`form`, `spaceDelimited`, `pipeDelimited`); an object is its properties
 *   as fields (`form`), one field of keys and values (`form` not exploded), or bracketed names
 *   (`deepObject`: `metadata[plan]=pro`, nested as deep as the value, a list's items numbered
 *   `items[0][price]` or, for plain values, `expand[]`, as Stripe's API reads them).
 * - Multipart: a list is one part per item with the same name; an object is one part of JSON.
 *
 * A plain value is written as text; `null` as an empty field.
 */
export function formFields(value: Record<string, unknown>, encoding: Json | undefined, multipart: boolean): Array<[name: string, value: string]> {
  const fields: Array<[string, string]> = [];
  for (const [name, item] of Object.entries(value)) {
    const declared = (encoding?.[name] ?? {}) as { style?: string; explode?: boolean };
    const style = declared.style ?? 'form';
    const explode = declared.explode ?? style === 'form';
    if (multipart) {
      for (const one of Array.isArray(item) ? item : [item]) fields.push([name, text(one)]);
    } else if (style === 'deepObject' && isStructured(item)) {
      bracketed(name, item, fields);
    } else if (Array.isArray(item)) {
      if (explode) for (const one of item) fields.push([name, text(one)]);
      else fields.push([name, item.map(text).join(DELIMITERS[style] ?? ',')]);
    } else if (isObject(item)) {
      if (explode) for (const [key, one] of Object.entries(item)) fields.push([key, text(one)]);
      else
        fields.push([
          name,
          Object.entries(item)
            .flatMap(([key, one]) => [key, text(one)])
            .join(','),
        ]);
    } else {
      fields.push([name, text(item)]);
    }
  }
  return fields;
}

const DELIMITERS: Record<string, string> = { form: ',', spaceDelimited: ' ', pipeDelimited: '|' };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStructured = (value: unknown): value is Record<string, unknown> | unknown[] => typeof value === 'object' && value !== null;

/** A field's text: a string as it is, `null` empty, an object (inside a field that holds only text) as JSON. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `deepObject`'s bracketed names, to any depth. */
function bracketed(prefix: string, value: Record<string, unknown> | unknown[], fields: Array<[string, string]>): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => (isStructured(item) ? bracketed(`${prefix}[${index}]`, item, fields) : fields.push([`${prefix}[]`, text(item)])));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (isStructured(item)) bracketed(`${prefix}[${key}]`, item, fields);
    else fields.push([`${prefix}[${key}]`, text(item)]);
  }
}
