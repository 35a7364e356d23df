import fs from 'node:fs';
import type { Page } from '../content/site';
import type { SourceFile } from '../content/source-file';
import { problem, type Problem } from '../validation/problem';
import { compileSpec, type CompiledSpec } from './compile-spec';
import { checkSpec, loadSpec, parseSpecText, readSpec, specLines, tagProblems, upgraded, type LoadedSpec } from './load-spec';
import { keepSource, readKept, type KeptPaths, type PreviousEntry, type SpecCache, type SpecLines } from './spec-cache';
import { tagsOf, type Json } from './spec-model';
import { WorkerPool } from '../workers/pool';
import { beginTextMemo, endTextMemo, type TextMemo } from './markdown-text';
import { OperationMemo } from './operation-memo';
import { readMemo, storeMemo } from './memo-files';
import { applyTextChanges, textOnlyChanges } from './text-edit';

/**
 * The OpenAPI specs a page names, compiled into parts that follow its body and includes: each
 * spec becomes one more file of the page, in the page's dialect, which the Markdown (or MDX)
 * pipeline renders like any include. Specs are loaded once per content state, however many pages
 * name them.
 */
export async function specParts(
  page: Page,
  load: (file: string) => Promise<LoadedSpec> = loadSpec,
  cache?: SpecCache,
  compile?: (task: SpecTask) => Promise<CompiledFile>,
): Promise<{ parts: Array<SourceFile | undefined>; problems: Problem[]; files: string[] }> {
  // One entry per spec of the page, in order (undefined for a spec with errors).
  const parts: Array<SourceFile | undefined> = [];
  const problems: Problem[] = [];
  // Every file the page's specs are made of (their `$ref`s' too), as far as they were read.
  const files: string[] = [];
  const part = (file: string, markdown: string, lines: SpecLines): SourceFile => ({
    path: file,
    dialect: page.dialect,
    yaml: '',
    body: markdown,
    bodyLine: 1,
    yamlLine: 1,
    generated: true,
    specLines: lines,
  });
  for (const reference of page.specs) {
    const options = {
      dialect: page.dialect,
      tabs: page.tabs,
      tags: reference.tags,
      ...(reference.webhooks === undefined ? {} : { webhooks: reference.webhooks }),
      ...(reference.schemas === undefined ? {} : { schemas: reference.schemas }),
      ...(reference.introduction ? { introduction: true } : {}),
    };
    const cached = cache?.get(reference.file, options);
    if (cached) {
      files.push(...cached.files);
      problems.push(...cached.problems);
      parts.push(part(reference.file, cached.markdown, cached.lines));
      continue;
    }
    const task: SpecTask = {
      file: reference.file,
      options,
      tags: { file: page.file, line: reference.line, names: reference.tags },
      ...(cache
        ? {
            memo: cache.memoPath(reference.file),
            verdicts: cache.verdictsPath(reference.file),
            operations: cache.operationsPath(reference.file, options),
            kept: cache.keptPaths(reference.file),
          }
        : {}),
    };
    // Only texts of the spec changed since its last compiling: that compiling's checks stand.
    const compiled =
      (cache && compileTextEdit(task, cache.previous(reference.file, options))) ?? (await (compile ?? ((task: SpecTask) => compileSpecFile(task, load)))(task));
    if (compiled.markdown !== undefined && compiled.files)
      cache?.set(reference.file, options, compiled.files, {
        markdown: compiled.markdown,
        problems: compiled.problems,
        lines: compiled.lines ?? [],
        ...(compiled.rules === undefined ? {} : { rules: compiled.rules }),
      });
    files.push(...(compiled.files ?? [reference.file]));
    problems.push(...compiled.problems);
    parts.push(compiled.markdown === undefined ? undefined : part(reference.file, compiled.markdown, compiled.lines ?? []));
  }
  return { parts, problems, files };
}

/** One spec to compile for one page: what compileSpecFile needs, as plain data (it may be sent to a worker). */
export interface SpecTask {
  file: string;
  options: SpecOptions;
  /** The tags the page asks for, and where it names the spec (for an unknown tag's report). */
  tags: { file: string; line: number | undefined; names: string[] };
  /** Where the texts its last compiling wrote back are kept (SpecCache.memoPath). */
  memo?: string;
  /** Where the verdicts of its last checks on its examples are kept (SpecCache.verdictsPath). */
  verdicts?: string;
  /** Where the operations its last compiling wrote are kept (SpecCache.operationsPath). */
  operations?: string;
  /** Where a one-file spec's (JSON or YAML) text and bundled document are kept for a rebuild after an edit of its texts (SpecCache.keptPaths). */
  kept?: KeptPaths;
}

