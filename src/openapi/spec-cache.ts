import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../validation/problem';
import { asciiJson, readAsciiJson, writeCache, writeWhole } from './memo-files';

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

/** What a spec became for one page: the Markdown of its sections and the problems found on the way. */
export interface CompiledEntry {
  markdown: string;
  problems: Problem[];
  /** The spec's line of each stretch of the Markdown (SpecLines). */
  lines: SpecLines;
  /** How many of `problems`, first, Redocly's rules found (CompiledFile.rules). */
  rules?: number;
}

/**
 * Where a spec's Markdown came from: the Markdown's line at which a stretch starts, the spec's line
 * of what it shows, and its JSON pointer (CompiledSpec.places), in order. A problem found in the
 * Markdown is reported at the spec's line and pointer of the stretch it is in (specPlaceOf): the
 * pointer finds it where a line does not (a spec written on one line, as APIs.guru's are).
 */
export type SpecLines = Array<[markdownLine: number, specLine: number, pointer: string]>;

/** The spec's line (0 when not known) and pointer for a line of its Markdown, or undefined before the first stretch. */
export function specPlaceOf(lines: SpecLines, markdownLine: number): { line: number; pointer: string } | undefined {
  let low = 0;
  let high = lines.length - 1;
  let found: SpecLines[number] | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (lines[middle]![0] <= markdownLine) {
      found = lines[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found && { line: found[1], pointer: found[2] };
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

  /** Where a one-file spec's text and bundled document are kept from its last compiling (text-edit.ts). */
  keptPaths(file: string): KeptPaths {
    const key = sha1(JSON.stringify([this.version, file]));
    return { text: path.join(this.dir, `kept-${key}.txt`), bundled: path.join(this.dir, `kept-${key}.json`) };
  }

  /** The entry's record as the last compiling left it, whatever its files hold now: a rebuild after an edit of texts alone starts from it. */
  previous(file: string, options: unknown): PreviousEntry | undefined {
    try {
      const { files, problems, lines, rules } = readAsciiJson<EntryRecord>(this.entryPath(file, options));
      return { files, problems, lines: Array.isArray(lines) ? lines : [], ...(rules === undefined ? {} : { rules }) };
    } catch {
      return undefined;
    }
  }

  /** The entry, with the files the spec is made of, while they are as they were. */
  get(file: string, options: unknown): (CompiledEntry & { files: string[] }) | undefined {
    const entry = this.entryPath(file, options);
    // The files' digests first, from a small file of their own: the Markdown (GitHub's spec: 26 MB) is read only when they hold.
    let record: EntryRecord;
    let markdown: string;
    try {
      record = readAsciiJson<EntryRecord>(entry);
      for (const [name, digest] of Object.entries(record.files)) {
        if (!fs.existsSync(name) || sha1(fs.readFileSync(name)) !== digest) return undefined;
      }
      markdown = fs.readFileSync(markdownPath(entry), 'utf8');
    } catch {
      return undefined;
    }
    return { markdown, problems: record.problems, lines: record.lines, files: Object.keys(record.files) };
  }

  set(file: string, options: unknown, files: readonly string[], entry: CompiledEntry): void {
    if (entry.problems.some((problem) => problem.severity === 'error')) return;
    const record: EntryRecord = {
      files: Object.fromEntries(files.map((name) => [name, sha1(fs.readFileSync(name))])),
      problems: entry.problems,
      lines: entry.lines,
      ...(entry.rules === undefined ? {} : { rules: entry.rules }),
    };
    const target = this.entryPath(file, options);
    // The files' digests are taken now (above), from the files this compiling read; written later, they could be a newer save's.
    writeCache(() => {
      // The record goes last, and the old one first: Markdown is never found under another entry's record.
      fs.rmSync(target, { force: true });
      writeWhole(markdownPath(target), entry.markdown);
      writeWhole(target, asciiJson(JSON.stringify(record)));
    });
  }
}

/** What names an entry's Markdown: each file the spec is made of with the digest of its contents then, and the problems found. */
interface EntryRecord {
  files: Record<string, string>;
  problems: Problem[];
  lines: SpecLines;
  rules?: number;
}

/** What an entry's last compiling found: its files' digests then, its problems, the lines of its places, how many of its problems first are Redocly's rules'. */
export type PreviousEntry = Pick<EntryRecord, 'files' | 'problems' | 'lines' | 'rules'>;

/** The two files a one-file spec's compiling keeps (SpecCache.keptPaths): its text, and the bundled document with its text's digest. */
export interface KeptPaths {
  text: string;
  bundled: string;
}

/** Keeps a spec's text and bundled document (LoadedSpec.kept) where `paths` say: one that cannot be written only means a slower next build. */
export function keepSource(paths: KeptPaths, kept: { text: string | Buffer; bundled: string }): void {
  writeCache(() => {
    try {
      writeWhole(paths.text, kept.text);
      writeWhole(paths.bundled, `{"text":"${sha1(kept.text)}","document":${asciiJson(kept.bundled)}}`);
    } catch {
      // Nothing kept: the next edit of texts is compiled and checked in full.
    }
  });
}

/**
 * The kept text (its bytes: a JSON spec's edit is found without decoding it) and bundled document,
 * when both are there and belong together (the text's digest), else undefined.
 */
export function readKept(paths: KeptPaths): { bytes: Buffer; digest: string; document: unknown } | undefined {
  try {
    const bytes = fs.readFileSync(paths.text);
    const kept = readAsciiJson<{ text: string; document: unknown }>(paths.bundled);
    const digest = sha1(bytes);
    return kept.text === digest ? { bytes, digest, document: kept.document } : undefined;
  } catch {
    return undefined;
  }
}

/** Where an entry's Markdown is kept, as it is (no JSON to parse). */
const markdownPath = (entry: string) => entry.replace(/\.json$/, '.md');
