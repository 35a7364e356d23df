import { jsonTextChanges } from './json-text-changes';
import type { Json } from './spec-model';

/**
 * A rebuild after a writer changed only texts of a large spec in one file (an operation's summary,
 * a description): the common edit while writing, which otherwise costs reading and checking the
 * whole spec again with Redocly (GitHub's 13 MB spec: two workers, 3.2 s of the rebuild's 8.4 s).
 * Such an edit cannot change what Redocly's rules say: they check the spec's structure, its
 * `$ref`s, its operationIds, server variables and examples against their schemas, and a summary or
 * description stays a string in the lines it had. So the last build's verdicts stand, and the
 * document Redocly bundled last time, with the new texts put in place, is the document it would
 * bundle now.
 *
 * What counts as such an edit is narrow on purpose: the two texts have the same number of lines,
 * and every line that differs is, in both, a text's own line (in JSON, one `"summary"` or
 * `"description"` member whose string alone changed; in YAML, such a member's key line or a line
 * of its value), so every line Redocly reported stays right. Read as documents they differ only in
 * those strings, none of them inside an example, a default, an enum or a discriminator's mapping
 * (values that are checked or followed). Anything else is compiled and checked in full.
 */

/** A text changed: where (the names down to it) and what it said before and says now. */
export interface TextChange {
  path: string[];
  before: string;
  after: string;
}

/** The members whose string may change without a check. */
const TEXT_KEYS = new Set(['summary', 'description']);

/** Members below which a string is a value checked against a schema, or one that names another place. */
const CHECKED_VALUES = new Set(['example', 'examples', 'x-example', 'x-examples', 'default', 'enum', 'const', 'mapping']);

/**
 * The texts changed between two versions of a spec, when they are all that changed (see above); else
 * undefined. JSON is compared as bytes (json-text-changes.ts); YAML is read by `parseYaml`, which
 * must read it as Redocly does.
 */
export function textOnlyChanges(
  before: string | Uint8Array,
  after: string | Uint8Array,
  format: 'json' | 'yaml',
  parseYaml: (text: string) => Json,
): TextChange[] | undefined {
  const asBytes = (value: string | Uint8Array) => (typeof value === 'string' ? Buffer.from(value) : value);
  const asText = (value: string | Uint8Array) =>
    typeof value === 'string' ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  return format === 'json' ? jsonTextChanges(asBytes(before), asBytes(after), CHECKED_VALUES) : yamlTextChanges(asText(before), asText(after), parseYaml);
}

/** YAML's: only lines of texts differ, and read as documents the two differ only in texts' strings. */
function yamlTextChanges(before: string, after: string, parseYaml: (text: string) => Json): TextChange[] | undefined {
  const oldLines = before.split('\n');
  const newLines = after.split('\n');
  if (oldLines.length !== newLines.length) return undefined;
  for (let index = 0; index < oldLines.length; index++) {
    if (oldLines[index] === newLines[index]) continue;
    if (!inYamlText(oldLines, index) || !inYamlText(newLines, index)) return undefined;
  }
  let old: Json;
  let now: Json;
  try {
    old = parseYaml(before);
    now = parseYaml(after);
  } catch {
    return undefined;
  }
  const changes: TextChange[] = [];
  return sameButTexts(old, now, [], false, changes) ? changes : undefined;
}

/** A YAML line that starts a summary or description member (in a list item too). */
const YAML_TEXT_KEY = /^\s*(?:-\s+)?(?:summary|description|"summary"|"description"|'summary'|'description')\s*:(?:\s|$)/;

/**
 * Whether a line of a YAML text is a summary's or description's key line, or more indented than the
 * nearest such line above it with nothing less indented between: a line of its value (a block
 * scalar, or a plain or quoted one that goes on over lines). Which value, and that it is a string,
 * the comparison of the two documents decides.
 */
function inYamlText(lines: readonly string[], index: number): boolean {
  const line = lines[index]!;
  if (YAML_TEXT_KEY.test(line)) return true;
  if (!line.trim()) return false;
  const indent = indentOf(line);
  for (let at = index - 1; at >= 0; at--) {
    const above = lines[at]!;
    if (!above.trim() || indentOf(above) >= indent) continue;
    return YAML_TEXT_KEY.test(above);
  }
  return false;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Whether two JSON values are the same but for text members' strings (collected in `changes`); `checked`: inside a checked value. */
function sameButTexts(old: Json, now: Json, path: string[], checked: boolean, changes: TextChange[]): boolean {
  if (old === now) return true;
  if (typeof old !== 'object' || typeof now !== 'object' || old === null || now === null) {
    const key = path.at(-1);
    if (typeof old !== 'string' || typeof now !== 'string' || checked || key === undefined || !TEXT_KEYS.has(key)) return false;
    changes.push({ path, before: old, after: now });
    return true;
  }
  if (Array.isArray(old) !== Array.isArray(now)) return false;
  const keys = Object.keys(old);
  const nowKeys = Object.keys(now);
  // The same members in the same order: order decides what comes first on the page.
  if (keys.length !== nowKeys.length || keys.some((key, index) => key !== nowKeys[index])) return false;
  return keys.every((key) => sameButTexts(old[key], now[key], [...path, key], checked || CHECKED_VALUES.has(key), changes));
}

/**
 * Puts the changed texts in place in the document bundled from the text before (Redocly's
 * bundling keeps a one-file spec's places). False when a text is not where and what it was there:
 * then the document is not to be used.
 */
export function applyTextChanges(document: Json, changes: readonly TextChange[]): boolean {
  for (const change of changes) {
    let parent: Json = document;
    for (const key of change.path.slice(0, -1)) {
      parent = parent !== null && typeof parent === 'object' && Object.hasOwn(parent, key) ? parent[key] : undefined;
    }
    const key = change.path.at(-1)!;
    if (parent === null || typeof parent !== 'object' || !Object.hasOwn(parent, key) || parent[key] !== change.before) return false;
    parent[key] = change.after;
  }
  return true;
}
