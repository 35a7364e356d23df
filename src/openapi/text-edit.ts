import type { Json } from './spec-model';

/**
 * A rebuild after a writer changed only texts of a large JSON spec (an operation's summary, a
 * description): the common edit while writing, which otherwise costs reading and checking the whole
 * spec again with Redocly in two workers (GitHub's 13 MB spec: 3.2 s of the rebuild's 8.4 s).
 * Such an edit cannot change what Redocly's rules say: they check the spec's structure, its
 * `$ref`s, its operationIds, server variables and examples against their schemas, and a summary or
 * description stays a string on its own line. So the last build's verdicts stand, and the document
 * Redocly bundled last time, with the new texts put in place, is the document it would bundle now.
 *
 * What counts as such an edit is narrow on purpose: the two texts have the same lines but for ones
 * that each hold one `"summary"` or `"description"` member and only its string changed (so every
 * line Redocly reported stays right), and read as JSON they differ only in those strings, none of
 * them inside an example, a default, an enum or a discriminator's mapping (values that are checked
 * or followed). Anything else is compiled and checked in full.
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

/** A line that holds one text member: its indent and key, its string, what follows (a comma). */
const TEXT_LINE = /^(\s*"(?:summary|description)"\s*:\s*)("(?:[^"\\]|\\.)*")(\s*,?\s*)$/;

/** The texts changed between two versions of a JSON spec, when they are all that changed (see above); else undefined. */
export function textOnlyChanges(before: string, after: string): TextChange[] | undefined {
  if (!sameLinesButTexts(before, after)) return undefined;
  let old: Json;
  let now: Json;
  try {
    old = JSON.parse(before);
    now = JSON.parse(after);
  } catch {
    return undefined;
  }
  const changes: TextChange[] = [];
  return sameButTexts(old, now, [], false, changes) ? changes : undefined;
}

/** Whether the texts have the same lines, but for lines where only a summary's or description's string changed. */
function sameLinesButTexts(before: string, after: string): boolean {
  const old = before.split('\n');
  const now = after.split('\n');
  if (old.length !== now.length) return false;
  for (let index = 0; index < old.length; index++) {
    if (old[index] === now[index]) continue;
    const was = TEXT_LINE.exec(old[index]!);
    const is = TEXT_LINE.exec(now[index]!);
    if (!was || !is || was[1] !== is[1] || was[3] !== is[3]) return false;
  }
  return true;
}

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
