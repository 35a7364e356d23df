import { LineCounter, parseDocument, isMap, isPair, isScalar, type Node } from 'yaml';
import { z } from 'astro/zod';
import { problem, type Problem } from '../validation/problem';
import type { FactsOf } from '../validation/definitions';
import { nearestNames } from '../schema/languages';
import { FRONT_MATTER_KEYS, RENAMED_KEYS, SLATE_KEYS } from '../schema/front-matter';

/** A Markdown or MDX file split into its front matter and its body. */
export interface SourceFile {
  path: string;
  dialect: 'md' | 'mdx';
  /** The raw YAML between the `---` fences ('' when there is none). */
  yaml: string;
  /** The Markdown after the front matter. */
  body: string;
  /** Line of the file where the body starts (1-based). */
  bodyLine: number;
  /** Line of the file where the YAML starts (1-based). */
  yamlLine: number;
  /** Written by Shale from an OpenAPI spec (`path` is the spec's): its lines are not the spec's. */
  generated?: boolean;
  /**
   * Of a generated body: pairs of its line at which a stretch starts and the spec's line of what
   * that stretch shows (an operation, a tag, a schema), in order; 0 where the spec's line is not
   * known. A problem found in the body is reported there (openapi/spec-cache.ts, specPlaceOf).
   */
  specLines?: Array<[markdownLine: number, specLine: number, pointer: string]>;
  /**
   * Where the body's lines came from when it joins the text of several files (an ERB page with a
   * partial that is no template, put in as it is: site.ts): from the body's line `from` (0-based)
   * on, the lines are `file`'s from its line `line`. Without it, every line is `path`'s from `bodyLine`.
   */
  origins?: LineOrigin[];
}

/** See SourceFile.origins. */
export interface LineOrigin {
  from: number;
  file: string;
  line: number;
}

/** The runs of a file's body by the file and line they came from, as the document's segments (`startLine`: the body's first line in the document). */
export function bodySegments(
  source: SourceFile,
  startLine: number,
  startOffset: number,
  lineCount: number,
): Array<{ file: string; startLine: number; startOffset: number; bodyLine: number; lineCount: number }> {
  const origins = source.origins ?? [{ from: 0, file: source.path, line: source.bodyLine }];
  return origins.map((origin, index) => {
    const to = origins[index + 1]?.from ?? lineCount;
    return { file: origin.file, startLine: startLine + origin.from, startOffset, bodyLine: origin.line, lineCount: to - origin.from };
  });
}

const dialectOf = (file: string): 'md' | 'mdx' => (file.endsWith('.mdx') ? 'mdx' : 'md');

/** Splits a file into front matter and body, keeping line numbers so problems can point into either. */
export function splitSource(path: string, text: string): SourceFile {
  const content = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const dialect = dialectOf(path);
  const match = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(content);
  if (!match) return { path, dialect, yaml: '', body: content, bodyLine: 1, yamlLine: 2 };
  const yaml = match[1] ?? '';
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  return { path, dialect, yaml, body: content.slice(match[0].length), bodyLine, yamlLine: 2 };
}

/**
 * Whether a file opens front matter (`---` on its first line) and never closes it: the YAML would
 * be read as Markdown (a rule, then the keys as text), which nobody means.
 */
export function hasUnclosedFrontMatter(source: SourceFile): boolean {
  return source.yaml === '' && source.bodyLine === 1 && /^---[ \t]*\n/.test(source.body);
}

/** The problem for a file whose front matter is never closed (see hasUnclosedFrontMatter). */
export const unclosedFrontMatter = (source: SourceFile): Problem => problem('front-matter-unclosed', { file: source.path, line: 1 });

/**
 * Parses and validates a file's front matter against a zod schema, turning every YAML or schema
 * issue into a problem at the line of the offending key. `of` says whose front matter it is: an
 * include's may only name further includes, and its unknown keys say so; a page in Slate's own
 * format (`*.html.md`) may hold keys its Slate layout read, which Slate ignored and Shale ignores
 * too, with a warning.
 */
