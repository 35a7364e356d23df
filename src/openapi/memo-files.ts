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

/** Stores a memo's JSON: one that cannot be written is only a slower next build. */
export function storeMemo(file: string, memo: unknown): void {
  const text = JSON.stringify(memo);
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
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
