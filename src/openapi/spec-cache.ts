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
    const entry = this.entryPath(file, options);
    // The files' digests first, from a small file of their own: the entry (GitHub's spec: 27 MB) is read only when they hold.
    let files: Record<string, string>;
    let stored: CompiledEntry;
    try {
      files = JSON.parse(fs.readFileSync(filesPath(entry), 'utf8')) as Record<string, string>;
      for (const [name, digest] of Object.entries(files)) {
        if (!fs.existsSync(name) || sha1(fs.readFileSync(name)) !== digest) return undefined;
      }
      stored = JSON.parse(fs.readFileSync(entry, 'utf8')) as CompiledEntry;
    } catch {
      return undefined;
    }
    return { markdown: stored.markdown, problems: stored.problems, files: Object.keys(files) };
  }

  set(file: string, options: unknown, files: readonly string[], entry: CompiledEntry): void {
    if (entry.problems.some((problem) => problem.severity === 'error')) return;
    const digests = Object.fromEntries(files.map((name) => [name, sha1(fs.readFileSync(name))]));
    fs.mkdirSync(this.dir, { recursive: true });
    const target = this.entryPath(file, options);
    // The digests go last, and the old ones first: an entry is never found under another entry's digests.
    fs.rmSync(filesPath(target), { force: true });
    writeWhole(target, JSON.stringify({ markdown: entry.markdown, problems: entry.problems }));
    writeWhole(filesPath(target), JSON.stringify(digests));
  }
}

/** Where an entry's files and their digests are kept. */
const filesPath = (entry: string) => entry.replace(/\.json$/, '.files.json');

/** Written whole, then renamed: a build stopped halfway leaves no half file. */
function writeWhole(target: string, text: string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, target);
}
