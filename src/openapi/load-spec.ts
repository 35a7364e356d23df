import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Config, NormalizedProblem } from '@redocly/openapi-core';
import { problem, type Problem } from '../validation/problem';
import { pointerPart, type Json } from './spec-model';
import { beginVerdicts, endVerdicts } from './example-verdicts';
import { jsonLines, placeKey } from './json-lines';

/**
 * A spec file read, checked and bundled. Redocly's openapi-core does the reading: it is the one
 * library that knows OpenAPI 3.2 and reports each problem with its file, line and JSON pointer, in
 * multi-file specs too (ARCHITECTURE.md, "OpenAPI"). Swagger 2.0 is upgraded to 3.0 after the checks
 * (so problems point at what the writer wrote).
 */
export interface LoadedSpec {
  /** The bundled document (every `$ref` inside it), or undefined when it has errors. */
  document?: Json;
  problems: Problem[];
  /** The line of the root file at a JSON pointer of the bundled document, when it is in that file. */
  lineOf(pointer: string): number | undefined;
  /** Every file the spec is made of (the root and those its `$ref`s name), when it was read. */
  files?: string[];
}

/**
 * The checks, as redocly rules: the structure of the spec's version, `$ref`s that resolve, unique
 * operationIds, server variables; examples that do not match their schema are warnings. Tags are
 * checked here (tagProblems): redocly's rule wants every operation tagged.
 */
const RULES = {
  struct: 'error',
  'no-unresolved-refs': 'error',
  'operation-operationId-unique': 'error',
  'no-server-variables-empty-enum': 'error',
  'no-invalid-media-type-examples': 'warn',
  'no-invalid-parameter-examples': 'warn',
  'no-invalid-schema-examples': 'warn',
} as const;

let config: Promise<Config> | undefined;

/**
 * Redocly's library, loaded when a spec is first read: loading it takes about half a second, which
 * a build of a site without a spec (and every quick rebuild) would otherwise pay at its start.
 * Required, not imported: Astro loads Shale with its config through Vite's module runner and closes
 * that runner before the build reads a spec, so a dynamic import() from here would fail.
 */
let redocly: typeof import('@redocly/openapi-core') | undefined;
const loadRedocly = () => (redocly ??= createRequire(import.meta.url)('@redocly/openapi-core') as typeof import('@redocly/openapi-core'));

const SUPPORTED = /^(3\.[0-2]\.\d+(-.+)?|2\.0)$/;

/** Reads, checks and bundles a spec file. */
export async function loadSpec(file: string): Promise<LoadedSpec> {
  return readSpec(file, true);
}

/**
 * The checks of loadSpec alone, for a large spec checked in one worker thread while another reads
 * and compiles it (spec-parts.ts): the problems Redocly's rules find, or, when the file cannot be
 * read at all, the one problem saying so (`failed`). With `verdicts` (a file), the verdicts on its
 * examples are kept there for the next checks (example-verdicts.ts).
 */
export async function checkSpec(file: string, verdicts?: string): Promise<{ problems: Problem[]; failed: boolean }> {
  const text = fs.readFileSync(file, 'utf8');
  try {
    const { lint } = loadRedocly();
    const config = await redoclyConfig();
    if (verdicts) beginVerdicts(verdicts);
    try {
      return { problems: ruleProblems(await lint({ ref: file, config }), file), failed: false };
    } finally {
      if (verdicts) endVerdicts(verdicts);
    }
  } catch (cause) {
    return { problems: [readFailure(cause, file, text)], failed: true };
  }
}

/**
 * Reads and bundles a spec file; with `check`, Redocly's rules run first (their problems come
 * first). Without, only Shale's own checks of tags run: checkSpec gives the rest.
 */
