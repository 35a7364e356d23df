import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * GitHub's REST API through Widdershins (issue 16): a real Slate source nobody on the team wrote,
 * made in the bench run. The description comes from npm's `@octokit/openapi` (about 400 MB unpacked)
 * and Shins from npm's `shins`: both are installed on demand into the bench's own folder, never as
 * dependencies that every `npm ci` would pay for. Widdershins is the project's dev dependency.
 * Versions are pinned, so two bench runs build the same 19.5 MB file.
 */
const TOOLS = { '@octokit/openapi': '23.0.2', shins: '2.6.0' };
const WIDDERSHINS_ARGS = ['--language_tabs', 'shell:Shell', 'ruby:Ruby', 'python:Python', 'javascript:JavaScript', '--summary'];

export interface BenchTools {
  /** GitHub's REST description (OpenAPI 3.0, JSON). */
  spec: string;
  /** Shins' command line script. */
  shins: string;
}

export interface GitHubSource {
  /** The Slate source folder (index.html.md). */
  dir: string;
  /** Every operation's summary: the h2 headings the search must find. */
  summaries: string[];
}

/** Installs the two packages into `work/tools`, once per their versions. */
export function installTools(work: string): BenchTools {
  const tools = path.join(work, 'tools');
  // Shins' only install script is ejs's "thank you" message.
  installPackages(tools, TOOLS);
  return { spec: path.join(tools, 'node_modules/@octokit/openapi/generated/api.github.com.json'), shins: path.join(tools, 'node_modules/shins/shins.js') };
}

/** Installs pinned npm packages into `folder` (without their install scripts), once per their versions. */
export function installPackages(folder: string, packages: Record<string, string>): void {
  const manifest = JSON.stringify({ name: 'shale-bench-tools', private: true, dependencies: packages }, null, 2);
  const installed = path.join(folder, 'installed.json');
  if (fs.existsSync(installed) && fs.readFileSync(installed, 'utf8') === manifest) return;
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'package.json'), manifest);
  process.stdout.write(
    `  installing ${Object.entries(packages)
      .map(([name, version]) => `${name}@${version}`)
      .join(' and ')} into ${folder}…\n`,
  );
  execFileSync('npm', ['install', '--prefix', folder, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { stdio: 'inherit' });
  fs.writeFileSync(installed, manifest);
}

/** Writes the Slate source into `work/github` with Widdershins, once per the versions of what makes it. */
export function githubSource(work: string, spec: string): GitHubSource {
  const dir = path.join(work, 'github');
  const source = path.join(dir, 'index.html.md');
  const stamp = path.join(dir, 'made-from.json');
  const made = JSON.stringify({ tools: TOOLS, widdershins: widdershinsVersion(), args: WIDDERSHINS_ARGS });
  if (!fs.existsSync(source) || !fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== made) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    process.stdout.write('  writing the Slate source with Widdershins…\n');
    execFileSync(process.execPath, ['node_modules/widdershins/widdershins.js', spec, '-o', source, ...WIDDERSHINS_ARGS], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    fs.writeFileSync(stamp, made);
  }
  return { dir, summaries: summariesOf(spec) };
}

function widdershinsVersion(): string {
  return (JSON.parse(fs.readFileSync('node_modules/widdershins/package.json', 'utf8')) as { version: string }).version;
}

/** Each operation's summary, once (Widdershins makes each an h2 with `--summary`). */
function summariesOf(spec: string): string[] {
  const { paths } = JSON.parse(fs.readFileSync(spec, 'utf8')) as { paths: Record<string, Record<string, { summary?: unknown }>> };
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  const summaries = new Set<string>();
  for (const item of Object.values(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (methods.has(method) && typeof operation.summary === 'string' && operation.summary.trim()) summaries.add(operation.summary.trim());
    }
  }
  return [...summaries];
}

/** Changes one line of `file` (a sentence of prose in the middle of it), as a writer's edit would. */
export function editOneLine(file: string, run: number): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const middle = Math.floor(lines.length / 2);
  let index = middle;
  while (index < lines.length && !/^[A-Z][^|<>`]*\.$/.test(lines[index]!)) index++;
  if (index === lines.length) throw new Error(`no line of prose after the middle of ${file}`);
  lines[index] = `${lines[index]!.replace(/ \(edit \d+\)\.$/, '.').slice(0, -1)} (edit ${run}).`;
  fs.writeFileSync(file, lines.join('\n'));
}
