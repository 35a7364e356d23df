import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Config, NormalizedProblem } from '@redocly/openapi-core';
import { problem, type Problem } from '../validation/problem';
import { editDistance } from '../schema/languages';
import { pointerPart, type Json } from './spec-model';
import { validateExamplesAsOpenApiSays } from './example-schemas';
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
  /** lineOf for many pointers at once: in a JSON file, one pass over its text (json-lines.ts) instead of Redocly's tree of it. */
  linesOf(pointers: readonly string[]): Array<number | undefined>;
  /** How many of `problems`, first, Redocly's rules found (the rest are Shale's checks of tags), when they ran. */
  rules?: number;
  /**
   * A spec of one file read without errors: its text (or its bytes) and the document Redocly bundled from it (as
   * JSON, before a Swagger 2.0 upgrade), kept for a rebuild after an edit of its texts alone
   * (text-edit.ts).
   */
  kept?: { text: string | Buffer; bundled: string };
  /** Every file the spec is made of (the root and those its `$ref`s name), when it was read. */
  files?: string[];
}

/**
 * The checks, as redocly rules: the structure of the spec's version, `$ref`s that resolve, unique
 * operationIds, server variables; examples that do not match their schema are warnings. Tags are
 * checked here (tagProblems): redocly's rule wants every operation tagged.
 * An example matches its schema as JSON Schema says: a property the schema does not name is
 * allowed unless the schema says otherwise (`additionalProperties: false`). Redocly closes every
 * schema unless told (70 of DigitalOcean's 298 warnings said an example "does not match" for that).
 */
const EXAMPLES = { severity: 'warn', allowAdditionalProperties: true } as const;
const RULES = {
  struct: 'error',
  'no-unresolved-refs': 'error',
  'operation-operationId-unique': 'error',
  'no-server-variables-empty-enum': 'error',
  'no-invalid-media-type-examples': EXAMPLES,
  'no-invalid-parameter-examples': EXAMPLES,
  'no-invalid-schema-examples': EXAMPLES,
} as const;

let config: Promise<Config> | undefined;

/**
 * Redocly's library, loaded when a spec is first read: loading it takes about half a second, which
 * a build of a site without a spec (and every quick rebuild) would otherwise pay at its start.
 * Required, not imported: Astro loads Shale with its config through Vite's module runner and closes
 * that runner before the build reads a spec, so a dynamic import() from here would fail.
 */
let redocly: typeof import('@redocly/openapi-core') | undefined;
type Redocly = typeof import('@redocly/openapi-core');
const loadRedocly = (): Redocly => {
  if (redocly) return redocly;
  validateExamplesAsOpenApiSays();
  return (redocly = createRequire(import.meta.url)('@redocly/openapi-core') as Redocly);
};

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
      const resolver = fileResolver(config);
      const results = await lint({ ref: file, config, externalRefResolver: resolver });
      // The resolver kept the file it parsed: its version decides how lenient the schema checks are.
      const root = await resolver.resolveDocument(null, file);
      const version = 'parsed' in root ? String((root.parsed as Json)?.openapi ?? (root.parsed as Json)?.swagger ?? '') : '';
      return { problems: ruleProblems(await withoutFileTypes(results, resolver, version), file, version), failed: false };
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
  const { bundle, lint } = loadRedocly();
  const { lineOf, linesOf } = specLines(file, text);
  const problems: Problem[] = [];
  const config = await redoclyConfig();
  let results: NormalizedProblem[] = [];
  let bundled: Json;
  let files: string[];
  try {
    // One resolver for both: it keeps the files it parsed, so each is read and parsed once. Without
    // the checks (a large spec's compiling worker, beside checkSpec's), JSON files are parsed as JSON.
    const resolver = fileResolver(config, !check);
    if (check) {
      results = await lint({ ref: file, config, externalRefResolver: resolver });
      results = await withoutFileTypes(results, resolver, String((await rootOf(resolver, file))?.swagger ?? ''));
    }
    const result = await bundle({ ref: file, config, dereference: false, externalRefResolver: resolver });
    bundled = result.bundle.parsed;
    files = [...new Set([file, ...result.fileDependencies])];
  } catch (cause) {
    return { problems: [readFailure(cause, file, text)], lineOf, linesOf };
  }
  const version = String(bundled?.openapi ?? bundled?.swagger ?? '');
  if (!SUPPORTED.test(version)) {
    problems.push(
      problem('openapi-version', { file, line: lineOf(bundled?.openapi === undefined ? '/swagger' : '/openapi') ?? 1 }, { version: version || '(none)' }),
    );
    return { problems, lineOf, linesOf };
  }
  problems.push(...ruleProblems(results, file, version));
  problems.push(...missingRefFiles(bundled, file, files, lineOf, problems));
  const rules = check ? problems.length : undefined;
  problems.push(...tagProblems(bundled, file, linesOf));
  if (problems.some((found) => found.severity === 'error')) return { problems, lineOf, linesOf, files, ...(rules === undefined ? {} : { rules }) };
  // Before the upgrade, which changes the document in place.
  const kept = files.length === 1 ? { text, bundled: JSON.stringify(bundled) } : undefined;
  return { document: upgraded(bundled, version), problems, lineOf, linesOf, files, ...(rules === undefined ? {} : { rules }), ...(kept ? { kept } : {}) };
}