export async function readSpec(file: string, check: boolean): Promise<LoadedSpec> {
  const text = fs.readFileSync(file, 'utf8');
  const { BaseResolver, bundle, getLineColLocation, lint, Source } = loadRedocly();
  const source = new Source(file, text);
  const lineOf = (pointer: string): number | undefined => {
    try {
      return getLineColLocation({ source, pointer: `#${pointer}`, reportOnKey: false }).start.line;
    } catch {
      return undefined;
    }
  };
  const problems: Problem[] = [];
  const config = await redoclyConfig();
  let results: NormalizedProblem[] = [];
  let bundled: Json;
  let files: string[];
  try {
    // One resolver for both: it keeps the files it parsed, so each is read and parsed once.
    const resolver = new BaseResolver(config.resolve);
    if (check) results = await lint({ ref: file, config, externalRefResolver: resolver });
    const result = await bundle({ ref: file, config, dereference: false, externalRefResolver: resolver });
    bundled = result.bundle.parsed;
    files = [...new Set([file, ...result.fileDependencies])];
  } catch (cause) {
    return { problems: [readFailure(cause, file, text)], lineOf };
  }
  const version = String(bundled?.openapi ?? bundled?.swagger ?? '');
  if (!SUPPORTED.test(version)) {
    problems.push(
      problem('openapi-version', { file, line: lineOf(bundled?.openapi === undefined ? '/swagger' : '/openapi') ?? 1 }, { version: version || '(none)' }),
    );
    return { problems, lineOf };
  }
  problems.push(...ruleProblems(results, file));
  for (const { pointer, reason } of tagProblems(bundled)) problems.push(problem('openapi-invalid', { file, line: lineOf(pointer) }, { pointer, reason }));
  if (problems.some((found) => found.severity === 'error')) return { problems, lineOf, files };
  // Scalar's upgrader, required only for a Swagger 2.0 spec (see loadRedocly).
  const upgrade = () => (createRequire(import.meta.url)('@scalar/openapi-upgrader') as typeof import('@scalar/openapi-upgrader')).upgrade;
  const document = version === '2.0' ? upgrade()(bundled, '3.0') : bundled;
  return { document, problems, lineOf, files };
}

const redoclyConfig = () => (config ??= loadRedocly().createConfig({ rules: RULES }));

/** The one problem of a spec that cannot be read: a version Redocly does not know, or a reason. */
function readFailure(cause: unknown, file: string, text: string): Problem {
  const reason = cause instanceof Error ? cause.message.split('\n')[0]! : String(cause);
  const unsupported = /unsupported .*version:?\s*"?([^\s"]+)/i.exec(reason);
  if (unsupported) {
    const versionLine = text.split('\n').findIndex((line) => /^\s*"?(openapi|swagger)"?\s*:/.test(line));
    return problem('openapi-version', { file, ...(versionLine < 0 ? {} : { line: versionLine + 1 }) }, { version: unsupported[1]! });
  }
  const line = /line (\d+)/i.exec(reason)?.[1];
  return problem('openapi-invalid', { file, ...(line ? { line: Number(line) } : {}) }, { pointer: '', reason });
}