/** A compiled spec: its Markdown (undefined when it has errors), the problems found, the files it is made of. */
export interface CompiledFile {
  markdown?: string;
  problems: Problem[];
  files?: string[];
  /** Where the Markdown's stretches are in the spec (SpecLines), with the Markdown. */
  lines?: SpecLines;
  /** How many of `problems`, first, Redocly's rules found, when they ran (the checks an edit of texts alone leaves as they were). */
  rules?: number;
}

type SpecOptions = Parameters<typeof compileSpec>[1];

/** Reads, checks and compiles one spec for one page. */
export async function compileSpecFile(task: SpecTask, load: (file: string) => Promise<LoadedSpec> = loadSpec): Promise<CompiledFile> {
  const spec = await load(task.file);
  if (!spec.document) return { problems: [...spec.problems] };
  const compiled = compileDocument(task, spec);
  return {
    ...compiled,
    problems: [...spec.problems, ...compiled.problems],
    ...(spec.files ? { files: spec.files } : {}),
    ...(spec.rules === undefined ? {} : { rules: spec.rules }),
  };
}

/** Compiles a spec read without errors: its Markdown, and the problems compiling finds (the page's unknown tags, the compiler's findings). */
function compileDocument(task: SpecTask, spec: Pick<LoadedSpec, 'document' | 'linesOf' | 'kept'>): { markdown: string; problems: Problem[]; lines: SpecLines } {
  if (task.kept && spec.kept) keepSource(task.kept, spec.kept);
  const found: Problem[] = [];
  const known = tagsOf(spec.document).map((tag) => tag.name);
  for (const tag of task.tags.names.filter((name) => !known.includes(name))) {
    found.push(problem('openapi-tag-unknown', { file: task.tags.file, line: task.tags.line }, { tag, known: known.join(', ') }));
  }
  beginTextMemo(task.memo ? readMemo<TextMemo>(task.memo) : undefined);
  const operations = task.operations
    ? new OperationMemo(spec.document, { dialect: task.options.dialect, tabs: task.options.tabs }, task.operations)
    : undefined;
  let compiled: CompiledSpec;
  try {
    compiled = compileSpec(spec.document, task.options, operations);
    operations?.save();
  } finally {
    const memo = endTextMemo();
    if (memo && task.memo) storeMemo(task.memo, memo);
  }
  // The lines of the Markdown's places and of the findings, found at once.
  const specLines = spec.linesOf([...compiled.places.map(([, pointer]) => pointer), ...compiled.findings.map((finding) => finding.pointer)]);
  found.push(...findingProblems(compiled, task.file, specLines.slice(compiled.places.length)));
  // 0: a place whose line is not known (a problem there names the spec without a line).
  const lines: SpecLines = compiled.places.map(([line, pointer], index) => [line, specLines[index] ?? 0, pointer]);
  return { markdown: compiled.markdown, problems: found, lines };
}

/**
 * A spec compiled after an edit of its texts alone (text-edit.ts): from the document its last
 * compiling kept, with the new texts put in place, and that compiling's verdicts of Redocly's rules
 * (`previous`). Undefined when the edit is anything else or nothing was kept: then it is read,
 * checked and compiled in full.
 */
function compileTextEdit(task: SpecTask, previous: PreviousEntry | undefined): CompiledFile | undefined {
  const digests = Object.entries(previous?.files ?? {});
  if (!task.kept || previous?.rules === undefined || digests.length !== 1 || digests[0]![0] !== task.file) return undefined;
  const kept = readKept(task.kept);
  if (!kept || kept.digest !== digests[0]![1]) return undefined;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(task.file);
  } catch {
    return undefined;
  }
  const changes = textOnlyChanges(kept.bytes, bytes, /\.json$/i.test(task.file) ? 'json' : 'yaml', parseSpecText);
  const bundled = kept.document as Json;
  if (!changes || !applyTextChanges(bundled, changes)) return undefined;
  const { linesOf } = linesOfPlaces(previous.lines, () => specLines(task.file, bytes.toString('utf8')));
  const problems = [...previous.problems.slice(0, previous.rules), ...tagProblems(bundled, task.file, linesOf)];
  const version = String(bundled?.openapi ?? bundled?.swagger ?? '');
  // Before the upgrade, which changes the document in place.
  const keep = { text: bytes, bundled: JSON.stringify(bundled) };
  const compiled = compileDocument(task, { document: upgraded(bundled, version), linesOf, kept: keep });
  return { ...compiled, problems: [...problems, ...compiled.problems], files: [task.file], rules: previous.rules };
}

/**
 * The spec's lines at JSON pointers after an edit of its texts alone, which moves no line: the
 * lines of the last compiling's places, read from its record. The text is decoded and looked
 * through (GitHub's spec: 13 MB, about 0.25 s on a slow machine) only for a pointer that was no place.
 */
