/**
 * JSON values written as Python and JavaScript literals for generated samples. httpsnippet writes
 * them itself but escapes only quotes: a backslash (`C:\temp`) or a line break in an example's
 * string made a sample that sent other text, or did not parse. A JSON string is a valid string
 * literal in both languages (JSON's escapes are theirs), so strings are written as JSON writes them.
 */

/** A Python literal: `True`, `False`, `None`; objects one key a line, 4 spaces deeper each level, as httpsnippet lays them out. */
export function pythonLiteral(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return JSON.stringify(value);
  const inner = '    '.repeat(depth + 1);
  const outer = '    '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) return `[${value.map((item) => pythonLiteral(item)).join(', ')}]`;
    return `[\n${value.map((item) => inner + pythonLiteral(item, depth + 1)).join(',\n')}\n${outer}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pythonLiteral(item, depth + 1)}`).join(',\n')}\n${outer}}`;
}

/** A JavaScript literal on one line, keys unquoted where they are names, strings in single quotes, as httpsnippet writes them. */
export function javascriptLiteral(value: unknown): string {
  if (value === undefined) return 'null';
  if (typeof value === 'string') return singleQuoted(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(javascriptLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : singleQuoted(key)}: ${javascriptLiteral(item)}`).join(', ')}}`;
}

/** JSON's string with its double quotes traded for single ones: `'` escaped, `"` left bare. */
function singleQuoted(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}
