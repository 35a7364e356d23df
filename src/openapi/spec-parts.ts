import type { Page } from '../content/site';
import type { SourceFile } from '../content/source-file';
import { problem, type Problem } from '../validation/problem';
import { compileSpec, type CompiledSpec } from './compile-spec';
import { loadSpec, type LoadedSpec } from './load-spec';
import type { SpecCache } from './spec-cache';
import { tagsOf } from './spec-model';

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
): Promise<{ parts: Array<SourceFile | undefined>; problems: Problem[] }> {
  // One entry per spec of the page, in order (undefined for a spec with errors).
  const parts: Array<SourceFile | undefined> = [];
  const problems: Problem[] = [];
  const part = (file: string, markdown: string): SourceFile => ({
    path: file,
    dialect: page.dialect,
    yaml: '',
    body: markdown,
    bodyLine: 1,
    yamlLine: 1,
    generated: true,
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
      problems.push(...cached.problems);
      parts.push(part(reference.file, cached.markdown));
      continue;
    }
    const spec = await load(reference.file);
    const found = [...spec.problems];
    if (!spec.document) {
      problems.push(...found);
      parts.push(undefined);
      continue;
    }
    const known = tagsOf(spec.document).map((tag) => tag.name);
    for (const tag of reference.tags.filter((name) => !known.includes(name))) {
      found.push(problem('openapi-tag-unknown', { file: page.file, line: reference.line }, { tag, known: known.join(', ') }));
    }
    const compiled = compileSpec(spec.document, options);
    found.push(...findingProblems(compiled, reference.file, spec));
    if (spec.files) cache?.set(reference.file, options, spec.files, { markdown: compiled.markdown, problems: found });
    problems.push(...found);
    parts.push(part(reference.file, compiled.markdown));
  }
  return { parts, problems };
}

/** What the compiler found in a spec, as problems at the spec's lines. */
export function findingProblems(compiled: CompiledSpec, file: string, spec: LoadedSpec): Problem[] {
  return compiled.findings.map((finding) =>
    problem(finding.kind, { file, line: spec.lineOf(finding.pointer) }, { pointer: finding.pointer, ...finding.facts } as never),
  );
}