function linesOfPlaces(lines: SpecLines, scan: () => Pick<LoadedSpec, 'linesOf'>): Pick<LoadedSpec, 'linesOf'> {
  // 0: a place whose line was not known.
  const known = new Map(lines.map(([, line, pointer]) => [pointer, line || undefined]));
  let scanned: Pick<LoadedSpec, 'linesOf'> | undefined;
  return {
    linesOf: (pointers) =>
      pointers.every((pointer) => known.has(pointer)) ? pointers.map((pointer) => known.get(pointer)) : (scanned ??= scan()).linesOf(pointers),
  };
}

/**
 * A large spec read and compiled without Redocly's rules (readSpec), while another worker runs
 * them (checkSpec): `read` holds the problems of reading (`failed`: the file could not be read),
 * `compiled` the rest, when there is a document to compile.
 */
export interface UncheckedCompile {
  read: Problem[];
  failed: boolean;
  compiled?: { markdown: string; problems: Problem[]; files?: string[]; lines: SpecLines };
}

export async function compileUnchecked(task: SpecTask): Promise<UncheckedCompile> {
  const spec = await readSpec(task.file, false);
  // readSpec names the spec's files only once it could read them.
  const failed = spec.files === undefined;
  if (!spec.document) return { read: spec.problems, failed };
  return { read: spec.problems, failed, compiled: { ...compileDocument(task, spec), ...(spec.files ? { files: spec.files } : {}) } };
}

/** What compileSpecFile gives, from the checks (checkSpec) and the compiling (compileUnchecked) of the same spec, done side by side. */
function joinChecked(checked: CheckedSpec, unchecked: UncheckedCompile): CompiledFile {
  // As in readSpec, where the checks run first: a file they cannot read is that one problem.
  if (checked.failed) return { problems: checked.problems };
  if (unchecked.failed) return { problems: unchecked.read };
  const problems = [...checked.problems, ...unchecked.read];
  if (!unchecked.compiled || problems.some((found) => found.severity === 'error')) return { problems };
  const { markdown, problems: compiling, files, lines } = unchecked.compiled;
  return { markdown, problems: [...problems, ...compiling], lines, rules: checked.problems.length, ...(files ? { files } : {}) };
}

type CheckedSpec = Awaited<ReturnType<typeof checkSpec>>;

/** What a spec worker (spec-worker.ts) is asked: the checks of a spec file, or reading and compiling it without them. */
export type SpecWorkerTask = { check: string; verdicts?: string } | { compile: SpecTask };
export type SpecWorkerResult = CheckedSpec | UncheckedCompile;

/**
 * A spec file this large is read, checked and compiled in worker threads. Reading GitHub's spec
 * (13 MB) with Redocly and compiling it left the build's main thread at 880 MB (200 MB of it in
 * use), held through the rendering that follows, when the two render workers take their share: a
 * worker's memory goes back when it ends. Two workers: one runs Redocly's checks while the other
 * reads and compiles the spec, each reading the file on its own (GitHub's spec: 7 s of checks and
 * 7 s of reading and compiling, side by side on two cores). Smaller specs stay on this thread,
 * where `npm run dev` re-renders them fastest.
 */
const WORKER_SPEC_BYTES = 2_000_000;

/** Compiles `task` in worker threads when its spec file is large, else here (`version` names the code, for the workers' bundle). */
export async function compileSpecTask(
  task: SpecTask,
  version: string,
  load: (file: string) => Promise<LoadedSpec>,
  workerBytes = WORKER_SPEC_BYTES,
): Promise<CompiledFile> {
  if (!fs.existsSync(task.file) || fs.statSync(task.file).size < workerBytes) return compileSpecFile(task, load);
  // A worker each, ended as soon as its answer is in: the first to finish gives its memory back
  // before the other's answer is copied to this thread (GitHub's spec: the build's peak).
  const inWorker = async (workerTask: SpecWorkerTask) => {
    const pool = await WorkerPool.start<SpecWorkerTask, SpecWorkerResult>(new URL('./spec-worker.ts', import.meta.url), version, { size: 1 });
    try {
      return await pool.run(workerTask);
    } finally {
      await pool.close();
    }
  };
  const [checked, unchecked] = await Promise.all([
    inWorker({ check: task.file, ...(task.verdicts ? { verdicts: task.verdicts } : {}) }),
    inWorker({ compile: task }),
  ]);
  return joinChecked(checked as CheckedSpec, unchecked as UncheckedCompile);
}

/** What the compiler found in a spec, as problems at the spec's lines (`lines`: the line of each finding, in order). */
export function findingProblems(compiled: CompiledSpec, file: string, lines: ReadonlyArray<number | undefined>): Problem[] {
  return compiled.findings.map((finding, index) =>
    problem(finding.kind, { file, line: lines[index] }, { pointer: finding.pointer, ...finding.facts } as never),
  );
}
