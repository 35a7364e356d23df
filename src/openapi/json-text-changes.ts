import type { TextChange } from './text-edit';

/**
 * The texts changed between two versions of a JSON spec, read from their bytes (see text-edit.ts for
 * what counts as such an edit): only the lines between the first and the last byte that differ are
 * read as text, and where each changed line is in the document is found by following the JSON's
 * structure up to it, not by parsing either version. GitHub's spec: decoding its two 13 MB texts,
 * splitting them into lines and parsing both took about 0.7 s of a rebuild on a slow machine.
 *
 * `before` is the text the last compiling read, so valid JSON; `after` may be anything. Undefined
 * unless every line that differs is, in both, one `"summary"` or `"description"` member whose string
 * alone changed (a valid JSON string), outside any value checked against a schema or naming
 * another place (`checked`).
 */
export function jsonTextChanges(before: Uint8Array, after: Uint8Array, checked: ReadonlySet<string>): TextChange[] | undefined {
  const prefix = commonPrefix(before, after);
  if (prefix === before.length && prefix === after.length) return [];
  const suffix = commonSuffix(before, after, prefix);
  // The changed stretch, widened to whole lines: the same start in both, the same distance from their ends.
  // (lastIndexOf counts a negative start from the end.)
  const start = prefix === 0 ? 0 : before.lastIndexOf(NEWLINE, prefix - 1) + 1;
  const lineEnd = before.indexOf(NEWLINE, before.length - suffix);
  const fromEnd = lineEnd === -1 ? 0 : before.length - lineEnd;
  const oldLines = decode(before.subarray(start, before.length - fromEnd)).split('\n');
  const newLines = decode(after.subarray(start, after.length - fromEnd)).split('\n');
  if (oldLines.length !== newLines.length) return undefined;
  const changed: Array<{ offset: number; key: string; before: string; after: string }> = [];
  // Each line's offset in `after`, from its bytes (a decoded line may not be as long: a byte that is not UTF-8).
  let offset = start;
  for (let index = 0; index < newLines.length; index++) {
    const was = oldLines[index]!;
    const is = newLines[index]!;
    if (was !== is) {
      const text = textMember(was, is);
      if (!text) return undefined;
      changed.push({ offset, ...text });
    }
    offset = after.indexOf(NEWLINE, offset) + 1;
  }
  const paths = pathsAt(
    after,
    changed.map((change) => change.offset),
  );
  // Fewer paths than lines: the JSON before them is not well formed after all.
  if (paths.length < changed.length) return undefined;
  const changes: TextChange[] = [];
  for (const [index, change] of changed.entries()) {
    const path = [...paths[index]!, change.key];
    // A member written twice is read as its last: then this one's string changes nothing.
    if (path.some((key) => checked.has(key)) || keyAgain(after, change.offset, change.key)) return undefined;
    changes.push({ path, before: change.before, after: change.after });
  }
  return changes;
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
// A byte-order mark is kept as a character, as in the lines of the whole text.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const decode = (bytes: Uint8Array) => decoder.decode(bytes);

/** A line that holds one text member: its indent and key, its string, what follows (a comma). */
const TEXT_LINE = /^(\s*"(summary|description)"\s*:\s*)("(?:[^"\\]|\\.)*")(\s*,?\s*)$/;

/** The key and the two strings when two versions of a line are the same text member, only its string changed (and still a valid JSON string). */
function textMember(before: string, after: string): { key: string; before: string; after: string } | undefined {
  const was = TEXT_LINE.exec(before);
  const is = TEXT_LINE.exec(after);
  if (!was || !is || was[1] !== is[1] || was[4] !== is[4]) return undefined;
  try {
    return { key: is[2]!, before: JSON.parse(was[3]!) as string, after: JSON.parse(is[3]!) as string };
  } catch {
    // An escape JSON does not know, a control character: not JSON.
    return undefined;
  }
}