/** Redocly's results as problems: errors, and the example rules' warnings (RULES). */
function ruleProblems(results: NormalizedProblem[], file: string): Problem[] {
  const groups = byPlace(results);
  const lines = problemLines(groups.map((group) => group[0]!.location[0]));
  return groups.map((group) => {
    const result = group[0]!;
    const location = result.location[0];
    const at = location ? lines(location) : undefined;
    const where = { file: location?.source.absoluteRef ?? file, ...(at ? { line: at } : {}) };
    const pointer = location?.pointer?.replace(/^#/, '') ?? '';
    const reason = joinedReasons(group.map((one) => one.message.replace(/`/g, '"')));
    // The example rules are the only ones set to warn (RULES): legal, but likely wrong.
    return result.severity === 'error'
      ? problem('openapi-invalid', where, { pointer, reason })
      : problem('openapi-example-mismatch', where, { pointer, reason });
  });
}

type ProblemLocation = NormalizedProblem['location'][number];

/**
 * The line of each problem's place. In a JSON file they are found in one pass over its text
 * (json-lines.ts: Redocly would parse the whole file again as YAML, 0.8 s for GitHub's spec);
 * elsewhere, and where that pass cannot read the file, Redocly finds them.
 */
function problemLines(locations: Array<ProblemLocation | undefined>): (location: ProblemLocation) => number | undefined {
  const bySource = new Map<ProblemLocation['source'], ProblemLocation[]>();
  for (const location of locations) {
    if (!location?.pointer || !/\.json$/i.test(location.source.absoluteRef)) continue;
    const list = bySource.get(location.source);
    if (list) list.push(location);
    else bySource.set(location.source, [location]);
  }
  const found = new Map<ProblemLocation['source'], Map<string, number> | undefined>();
  for (const [source, list] of bySource) {
    found.set(
      source,
      jsonLines(
        source.body,
        list.map((location) => ({ pointer: location.pointer!, onKey: !!location.reportOnKey })),
      ),
    );
  }
  return (location) => {
    const lines = location.pointer ? found.get(location.source) : undefined;
    return lines?.get(placeKey({ pointer: location.pointer!, onKey: !!location.reportOnKey })) ?? lineColumn(location);
  };
}

/**
 * Redocly's results, those of one kind at one place together: an example that lacks forty of its
 * schema's required properties is one warning, not forty (GitHub's spec gave 1,469 of them).
 */
function byPlace(results: NormalizedProblem[]): NormalizedProblem[][] {
  const groups = new Map<string, NormalizedProblem[]>();
  for (const result of results) {
    const location = result.location[0];
    const key = JSON.stringify([result.severity, location?.source.absoluteRef, location?.pointer]);
    const group = groups.get(key);
    if (group) group.push(result);
    else groups.set(key, [result]);
  }
  return [...groups.values()];
}

/** The reasons of one place, the first few in full, a lead they share said once: `lead: a; b; c; and 37 more`. */
const SHOWN_REASONS = 3;
function joinedReasons(reasons: string[]): string {
  const distinct = [...new Set(reasons.map((reason) => reason.replace(/\.$/, '')))];
  if (distinct.length === 1) return distinct[0]!;
  const lead = /^.*: /.exec(distinct[0]!)?.[0] ?? '';
  const shared = lead && distinct.every((reason) => reason.startsWith(lead)) ? lead : '';
  const shown = distinct.slice(0, SHOWN_REASONS).map((reason) => reason.slice(shared.length));
  const more = distinct.length > SHOWN_REASONS ? `; and ${distinct.length - SHOWN_REASONS} more` : '';
  return `${shared}${shown.join('; ')}${more}`;
}

function lineColumn(location: NormalizedProblem['location'][number]): number | undefined {
  try {
    // Loaded: a problem's location comes from Redocly's lint.
    return redocly!.getLineColLocation(location).start.line;
  } catch {
    return undefined;
  }
}

/**
 * Tags an operation uses that the spec does not declare (when it declares any), and declared tags
 * that `x-tagGroups` leaves out (Redoc hides those operations without a word).
 */
function tagProblems(document: Json): Array<{ pointer: string; reason: string }> {
  const found: Array<{ pointer: string; reason: string }> = [];
  const declared = new Set<string>((Array.isArray(document.tags) ? document.tags : []).map((tag: Json) => tag?.name));
  const grouped = new Set<string>((Array.isArray(document['x-tagGroups']) ? document['x-tagGroups'] : []).flatMap((group: Json) => group?.tags ?? []));
  const used = new Set<string>();
  for (const [path, item] of Object.entries<Json>(document.paths ?? {})) {
    for (const [method, operation] of Object.entries<Json>(item ?? {})) {
      if (!Array.isArray(operation?.tags)) continue;
      operation.tags.forEach((tag: unknown, index: number) => {
        if (typeof tag !== 'string') return;
        used.add(tag);
        if (declared.size && !declared.has(tag)) {
          found.push({
            pointer: `/paths/${pointerPart(path)}/${method}/tags/${index}`,
            reason: `the tag "${tag}" is not declared under "tags"; declare it there (with a description)`,
          });
        }
      });
    }
  }
  if (grouped.size) {
    for (const tag of [...new Set([...declared, ...used])].filter((name) => !grouped.has(name))) {
      found.push({
        pointer: '/x-tagGroups',
        reason: `the tag "${tag}" is in no group of "x-tagGroups", so readers of Redoc never saw its operations; add it to a group`,
      });
    }
  }
  return found;
}
