import fs from 'node:fs';
import type { Page } from '../content/site';
import type { SourceFile } from '../content/source-file';
import { problem, type Problem } from '../validation/problem';
import { compileSpec, type CompiledSpec } from './compile-spec';
import { checkSpec, loadSpec, readSpec, type LoadedSpec } from './load-spec';
import type { SpecCache, SpecLines } from './spec-cache';
import { tagsOf } from './spec-model';
import { WorkerPool } from '../workers/pool';
import { beginTextMemo, endTextMemo, type TextMemo } from './markdown-text';
import { OperationMemo } from './operation-memo';
import { readMemo, storeMemo } from './memo-files';

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
    const compiled = await (compile ?? ((task: SpecTask) => compileSpecFile(task, load)))({
      file: reference.file,
      options,
      tags: { file: page.file, line: reference.line, names: reference.tags },
      ...(cache
        ? { memo: cache.memoPath(reference.file), verdicts: cache.verdictsPath(reference.file), operations: cache.operationsPath(reference.file, options) }
        : {}),
    });
    if (compiled.markdown !== undefined && compiled.files)
      cache?.set(reference.file, options, compiled.files, { markdown: compiled.markdown, problems: compiled.problems, lines: compiled.lines ?? [] });
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
}

/** A compiled spec: its Markdown (undefined when it has errors), the problems found, the files it is made of. */
export interface CompiledFile {
  markdown?: string;
  problems: Problem[];
  files?: string[];
  /** Where the Markdown's stretches are in the spec (SpecLines), with the Markdown. */
  lines?: SpecLines;
}

type SpecOptions = Parameters<typeof compileSpec>[1];

/** Reads, checks and compiles one spec for one page. */
export async function compileSpecFile(task: SpecTask, load: (file: string) => Promise<LoadedSpec> = loadSpec): Promise<CompiledFile> {
  const spec = await load(task.file);
  if (!spec.document) return { problems: [...spec.problems] };
  const compiled = compileDocument(task, spec);
  return { ...compiled, problems: [...spec.problems, ...compiled.problems], ...(spec.files ? { files: spec.files } : {}) };
}

/** Compiles a spec read without errors: its Markdown, and the problems compiling finds (the page's unknown tags, the compiler's findings). */
function compileDocument(task: SpecTask, spec: LoadedSpec): { markdown: string; problems: Problem[]; lines: SpecLines } {
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
  found.push(...findingProblems(compiled, task.file, spec));
  // 0: a place whose line is not known (a problem there names the spec without a line).
  const lines: SpecLines = compiled.places.map(([line, pointer]) => [line, spec.lineOf(pointer) ?? 0, pointer]);
  return { markdown: compiled.markdown, problems: found, lines };
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
  return { markdown, problems: [...problems, ...compiling], lines, ...(files ? { files } : {}) };
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

/** What the compiler found in a spec, as problems at the spec's lines. */
export function findingProblems(compiled: CompiledSpec, file: string, spec: LoadedSpec): Problem[] {
  return compiled.findings.map((finding) =>
    problem(finding.kind, { file, line: spec.lineOf(finding.pointer) }, { pointer: finding.pointer, ...finding.facts } as never),
  );
}
