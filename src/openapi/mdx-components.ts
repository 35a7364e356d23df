import path from 'node:path';
import { locateSpec, type Page } from '../content/site';
import type { SourceFile } from '../content/source-file';
import { problem, type Problem } from '../validation/problem';
import { compileSpec } from './compile-spec';
import type { LoadedSpec } from './load-spec';
import { findingProblems } from './spec-parts';
import { tagsOf, webhooksOf } from './spec-model';

/**
 * `<Operation spec="specs/pets.yaml" id="getPet" />` and `<OpenAPI spec="specs/pets.yaml" tag="pets" />`
 * in an MDX page: each, written alone on its line, is replaced by the sections it names, written
 * as MDX, before the page is compiled. The part is cut around it, so every line after it keeps its
 * own line number in reports, and the sections are settled with the page like any other.
 */
const COMPONENT = /^[ \t]*<(Operation|OpenAPI)((?:\s+[A-Za-z]+="[^"]*")*)\s*\/>[ \t]*$/;

export async function expandSpecComponents(page: Page, load: (file: string) => Promise<LoadedSpec>): Promise<Problem[]> {
  if (page.dialect !== 'mdx') return [];
  const problems: Problem[] = [];
  const parts: SourceFile[] = [];
  for (const part of page.parts) {
    let rest = part;
    const lines = part.body.split('\n');
    let start = 0;
    for (let index = 0; index < lines.length; index++) {
      const match = COMPONENT.exec(lines[index]!);
      if (!match) continue;
      const line = part.bodyLine + index;
      const attributes = Object.fromEntries([...match[2]!.matchAll(/([A-Za-z]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!]));
      const sections = await componentSections(page, match[1] as 'Operation' | 'OpenAPI', attributes, { file: part.path, line }, load, problems);
      parts.push({ ...rest, body: lines.slice(start, index).join('\n') });
      if (sections) parts.push(sections);
      start = index + 1;
      rest = { ...part, yaml: '', body: '', bodyLine: part.bodyLine + start };
    }
    parts.push({ ...rest, body: lines.slice(start).join('\n') });
  }
  page.parts.splice(0, page.parts.length, ...parts);
  return problems;
}

async function componentSections(
  page: Page,
  name: 'Operation' | 'OpenAPI',
  attributes: Record<string, string>,
  where: { file: string; line: number },
  load: (file: string) => Promise<LoadedSpec>,
  problems: Problem[],
): Promise<SourceFile | undefined> {
  const spec = attributes.spec ?? '';
  const located = locateSpec(spec, [path.dirname(page.file), page.contentDir]);
  if (located.file === undefined) {
    problems.push(problem('openapi-spec-missing', where, { spec, fix: located.fix }));
    return undefined;
  }
  const file = located.file;
  const loaded = await load(file);
  problems.push(...loaded.problems);
  if (!loaded.document) return undefined;
  const document = loaded.document;
  if (name === 'Operation') {
    const ids = [...tagsOf(document).flatMap((tag) => tag.operations), ...webhooksOf(document)]
      .map((operation) => operation.operation.operationId)
      .filter((id): id is string => typeof id === 'string');
    if (!ids.includes(attributes.id ?? '')) {
      problems.push(problem('openapi-operation-unknown', where, { id: attributes.id ?? '', known: ids.slice(0, 8).join(', ') }));
      return undefined;
    }
  } else {
    const known = tagsOf(document).map((tag) => tag.name);
    if (!known.includes(attributes.tag ?? '')) {
      problems.push(problem('openapi-tag-unknown', where, { tag: attributes.tag ?? '', known: known.join(', ') }));
      return undefined;
    }
  }
  const compiled = compileSpec(document, {
    dialect: 'mdx',
    tabs: page.tabs,
    ...(name === 'Operation' ? { operations: [attributes.id!] } : { tags: [attributes.tag!], webhooks: false }),
  });
  problems.push(...findingProblems(compiled, file, loaded.linesOf(compiled.findings.map((finding) => finding.pointer))));
  return { path: file, dialect: 'mdx', yaml: '', body: compiled.markdown, bodyLine: 1, yamlLine: 1, generated: true };
}
