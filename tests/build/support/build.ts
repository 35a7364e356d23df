import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: builds run there, and report paths are relative to it. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface BuildResult extends RunResult {
  outDir: string;
  /** What a failed in-process build threw. */
  error?: unknown;
}

/**
 * The environment without what Vitest adds to it: Astro reads `import.meta.env.*` values from
 * process.env, so Vitest's BASE_URL=/ would override the base path of the build under test.
 */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key) || key.startsWith('VITEST')) delete env[key];
  }
  return env;
}

/** The environment of a build: without the test runner's variables (BASE_URL, NODE_ENV, VITEST…) or a SHALE_* of the caller. */
function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = cleanEnvironment();
  for (const key of Object.keys(env)) if (key.startsWith('SHALE_')) delete env[key];
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

export interface RunResult {
  /** Exit code (null when the process was killed for taking too long). */
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command from the project folder, collecting what it prints. Asynchronous, so the test
 * runner stays responsive; killed after `timeoutMs` (then `status` is null), so a hang fails a test.
 */
export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Runs a TypeScript script of the project through vite-node (as the npm scripts do). */
export const runScript = (script: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<RunResult> =>
  run(process.execPath, [path.join(ROOT, 'node_modules/vite-node/vite-node.mjs'), script, ...args], options);

/** The variables Vitest sets that Astro would read as the site's own (`import.meta.env.BASE_URL`…). */
const TEST_RUNNER_VARIABLES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'];

export interface BuildOptions {
  content: string;
  outDir: string;
  base?: string;
  /** The address the site is published at (SHALE_SITE). */
  site?: string;
  /** The address that edits the content folder (SHALE_EDIT_URL). */
  editUrl?: string;
  searchShardSections?: number;
  searchReuse?: boolean;
  /** Whether an edit to the text of Markdown pages is published without Astro's build (SHALE_QUICK_REBUILD). */
  quickRebuild?: boolean;
  /** Shale's work folder (default: the project's `.shale/`, as `npm run build` has it). */
  workDir?: string;
}

/**
 * Runs Astro's build with Shale's configuration in this process (what `npm run build` runs, without
 * starting a process for it), as a user would: from the project folder, on a content folder relative
 * to it, so report paths are stable. What Astro's logger prints is collected; a failed build is
 * `status` 1 with the error it threw (a ShaleBuildError carries the problems of the report).
 * Builds in one process run one after another (tests may start them side by side).
 */
export function astroBuild(options: BuildOptions): Promise<BuildResult> {
  // One at a time: what a build prints is collected from this process's output.
  const result = queue.then(() => buildNow(options));
  queue = result.catch(() => undefined);
  return result;
}

let queue: Promise<unknown> = Promise.resolve();

async function buildNow(options: BuildOptions): Promise<BuildResult> {
  const { build } = await import('astro');
  const { shaleAstroConfig } = await import('../../../src/integration/astro-config');
  const { content, outDir, base = '/', ...rest } = options;
  const shaleOptions = { content, outDir, base, ...rest };
  const saved = { ...process.env };
  for (const key of TEST_RUNNER_VARIABLES) delete process.env[key];
  process.env.NODE_ENV = 'production';
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const output = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const collect = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array) => {
      output[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = collect('stdout');
  process.stderr.write = collect('stderr');
  try {
    await build({ ...shaleAstroConfig(shaleOptions, { env: {}, cwd: ROOT }), root: ROOT, configFile: false, logLevel: 'info' });
    return { status: 0, ...output, outDir };
  } catch (error) {
    return { status: 1, ...output, outDir, error };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/**
 * Runs `npm run build` as a user types it (a process of its own, with SHALE_* variables): for the
 * tests of what the command prints and its exit code. Killed after `timeoutMs` (then `status` is null).
 */
export async function cliBuild(options: {
  content: string;
  outDir: string;
  base?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<BuildResult> {
  const result = await run(process.execPath, [path.join(ROOT, 'bin/build.mjs')], {
    env: buildEnv({ SHALE_CONTENT: options.content, SHALE_OUT_DIR: options.outDir, SHALE_BASE: options.base ?? '/', ...options.env }),
    timeoutMs: options.timeoutMs ?? 180_000,
  });
  return { ...result, outDir: options.outDir };
}

/** A fresh temporary folder. */
export const tempDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `shale-${prefix}-`));

/** An output folder that already holds a "previous site", to check that a failed build leaves it alone. */
export function previousSite(): string {
  const dir = tempDir('previous');
  fs.mkdirSync(path.join(dir, 'images'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Previous site</title>');
  fs.writeFileSync(path.join(dir, 'images', 'old.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return dir;
}

/** Every file of a folder with a hash of its bytes, to compare a folder before and after. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, entry);
    if (fs.statSync(full).isFile()) files[entry.split(path.sep).join('/')] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return files;
}

/**
 * The problem report a build printed: its "Found …" line, then each group (a blank line, the file,
 * its problem lines). Astro prefixes only the first line of a warning, so the report is verbatim.
 */
export function reportOf(output: string): string | undefined {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => /^[✗⚠] Found /.test(line));
  if (start < 0) return undefined;
  const isProblem = (line = '') => /^ {2}[✗⚠] /.test(line);
  let end = start;
  while (lines[end + 1] === '' && lines[end + 2] && !lines[end + 2]!.startsWith(' ') && isProblem(lines[end + 3])) {
    end += 3;
    while (isProblem(lines[end + 1])) end++;
  }
  return lines.slice(start, end + 1).join('\n');
}

/** Whether output holds a JavaScript stack trace (a crash instead of a report). */
export const hasStackTrace = (output: string): boolean => /^\s+at .+(:\d+:\d+\)?|\(native\))$/m.test(output);