/** The lines of a spec file's text at JSON pointers (LoadedSpec's lineOf and linesOf). */
export function specLines(file: string, text: string): Pick<LoadedSpec, 'lineOf' | 'linesOf'> {
  // Redocly's module, a quarter of a second to load, only when a line is asked of it: a JSON spec's are found without it.
  let located: { source: InstanceType<Redocly['Source']>; getLineColLocation: Redocly['getLineColLocation'] } | undefined;
  const lineOf = (pointer: string): number | undefined => {
    try {
      if (!located) {
        const { getLineColLocation, Source } = loadRedocly();
        located = { source: new Source(file, text), getLineColLocation };
      }
      const { source, getLineColLocation } = located;
      return getLineColLocation({ source, pointer: `#${pointer}`, reportOnKey: false }).start.line;
    } catch {
      return undefined;
    }
  };
  const json = /\.json$/i.test(file);
  return { lineOf, linesOf: (pointers) => (json && jsonLinesOf(text, pointers)) || pointers.map(lineOf) };
}

/** A spec file's text read as Redocly reads it (YAML, which JSON is a part of), or undefined when it cannot be. */
export function parseSpecText(text: string): Json | undefined {
  try {
    return loadRedocly().parseYaml(text);
  } catch {
    return undefined;
  }
}

/** A bundled document as OpenAPI 3: Swagger 2.0 upgraded (in place) by Scalar's upgrader, required only then (see loadRedocly). */
export function upgraded(bundled: Json, version: string): Json {
  if (version !== '2.0') return bundled;
  return (createRequire(import.meta.url)('@scalar/openapi-upgrader') as typeof import('@scalar/openapi-upgrader')).upgrade(bundled, '3.0');
}

/** The lines of pointers of a JSON text (as lineOf gives them), or undefined when the text is not one JSON value. */
function jsonLinesOf(text: string, pointers: readonly string[]): Array<number | undefined> | undefined {
  const places = pointers.map((pointer) => ({ pointer: `#${pointer}`, onKey: false }));
  const found = jsonLines(text, places);
  return found && places.map((place) => found.get(placeKey(place)));
}

const redoclyConfig = () => (config ??= loadRedocly().createConfig({ rules: RULES }));

/**
 * Redocly's resolver, kept to the spec's own files: a `$ref` to an http(s) URL is refused, not
 * fetched. A build that fetched would depend on the network and on a file that can change without
 * the spec's cache knowing (a build must be reproducible, and these machines are offline).
 */
