import fs from 'node:fs';
import path from 'node:path';

/**
 * GitHub's REST API straight from its spec (issue 17): a page that names `@octokit/openapi`'s
 * description under `openapi:`, in the bench's own folder (the spec is copied from the tools the
 * bench installs on demand; nothing is committed).
 */
export interface GitHubSpecSource {
  dir: string;
  spec: string;
  /** How many operations the spec has (every one must be in the built HTML). */
  operations: number;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function githubSpecSource(work: string, spec: string): GitHubSpecSource {
  const dir = path.join(work, 'github-spec');
  fs.mkdirSync(dir, { recursive: true });
  const copy = path.join(dir, 'api.github.com.json');
  fs.copyFileSync(spec, copy);
  fs.writeFileSync(
    path.join(dir, 'index.md'),
    [
      '---',
      'title: GitHub REST API',
      'language_tabs:',
      '  - shell',
      '  - ruby',
      '  - python',
      '  - javascript',
      'search: true',
      'openapi: api.github.com.json',
      '---',
      '',
    ].join('\n'),
  );
  const document = JSON.parse(fs.readFileSync(copy, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.values(document.paths).reduce((count, item) => count + Object.keys(item).filter((key) => METHODS.includes(key)).length, 0);
  return { dir, spec: copy, operations };
}

/** A writer's edit of one operation: its summary, made distinct per run. */
export function editOneOperation(spec: string, run: number): void {
  const text = fs.readFileSync(spec, 'utf8');
  const edited = text.replace(/"summary": "Get a repository(?: \(edit \d+\))?"/, `"summary": "Get a repository (edit ${run})"`);
  if (edited === text) throw new Error(`no "Get a repository" summary in ${spec}`);
  fs.writeFileSync(spec, edited);
}

/** How many operations the built site shows: each has Widdershins' `opId…` anchor beside its heading. */
export function operationsInHtml(dir: string): number {
  const ids = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) for (const match of fs.readFileSync(full, 'utf8').matchAll(/<span id="opId([^"]+)"><\/span>/g)) ids.add(match[1]!);
    }
  };
  walk(dir);
  return ids.size;
}