export function readFrontMatter<S extends z.ZodTypeAny>(
  source: SourceFile,
  schema: S,
  of: 'page' | 'slate-page' | 'include' | 'slate-include' = 'page',
  options: { includesBeforeAfter?: boolean; includeLists?: readonly string[] } = {},
): { data?: z.output<S>; problems: Problem[]; includes?: BeforeAfterIncludes; lists?: Map<string, NamedLines> } {
  const lineCounter = new LineCounter();
  // `[//]: # note`, Markdown's comment, written in a Slate page's front matter (Augur's docs): YAML
  // reads a key `["//"]` with no value, which Middleman ignored, and the yaml package fails on it after
  // a blank line. It is read as the comment it was meant as.
  const yaml = of === 'slate-page' || of === 'slate-include' ? source.yaml.replace(/^\[\/\/\]:[ \t]+#/gm, '#$&') : source.yaml;
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fileLine = (offset: number | undefined) =>
    offset === undefined ? source.yamlLine : source.yamlLine - 1 + lineCounter.linePos(offset).line;

  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((e) => problem('front-matter-yaml', { file: source.path, line: fileLine(e.pos[0]) }, { reason: firstLine(e.message) })),
    };
  }
  const value = document.toJS() ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { problems: [problem('front-matter-not-a-map', { file: source.path, line: source.yamlLine })] };
  }
  const lineOf = (path: (string | number)[]): number => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = document.getIn(path.slice(0, depth), true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) return fileLine(node.range[0]);
    }
    return source.yamlLine;
  };
  const includes = options.includesBeforeAfter ? joinBeforeAfter(value as Record<string, unknown>, lineOf) : undefined;
  const lists = options.includeLists?.length ? takeLists(value as Record<string, unknown>, options.includeLists, lineOf) : undefined;
  const withIncludes = { ...(includes ? { includes } : {}), ...(lists?.size ? { lists } : {}) };
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, problems: [], ...withIncludes };
  const keyLine = (key: string): number => {
    if (!isMap(document.contents)) return source.yamlLine;
    const pair = document.contents.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return fileLine(range?.[0]);
  };

  const problems: Problem[] = [];
  const badKeys = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      for (const key of issue.keys) {
        if (issue.path.length === 0) badKeys.add(key);
        problems.push(
          of === 'include' || of === 'slate-include'
            ? problem('include-front-matter-key', { file: source.path, line: keyLine(key), slate: of === 'slate-include' }, { key })
            : unknownKey({ file: source.path, line: keyLine(key), slate: of === 'slate-page' }, key, issue.path),
        );
      }
      continue;
    }
    if (issue.path[0] !== undefined) badKeys.add(String(issue.path[0]));
    const where = { file: source.path, line: lineOf(issue.path) };
    let found: Problem;
    if (issue.code === z.ZodIssueCode.custom && issue.params?.kind) {
      // A check of the schema's own (front-matter.ts kindIssue): its kind and facts.
      found = problem(issue.params.kind as 'tab-entry-invalid', where, issue.params.facts as FactsOf<'tab-entry-invalid'>);
    } else {
      const reason = issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
      found = problem('front-matter-value', where, { key: describePath(issue.path), reason, fix: fixForType(issue) });
    }
    // A Slate source may hold a key named like one of Shale's for a layout of its own (`head: |` and
    // a block of HTML): Slate ignored it, so a value Shale cannot read is ignored too, with a warning.
    const key = issue.path[0];
    if (of === 'slate-page' && typeof key === 'string' && !SLATE_KEYS.has(key))
      found = problem('front-matter-shale-key-ignored', { ...where, slate: true }, { key, reason: found.message, ...(found.fix ? { fix: found.fix } : {}) });
    problems.push(found);
  }
  // Check the rest of the page too: every problem of the build goes in one report.
  const rest = schema.safeParse(Object.fromEntries(Object.entries(value).filter(([key]) => !badKeys.has(key))));
  return { data: rest.success ? rest.data : undefined, problems, ...withIncludes };
}

/** Names listed under a front-matter key, each with its line. */
export interface NamedLines {
  names: string[];
  lines: number[];
}