function fileResolver(config: Config, jsonAsJson = false): InstanceType<typeof import('@redocly/openapi-core').BaseResolver> {
  const { BaseResolver, YamlParseError } = loadRedocly();
  class FileResolver extends BaseResolver {
    override async loadExternalRef(absoluteRef: string) {
      if (/^https?:\/\//i.test(absoluteRef)) throw new Error(`${URL_REFUSED} ${absoluteRef}`);
      return super.loadExternalRef(absoluteRef);
    }

    // Redocly reads a .json file as YAML, which takes what JSON does not (a comma before } or ],
    // unquoted keys), so a file other JSON tools refuse would build. Checked as JSON first; YAML
    // still reads it after, as it finds a repeated key, which JSON.parse lets through. Where the
    // checks run beside (`jsonAsJson`), they find that key, and JSON.parse's value is the document:
    // js-yaml took 0.7 s to read GitHub's 13 MB again, before any operation could be compiled.
    override parseDocument(source: import('@redocly/openapi-core').Source, isRoot?: boolean) {
      if (/\.json$/i.test(source.absoluteRef)) {
        const parsed = parseJson(source.body);
        if ('invalid' in parsed) {
          const { invalid } = parsed;
          throw new YamlParseError(new Error(`${invalid.what} in "${source.absoluteRef}" (${invalid.line}:${invalid.column})`), source);
        }
        if (jsonAsJson) return { source, parsed: parsed.value };
      }
      return super.parseDocument(source, isRoot);
    }
  }
  return new FileResolver(config.resolve);
}

/** How Redocly's message for a `$ref` to a URL starts (after its "Can't resolve $ref: "): knownFix gives its fix. */
const URL_REFUSED = 'Shale reads no URL:';

/** The one problem of a spec that cannot be read: a version Redocly does not know, or a reason. */
/**
 * A `$ref` to a file that does not exist, where Redocly's checks do not look (an `x-` extension:
 * Bump's `x-topics` guides): its bundler lists the file among the spec's and goes on, and the spec's
 * cache then failed to read it, a stack trace instead of a report. Said as such a `$ref` is said
 * elsewhere, at the `$ref` when it is in the root file.
 */
function missingRefFiles(
  bundled: Json,
  file: string,
  files: readonly string[],
  lineOf: (pointer: string) => number | undefined,
  found: readonly Problem[],
): Problem[] {
  // Not a URL (refused, its own problem), nor a file a problem names already (Redocly's checks did see it).
  const missing = new Set(
    files.filter((name) => path.isAbsolute(name) && !fs.existsSync(name) && !found.some((known) => `${known.message} ${known.fix}`.includes(name))),
  );
  if (missing.size === 0) return [];
  const refs = new Map<string, string>();
  const walk = (value: Json, pointer: string): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((item, index) => walk(item, `${pointer}/${index}`));
    const ref = (value as Record<string, Json>).$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) {
      const target = path.resolve(path.dirname(file), ref.split('#')[0]!);
      if (missing.has(target) && !refs.has(target)) refs.set(target, pointer);
    }
    for (const [key, child] of Object.entries(value)) walk(child, `${pointer}/${pointerPart(key)}`);
  };
  walk(bundled, '');
  return [...missing].map((name) => {
    const pointer = refs.get(name);
    const line = pointer === undefined ? undefined : lineOf(pointer);
    const reason = "Can't resolve $ref";
    const fix = `the $ref names ${name}, which does not exist: correct its path (relative to the file the $ref is in) or add the file.`;
    return problem('openapi-invalid', { file, ...(line ? { line } : {}) }, { pointer: pointer ?? '', reason, fix });
  });
}

function readFailure(cause: unknown, file: string, text: string): Problem {
  const reason = cause instanceof Error ? cause.message.split('\n')[0]! : String(cause);
  const unsupported = /unsupported .*version:?\s*"?([^\s"]+)/i.exec(reason);
  if (unsupported) {
    const versionLine = text.split('\n').findIndex((line) => /^\s*"?(openapi|swagger)"?\s*:/.test(line));
    return problem('openapi-version', { file, ...(versionLine < 0 ? {} : { line: versionLine + 1 }) }, { version: unsupported[1]! });
  }
  const yaml = YAML_ERROR.exec(reason);
  if (yaml)
    return problem(
      'openapi-invalid',
      { file: yaml[2]!, line: Number(yaml[3]) },
      { pointer: '', reason: notParsed(yaml[2]!, yaml[1]!), fix: parseFix(yaml[2]!) },
    );
  const line = /line (\d+)/i.exec(reason)?.[1];
  return problem('openapi-invalid', { file, ...(line ? { line: Number(line) } : {}) }, { pointer: '', reason });
}

