/**
 * JSON values written as Python and JavaScript literals for generated samples. httpsnippet writes
 * them itself but escapes only quotes: a backslash (`C:\temp`) or a line break in an example's
 * string made a sample that sent other text, or did not parse. A JSON string is a valid string
 * literal in both languages (JSON's escapes are theirs), so strings are written as JSON writes them.
 */

/**
 * A Python literal (`True`, `False`, `None`) laid out as httpsnippet lays them out: an object of
 * one key on its line (`{ "name": "Rex" }`), of more one key a line; a list on one line unless it
 * holds an object of several keys; 4 spaces deeper each level.
 */
export function pythonLiteral(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return JSON.stringify(value);
  const inner = '    '.repeat(depth + 1);
  const outer = '    '.repeat(depth);
  if (Array.isArray(value)) {
    const items = value.map((item) => pythonLiteral(item, depth + 1));
    const spread = value.some((item) => isObject(item) && Object.keys(item).length > 1);
    return spread ? `[\n${inner}${items.join(`,\n${inner}`)}\n${outer}]` : `[${items.join(', ')}]`;
  }
  const pairs = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${JSON.stringify(key)}: ${pythonLiteral(item, depth + 1)}`);
  if (pairs.length === 0) return '{}';
  return pairs.length === 1 ? `{ ${pairs[0]} }` : `{\n${inner}${pairs.join(`,\n${inner}`)}\n${outer}}`;
}

/**
 * A JavaScript literal laid out as httpsnippet lays them out: keys unquoted where they are names,
 * strings in single quotes, an object or list on one line when that line is at most 80 characters,
 * else one entry a line, 2 spaces deeper than `pad`.
 */
export function javascriptLiteral(value: unknown, pad = ''): string {
  if (value === undefined) return 'null';
  if (typeof value === 'string') return singleQuoted(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${pad}  `;
  const items = Array.isArray(value)
    ? value.map((item) => javascriptLiteral(item, inner))
    : Object.entries(value as Record<string, unknown>).map(
        ([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : singleQuoted(key)}: ${javascriptLiteral(item, inner)}`,
      );
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const line = `${open}${items.join(', ')}${close}`;
  if (items.length === 0 || (line.length <= 80 && !line.includes('\n'))) return line;
  return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${pad}${close}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON's string with its double quotes traded for single ones: `'` escaped, `"` left bare. */
function singleQuoted(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}