/**
 * Takes out of the front matter's value the lists a Slate layout of a team's own renders as
 * partials (`includes_main:`, slate-layout.ts), so they are read as includes, not unknown keys. A
 * key whose value is not a list of names is left for the schema to report.
 */
function takeLists(value: Record<string, unknown>, keys: readonly string[], lineOf: (path: (string | number)[]) => number): Map<string, NamedLines> {
  const lists = new Map<string, NamedLines>();
  for (const key of keys) {
    const list = value[key] === null ? [] : value[key];
    if (!Array.isArray(list) || !list.every((name) => typeof name === 'string' || name === null)) continue;
    lists.set(key, { names: list.map((name: string | null) => (name ?? '').trim()), lines: list.map((_, index) => lineOf([key, index])) });
    delete value[key];
  }
  return lists;
}

/** A page's `includes: { before, after }` read as one list (slate-layout.ts): how many come before the body, and each name's line. */
export interface BeforeAfterIncludes {
  before: number;
  lines: number[];
}

/**
 * Replaces `includes: { before: […], after: […] }` in the front matter's value by the two lists
 * joined, so the schema checks the names as any list; anything else under `includes:` is left for
 * the schema to refuse.
 */
function joinBeforeAfter(value: Record<string, unknown>, lineOf: (path: (string | number)[]) => number): BeforeAfterIncludes | undefined {
  const includes = value.includes;
  if (!includes || typeof includes !== 'object' || Array.isArray(includes)) return undefined;
  const map = includes as Record<string, unknown>;
  if (!Object.keys(map).every((key) => key === 'before' || key === 'after')) return undefined;
  const lists = (['before', 'after'] as const).map((key) => map[key] ?? []);
  if (!lists.every((list): list is unknown[] => Array.isArray(list))) return undefined;
  const lines = (['before', 'after'] as const).flatMap((key, at) => lists[at]!.map((_, index) => lineOf(['includes', key, index])));
  value.includes = lists.flat();
  return { before: lists[0]!.length, lines };
}

/** `toc_footers[1]` for the path ['toc_footers', 1]. */
const describePath = (path: (string | number)[]) =>
  path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '') || 'front matter';

function unknownKey(where: { file: string; line: number; slate: boolean }, key: string, path: (string | number)[]): Problem {
  const name = `${path.length ? `${path.join('.')}.` : ''}${key}`;
  const renamed = RENAMED_KEYS[key];
  if (renamed) return problem('front-matter-renamed-key', where, { key: name, renamed });
  const [nearest] = nearestNames(key, FRONT_MATTER_KEYS, 1);
  return problem('front-matter-unknown-key', where, { key: name, nearest, known: FRONT_MATTER_KEYS });
}

function fixForType(issue: z.ZodIssue): string | undefined {
  if (issue.path[0] === 'toc_depth') return 'write `toc_depth: 2` (h1 and h2, as Slate) or `toc_depth: 3` (also h3).';
  if (issue.code === z.ZodIssueCode.invalid_type) {
    if (issue.expected === 'number') return 'write a number.';
    if (issue.expected === 'boolean') return 'write true or false.';
    if (issue.expected === 'array') return 'write a YAML list, one `- item` per line.';
    if (issue.expected === 'string') return 'write a text value (quote it if it contains a colon).';
  }
  return undefined;
}

const firstLine = (text: string) => text.split('\n')[0]!.trim();

/** The file line of a top-level key of the front matter (`split:`), if the file has it. */
export function keyLine(source: SourceFile, key: string): number | undefined {
  const index = source.yaml.split('\n').findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  return index < 0 ? undefined : source.yamlLine + index;
}

/**
 * The file line of each `- item` directly under a top-level key of the front matter
 * (`includes:`, `toc_footers:`), in order: where problems about single entries point.
 */
export function listItemLines(source: SourceFile, key: string): number[] {
  const lines = source.yaml.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  if (start < 0) return [];
  const items: number[] = [];
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^\S/.test(line) && !line.startsWith('-') && !line.startsWith('#')) break;
    if (/^\s*-(\s|$)/.test(line)) items.push(source.yamlLine + index);
  }
  return items;
}
