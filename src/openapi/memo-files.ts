import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * The files of what a spec's builds keep for the next one (spec-cache.ts and the memos beside it):
 * each written whole, so a build stopped halfway, or another thread, never reads half of one.
 */

/** Writes `text` to a temporary file beside `file`, then renames it into place. Throws when it cannot (the temporary file removed). */
export function writeWhole(file: string, text: string): void {
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
  try {
    writeWhole(file, JSON.stringify(memo));
  } catch {
    // Nothing kept: the next build makes the entries again.
  }
}

/** A memo's JSON, or undefined when there is none yet or it cannot be read (the entries are then made again). */
export function readMemo<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