/** How many bytes the two start with alike (found by halves: each comparison is native). */
function commonPrefix(a: Uint8Array, b: Uint8Array): number {
  let low = 0;
  let high = Math.min(a.length, b.length);
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (Buffer.compare(a.subarray(low, middle), b.subarray(low, middle)) === 0) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** How many bytes the two end with alike, not reaching into their first `prefix` bytes. */
function commonSuffix(a: Uint8Array, b: Uint8Array, prefix: number): number {
  let low = 0;
  let high = Math.min(a.length, b.length) - prefix;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (Buffer.compare(a.subarray(a.length - middle, a.length - low), b.subarray(b.length - middle, b.length - low)) === 0) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** An open object or array, and the member or item of it being read: its key's bytes, or its index. */
interface Frame {
  array: boolean;
  index: number;
  keyStart: number;
  keyEnd: number;
}

/**
 * The path (keys, and indexes as strings) of the object or array open at each of `offsets` (in
 * ascending order) of a JSON text that is well formed up to the last of them. Strings are skipped
 * by searching for their closing quote, so most bytes are never looked at one by one.
 */
function pathsAt(json: Uint8Array, offsets: readonly number[]): string[][] {
  const bytes = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
  const stack: Frame[] = [];
  const paths: string[][] = [];
  let expectKey = false;
  let next = 0;
  for (let at = 0; next < offsets.length; at++) {
    while (next < offsets.length && at === offsets[next]) {
      paths.push(pathOf(bytes, stack));
      next++;
    }
    if (next === offsets.length || at >= bytes.length) break;
    const byte = bytes[at]!;
    if (byte === QUOTE) {
      const end = stringEnd(bytes, at);
      const top = stack.at(-1);
      if (top && !top.array && expectKey) {
        top.keyStart = at;
        top.keyEnd = end;
        expectKey = false;
      }
      at = end - 1;
    } else if (byte === 0x7b /* { */ || byte === 0x5b /* [ */) {
      stack.push({ array: byte === 0x5b, index: 0, keyStart: 0, keyEnd: 0 });
      expectKey = byte === 0x7b;
    } else if (byte === 0x7d /* } */ || byte === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (byte === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top?.array) top.index++;
      else expectKey = true;
    }
  }
  return paths;
}

/** Whether the object holding the member whose line starts at `offset` has another member called `key` after it. */
function keyAgain(json: Uint8Array, offset: number, key: string): boolean {
  const bytes = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
  let depth = 0;
  let expectKey = true;
  let first = true;
  for (let at = offset; at < bytes.length; at++) {
    const byte = bytes[at]!;
    if (byte === QUOTE) {
      const end = stringEnd(bytes, at);
      if (depth === 0 && expectKey) {
        if (!first && JSON.parse(decode(bytes.subarray(at, end))) === key) return true;
        first = false;
        expectKey = false;
      }
      at = end - 1;
    } else if (byte === 0x7b /* { */ || byte === 0x5b /* [ */) depth++;
    else if (byte === 0x7d /* } */ || byte === 0x5d /* ] */) {
      if (depth === 0) return false;
      depth--;
    } else if (byte === 0x2c /* , */ && depth === 0) expectKey = true;
  }
  return false;
}

/** Where the string starting at `start` (its opening quote) ends: just after its closing quote. */
function stringEnd(bytes: Buffer, start: number): number {
  for (let quote = bytes.indexOf(QUOTE, start + 1); quote !== -1; quote = bytes.indexOf(QUOTE, quote + 1)) {
    // A quote after an odd number of backslashes is part of the string.
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return bytes.length;
}

/** The path down to the innermost open container: each container's member key (or item index) that leads to the next. */
function pathOf(bytes: Buffer, stack: readonly Frame[]): string[] {
  return stack.slice(0, -1).map((frame) => (frame.array ? String(frame.index) : (JSON.parse(decode(bytes.subarray(frame.keyStart, frame.keyEnd))) as string)));
}
