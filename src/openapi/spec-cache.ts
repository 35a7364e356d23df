import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../validation/problem';

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

/** What a spec became for one page: the Markdown of its sections and the problems found on the way. */
export interface CompiledEntry {
  markdown: string;
  problems: Problem[];
}

interface StoredEntry extends CompiledEntry {
  /** Each file the spec is made of, with the digest of its contents when it was compiled. */
  files: Record<string, string>;
}

/**
 * Compiled specs kept on disk between builds (`<work>/cache/openapi`): reading, checking and
 * compiling GitHub's spec takes 12–15 s, which a rebuild after editing a guide beside it, or every
 * save in `npm run dev`, would pay again. An entry is the spec's Markdown for one set of compile
 * options, valid while every file of the spec (its `$ref`s' too) has the contents it had, and the
 * code the same (`version`). A spec with errors is never stored: its report must come afresh.
 */
export class SpecCache {
  constructor(
    readonly dir: string,
    readonly version: string,
  ) {}

  private entryPath(file: string, options: unknown): string {
    return path.join(this.dir, `${sha1(JSON.stringify([this.version, file, options]))}.json`);
  }

  /** Where the texts a spec's compiling wrote back are kept for its next compiling (markdown-text.ts, beginTextMemo). */
  memoPath(file: string): string {
    return path.join(this.dir, `text-${sha1(JSON.stringify([this.version, file]))}.json`);
  }

  /** Where the verdicts of a spec's last checks on its examples are kept (example-verdicts.ts). */
  verdictsPath(file: string): string {
    return path.join(this.dir, `verdicts-${sha1(JSON.stringify([this.version, file]))}.json`);
  }

  /** Where the operations a spec's last compiling wrote are kept, for one set of compile options (operation-memo.ts). */
  operationsPath(file: string, options: unknown): string {
    return path.join(this.dir, `operations-${sha1(JSON.stringify([this.version, file, options]))}.json`);
  }

  /** The entry, with the files the spec is made of, while they are as they were. */
  get(file: string, options: unknown): (CompiledEntry & { files: string[] }) | undefined {
    let stored: StoredEntry;
    try {
      stored = JSON.parse(fs.readFileSync(this.entryPath(file, options), 'utf8')) as StoredEntry;
    } catch {
      return undefined;
    }
    for (const [name, digest] of Object.entries(stored.files)) {
      if (!fs.existsSync(name) || sha1(fs.readFileSync(name)) !== digest) return undefined;
    }
    return { markdown: stored.markdown, problems: stored.problems, files: Object.keys(stored.files) };
  }

  set(file: string, options: unknown, files: readonly string[], entry: CompiledEntry): void {
    if (entry.problems.some((problem) => problem.severity === 'error')) return;
    const stored: StoredEntry = { ...entry, files: Object.fromEntries(files.map((name) => [name, sha1(fs.readFileSync(name))])) };
    fs.mkdirSync(this.dir, { recursive: true });
    // Written whole, then renamed: a build stopped halfway leaves no half entry.
    const target = this.entryPath(file, options);
    const temporary = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(stored));
    fs.renameSync(temporary, target);
  }
}