/** A JSON text's value, or what JSON.parse finds wrong with it and where (jsonSyntaxError). */
function parseJson(text: string): { value: Json } | { invalid: NonNullable<ReturnType<typeof jsonSyntaxError>> } {
  try {
    return { value: JSON.parse(text) as Json };
  } catch {
    return { invalid: jsonSyntaxError(text)! };
  }
}

/** What JSON.parse finds wrong with a text, and where (1-based), or undefined when it is valid JSON. */
export function jsonSyntaxError(text: string): { what: string; line: number; column: number } | undefined {
  const message = jsonParseError(text);
  if (message === undefined) return undefined;
  // V8 says `… in JSON at position 12`, or for a stray character `Unexpected token ']', "…" is not
  // valid JSON` without its place: then the place is the end of the longest prefix still clean.
  const position = /at position (\d+)/.exec(message);
  const at = position ? Number(position[1]) : firstBadOffset(text);
  const before = text.slice(0, at).split('\n');
  const what = message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ after JSON at position \d+.*$/s, ' after the JSON value')
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '');
  return { what, line: before.length, column: before.at(-1)!.length + 1 };
}

function jsonParseError(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (cause) {
    return (cause as Error).message;
  }
}

/**
 * The offset of the first character JSON.parse refuses, by bisection: a prefix is clean when it
 * parses or fails only at its end (`Unexpected end of JSON input`, or a position at its length).
 * Only a text already found invalid gets here, so its twenty-odd parses cost nothing on a build.
 */
function firstBadOffset(text: string): number {
  const clean = (length: number) => {
    const message = jsonParseError(text.slice(0, length));
    if (message === undefined || message.includes('end of JSON input')) return true;
    const position = /at position (\d+)/.exec(message);
    return !!position && Number(position[1]) >= length;
  };
  let [low, high] = [0, text.length];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (clean(middle)) low = middle;
    else high = middle;
  }
  return high - 1;
}

/** js-yaml's syntax error: what is wrong, then `in "<file>" (line:column)` (the file may be one the spec's $refs name). */
const YAML_ERROR = /^(.*?) in "([^"]+)" \((\d+):\d+\)$/;
const YAML_FIX = 'correct the file at that line (in YAML: indentation, a missing colon or quote; in JSON: a missing comma, quote or bracket).';
const JSON_FIX = 'correct the JSON at that line: a missing or extra comma (JSON allows none before } or ]), a missing quote or bracket; keys in double quotes.';
/** The fix for a file that could not be parsed, by what it is meant to be. */
const parseFix = (file: string) => (file.toLowerCase().endsWith('.json') ? JSON_FIX : YAML_FIX);
/** The reason for a file that could not be parsed, named by what it is meant to be (a `.json` file is checked as JSON first). */
const notParsed = (file: string, what: string) => `the file is not valid ${file.toLowerCase().endsWith('.json') ? 'JSON' : 'YAML'}: ${what}`;
/** How Redocly starts its problem for a file a $ref names that does not exist. */
const MISSING_FILE = "Can't resolve $ref: ENOENT: no such file or directory ";
/** How Redocly starts its problem for a file a $ref names that it could not parse. */
const NOT_PARSED = 'Failed to parse: ';

/** The root document a resolver parsed, if it could. */
async function rootOf(resolver: InstanceType<typeof import('@redocly/openapi-core').BaseResolver>, file: string): Promise<Json | undefined> {
  const root = await resolver.resolveDocument(null, file);
  return 'parsed' in root ? (root.parsed as Json) : undefined;
}

/**
 * Redocly's results but one it gets wrong: in Swagger 2.0 a schema's `type` may be `file` (a
 * response that is a file, Harbor's certificate download), which Redocly's structure rule refuses.
 */
async function withoutFileTypes(
  results: NormalizedProblem[],
  resolver: InstanceType<typeof import('@redocly/openapi-core').BaseResolver>,
  version: string,
): Promise<NormalizedProblem[]> {
  if (version !== '2.0') return results;
  const kept: NormalizedProblem[] = [];
  for (const result of results) {
    const location = result.location[0];
    if (result.ruleId === 'struct' && location?.pointer?.endsWith('/type') && /^`type` can be one of the following only/.test(result.message)) {
      let value: unknown = await rootOf(resolver, location.source.absoluteRef);
      for (const segment of segments(location.pointer)) value = (value as Json)?.[segment];
      if (value === 'file') continue;
    }
    kept.push(result);
  }
  return kept;
}

