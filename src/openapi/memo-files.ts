import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * The files of what a spec's builds keep for the next one (spec-cache.ts and the memos beside it):
 * each written whole, so a build stopped halfway, or another thread, never reads half of one.
 */

/**
 * A quick rebuild (integration/build-without-astro.ts) holds these writes back until its main thread
 * would only wait for Pagefind: they are for the next build, and GitHub's spec wrote about 55 MB
 * (its text and bundled document kept, its operations' Markdown, its compiled Markdown) while the
 * rebuild's pages waited, 0.5 s of its 8.4 s on a slow machine. Held writes run in the order they
 * were asked for; a build that ends before releasing them only makes its next build slower.
 */
let held: Array<() => void> | undefined;

/** From now on, `writeCache` holds writes until `releaseCacheWrites`. */
export function holdCacheWrites(): void {
  held ??= [];
}

/** Runs `write` now, or when `releaseCacheWrites` is called if writes are held. */
export function writeCache(write: () => void): void {
  if (held) held.push(write);
  else write();
}

/** Runs the held writes and stops holding them. */
export function releaseCacheWrites(): void {
  const writes = held ?? [];
  held = undefined;
  for (const write of writes) write();
}

/** Writes `text` to a temporary file beside `file`, then renames it into place. Throws when it cannot (the temporary file removed). */
export function writeWhole(file: string, text: string | Buffer): void {
  const temporary = `${file}.${process.pid}.${threadId}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * JSON written with every character beyond ASCII as an escape, to be read back as Latin-1
 * (`readAsciiJson`): no UTF-8 to decode. A text with a single character beyond Latin-1 is decoded
 * into a string of two bytes a character, and slowly: GitHub's spec's bundled document (7 MB, 294
 * such characters) was read and parsed in 150–200 ms, and in about 50 ms so.
 */
export function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Parses a file `asciiJson` wrote. Throws when it cannot be read or parsed. */
export function readAsciiJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'latin1')) as T;
}

/** Stores a memo's JSON: one that cannot be written is only a slower next build. */
export function storeMemo(file: string, memo: unknown): void {
  const text = asciiJson(JSON.stringify(memo));
  writeCache(() => {
    try {
      writeWhole(file, text);
    } catch {
      // Nothing kept: the next build makes the entries again.
    }
  });
}

/** A memo's JSON, or undefined when there is none yet or it cannot be read (the entries are then made again). */
export function readMemo<T>(file: string): T | undefined {
  try {
    return readAsciiJson<T>(file);
  } catch {
    return undefined;
  }
}