/**
 * Redocly's results as problems: errors, and the example rules' warnings (RULES). `version`: the
 * spec's, when known; from 3.1 on, a keyword a schema does not know is a warning (schemaKeyword).
 */
function ruleProblems(results: NormalizedProblem[], file: string, version: string): Problem[] {
  // A file a $ref names that is not valid YAML is reported twice: at the $ref and in the file. Once, in the file, is enough.
  const unparsable = new Set(results.flatMap((result) => (result.message.startsWith(NOT_PARSED) ? [result.location[0]?.source.absoluteRef] : [])));
  const groups = byPlace(
    results.filter((result) => !unparsable.has(/^Can't resolve \$ref: .* in "([^"]+)" \(\d+:\d+\)$/.exec(result.message)?.[1]) && !readOnlySentByApi(result)),
  );
  const lines = problemLines(groups.map((group) => group[0]!.location[0]));
  return groups.map((found) => {
    // A $ref to a missing file leaves its place empty, so Redocly also reports the place's type
    // ("Expected type string but got object" for a description): the missing file is the problem.
    const missingFile = found.find((result) => result.message.startsWith(MISSING_FILE));
    const group = missingFile ? [missingFile] : found;
    const result = group[0]!;
    const location = result.location[0];
    const at = location ? lines(location) : undefined;
    const where = { file: location?.source.absoluteRef ?? file, ...(at ? { line: at } : {}) };
    const pointer = (result.severity === 'warn' ? examplePointer(location?.pointer) : location?.pointer)?.replace(/^#/, '') ?? '';
    const lenient = group.length === 1 ? schemaKeyword(result, version) : undefined;
    if (lenient) return problem('openapi-schema-keyword', where, { pointer, ...lenient });
    const yaml = result.message.startsWith(NOT_PARSED) ? YAML_ERROR.exec(result.message.slice(NOT_PARSED.length)) : null;
    if (yaml) return problem('openapi-invalid', where, { pointer, reason: notParsed(where.file, yaml[1]!), fix: parseFix(where.file) });
    // The fix names the missing file (knownFix), as for one an extension names (missingRefFiles).
    const reason = missingFile ? "Can't resolve $ref." : joinedReasons(group.map((one) => unescapedNames(withSuggestion(one).replace(/`/g, '"'))));
    if (result.severity === 'error') return problem('openapi-invalid', where, { pointer, reason, ...knownFix(result, version) });
    // The example rules are the only ones set to warn (RULES): legal, but likely wrong. An example
    // whose schema the validator could not compile was not checked at all: the schema is at fault.
    const unchecked = /^Example validation errored: (.*)$/.exec(reason);
    return unchecked
      ? problem('openapi-example-unchecked', where, { pointer, reason: unchecked[1]! })
      : problem('openapi-example-mismatch', where, { pointer, reason });
  });
}

/**
 * Redocly checks the example of a webhook's payload or a callback's body as a request's, where a
 * readOnly property must not be; but the API sends those (Train Travel's booking `id`), as it sends
 * a response, and Shale shows their readOnly properties.
 */
function readOnlySentByApi(result: NormalizedProblem): boolean {
  return /must NOT be present in request context/.test(result.message) && /^#?\/(?:x-)?webhooks\/|\/callbacks\//.test(result.location[0]?.pointer ?? '');
}

/** A property named in a message as a JSON pointer's token (`"2377~1tcp" property`) named as written (`"2377/tcp"`). */
const unescapedNames = (message: string): string =>
  message.replace(/"([^"]*~[01][^"]*)" property/g, (_, name: string) => `"${name.replace(/~1/g, '/').replace(/~0/g, '~')}" property`);

/** Redocly's message with the names it suggests (a misspelt field): `… is not expected here (did you mean "description"?)`. */
function withSuggestion(result: NormalizedProblem): string {
  const suggested = suggestions(result).slice(0, 3);
  if (suggested.length === 0) return result.message;
  return `${result.message.replace(/\.$/, '')} (did you mean ${suggested.map((name) => `"${name}"`).join(' or ')}?)`;
}

/**
 * What to write instead, for the errors of a spec that mixes its version with another's: a boolean
 * exclusiveMinimum (3.0's) in 3.1, where it is the bound itself; a list of types (3.1's) in 2.0 or 3.0.
 */
function knownFix(result: NormalizedProblem, version: string): { fix?: string } {
  const keyword = segments(result.location[0]?.pointer).at(-1);
  if (/^3\.[1-9]/.test(version) && (keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') && /but got `boolean`/.test(result.message)) {
    const bound = keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum';
    return {
      fix: `in OpenAPI ${version} ${keyword} is the bound itself, a number: write the bound there, as in ${keyword}: 0 in place of ${bound}: 0 with ${keyword}: true.`,
    };
  }
  if (/^(2\.0|3\.0)/.test(version) && keyword === 'type' && /^`type` can be one of the following only/.test(result.message)) {
    // Slack's Swagger 2.0 spec has 32 of `"type": ["null", "boolean"]`, JSON Schema's list of types.
    const nullable = version === '2.0' ? 'x-nullable: true' : 'nullable: true';
    return {
      fix: `write one of those names, as a string. A list of types (["null", "boolean"]) is OpenAPI 3.1's: in ${version === '2.0' ? 'Swagger 2.0' : `OpenAPI ${version}`} write the one type with ${nullable}.`,
    };
  }
  const missing = result.message.startsWith(MISSING_FILE) ? /^'([^']+)'/.exec(result.message.slice(MISSING_FILE.length))?.[1] : undefined;
  if (missing) return { fix: `the $ref names ${missing}, which does not exist: correct its path (relative to the file the $ref is in) or add the file.` };
  const url = result.message.split(URL_REFUSED)[1]?.trim();
  if (url) {
    const name = url.split(/[?#]/)[0]!.split('/').filter(Boolean).at(-1) ?? 'the file';
    return {
      fix: `save ${url} in the content folder beside the spec and point the $ref at it by a relative path ("./${name}", with its "#/…" part if it has one): a build reads no network, so it gives the same site every time.`,
    };
  }
  return {};
}

/**
 * The names Redocly suggests for a misspelt field that are close enough to mean it: Redocly offers
 * any name fewer than four edits away, so a schema's misplaced property `id` got "did you mean
 * xml?". Kept: at most a third of the name's letters changed (case aside), at least one.
 */
function suggestions(result: NormalizedProblem): string[] {
  const given = /^Property `([^`]+)` is not expected here/.exec(result.message)?.[1]?.toLowerCase();
  // A value outside a list (`type: String`): the message does not say the value; the list is short.
  if (!given) return result.suggest ?? [];
  return (result.suggest ?? []).filter((name) => editDistance(given, name.toLowerCase()) <= Math.max(1, Math.floor(given.length / 3)));
}

/** The segments of a JSON pointer, unescaped. */
const segments = (pointer: string | undefined) =>
  pointer
    ? pointer
        .replace(/^#?\//, '')
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    : [];

/** Names that put what follows them inside a schema: a parameter's or media type's schema, a schema's subschemas. */
const SCHEMA_PLACES = new Set([
  'schema',
  'schemas',
  '$defs',
  'definitions',
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'additionalProperties',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);

/**
 * A keyword a schema does not know, in a spec of OpenAPI 3.1 or later: its schemas are JSON Schema
 * 2020-12, which ignores keywords it does not know, so the spec is valid and the keyword most
 * likely a mistake (a warning, with what to write instead). OpenAI's spec has 200 of them, most
 * `nullable`, which is 3.0's. In 3.0 and 2.0, whose schemas have a fixed set of fields, it stays an
 * error. The place is a schema when its pointer, or the `$ref` that led to its file, passes
 * through one.
 */
function schemaKeyword(result: NormalizedProblem, version: string): { keyword: string; version: string; hint: string } | undefined {
  if (result.ruleId !== 'struct' || !/^3\.[1-9]/.test(version)) return undefined;
  const keyword = /^Property `(.+)` is not expected here/.exec(result.message)?.[1];
  const location = result.location[0];
  if (!keyword || !location) return undefined;
  const path = [...segments(result.from?.pointer), ...segments(location.pointer)].slice(0, -1);
  if (!path.some((segment) => SCHEMA_PLACES.has(segment))) return undefined;
  const suggested = suggestions(result)[0];
  const hint =
    keyword === 'nullable'
      ? `write the null type into the schema's type instead, as in type: [string, "null"] (or add {type: "null"} to its oneOf); Shale shows the type as nullable meanwhile, other tools may not.`
      : keyword === '$recursiveRef' || keyword === '$recursiveAnchor'
        ? 'JSON Schema 2020-12, which OpenAPI 3.1 uses, replaced $recursiveRef and $recursiveAnchor with $dynamicRef and $dynamicAnchor.'
        : suggested
          ? `did you mean "${suggested}"?`
          : 'remove it, or name it x-… if it is an extension of yours.';
  return { keyword, version, hint };
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
    // The example rules' findings (the only warnings) are one a wrong value: one warning an example.
    const pointer = result.severity === 'warn' ? examplePointer(location?.pointer) : location?.pointer;
    const key = JSON.stringify([result.severity, location?.source.absoluteRef, pointer]);
    const group = groups.get(key);
    if (group) group.push(result);
    else groups.set(key, [result]);
  }
  return [...groups.values()];
}

/** The pointer of the example a pointer is in (`…/example`, `…/examples/card/value`), or the pointer itself. */
function examplePointer(pointer: string | undefined): string | undefined {
  return pointer?.replace(/^(.*?\/(?:example|examples\/[^/]+\/value))\/.*$/, '$1');
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
 * Tags operations use that the spec does not declare (when it declares any), one warning a tag:
 * OpenAPI allows them, but such a tag has no description and comes after the declared ones. And
 * tags with operations that `x-tagGroups` leaves out (Redoc hides those operations without a word): errors.
 */
export function tagProblems(document: Json, file: string, linesOf: (pointers: readonly string[]) => Array<number | undefined>): Problem[] {
  const found: Problem[] = [];
  const declared = new Set<string>((Array.isArray(document.tags) ? document.tags : []).map((tag: Json) => tag?.name));
  const grouped = new Set<string>((Array.isArray(document['x-tagGroups']) ? document['x-tagGroups'] : []).flatMap((group: Json) => group?.tags ?? []));
  const used = new Set<string>();
  const undeclared = new Map<string, { pointer: string; operations: number }>();
  for (const [path, item] of Object.entries<Json>(document.paths ?? {})) {
    for (const [method, operation] of Object.entries<Json>(item ?? {})) {
      if (!Array.isArray(operation?.tags)) continue;
      operation.tags.forEach((tag: unknown, index: number) => {
        if (typeof tag !== 'string') return;
        used.add(tag);
        if (!declared.size || declared.has(tag)) return;
        const first = undeclared.get(tag);
        if (first) first.operations += 1;
        else undeclared.set(tag, { pointer: `/paths/${pointerPart(path)}/${method}/tags/${index}`, operations: 1 });
      });
    }
  }
  // A declared tag no operation uses has no operations to hide (Lob's spec declares two): not an error.
  for (const item of Object.values<Json>(document.webhooks ?? {}))
    for (const operation of Object.values<Json>(item ?? {}))
      for (const tag of Array.isArray(operation?.tags) ? operation.tags : []) if (typeof tag === 'string') used.add(tag);
  const ungrouped = grouped.size ? [...used].filter((name) => !grouped.has(name)) : [];
  const places = [...undeclared.values()].map(({ pointer }) => pointer);
  const lines = places.length + ungrouped.length > 0 ? linesOf([...places, '/x-tagGroups']) : [];
  [...undeclared].forEach(([tag, { pointer, operations }], index) => {
    found.push(problem('openapi-tag-undeclared', { file, line: lines[index] }, { pointer, tag, operations: String(operations) }));
  });
  for (const tag of ungrouped) {
    const reason = `the tag "${tag}" is in no group of "x-tagGroups", so readers of Redoc never saw its operations; add it to a group`;
    found.push(problem('openapi-invalid', { file, line: lines[places.length] }, { pointer: '/x-tagGroups', reason }));
  }
  return found;
}
