import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, hasStackTrace, reportOf, runScript, tempDir, type RunResult } from './support/build';
import { generateSource, longSource, type Source } from './support/fuzz';

/**
 * Generated and mutated Slate sources (random heading levels, unbalanced fences, odd unicode,
 * huge tables, deep nesting, a 10,000-line page; seeded, so every run is the same) either pass
 * the checks or fail with a report: never a crash, never a hang. Many cases go through the checks
 * (what `npm run build` runs first) in a child process that is killed if it overruns; a few go
 * through the real build.
 */
const FIRST_SEED = 1;
const CASES = 50;
/** Per case, generous for a loaded CI machine: a hang is minutes, not seconds. */
const CASE_LIMIT_MS = 60_000;

interface CaseResult {
  name: string;
  ms: number;
  errors?: number;
  problems?: number;
  /** The report's lines of problems: one for each problem, a problem repeated in a file once. */
  lines?: number;
  report?: string;
  internal?: string[];
  crash?: string;
}

let results: CaseResult[] = [];
let runner: RunResult;
const work = tempDir('fuzz');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  // The whole run is bounded: a hang in any case kills it and fails the test below.
  runner = await runScript('tests/build/support/fuzz-runner.ts', [String(FIRST_SEED), String(CASES), work], { timeoutMs: 400_000 });
  results = runner.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as CaseResult);
}, 420_000);

describe('generated and mutated Slate sources through the checks', () => {
  it('finishes every case in bounded time', () => {
    expect(runner.stderr).toBe('');
    expect(runner.status).toBe(0);
    expect(results.map((result) => result.name)).toEqual([
      ...Array.from({ length: CASES }, (_, index) => `seed-${FIRST_SEED + index}`),
      'huge-table',
      'deep-blockquotes',
      'deep-lists',
      'deep-html',
      'odd-headings',
      'fences-only',
      'long-10000-lines',
    ]);
    for (const result of results) expect(result.ms, result.name).toBeLessThan(CASE_LIMIT_MS);
  });

  it('never crashes and never hits an internal error', () => {
    expect(results.filter((result) => result.crash).map((result) => `${result.name}: ${result.crash}`)).toEqual([]);
    expect(results.filter((result) => result.internal?.length).map((result) => `${result.name}: ${result.internal}`)).toEqual([]);
  });

  it('reports every problem as file:line (or file), what is wrong and, for errors, the fix', () => {
    for (const result of results) {
      if (result.problems === 0) {
        expect(result.report, result.name).toBe('');
        continue;
      }
      const lines = result.report!.split('\n');
      expect(lines[0], result.name).toMatch(
        result.errors ? /^✗ Found \d+ errors? (and \d+ warnings? )?in \d+ files?$/ : /^⚠ Found \d+ warnings? in \d+ files?$/,
      );
      const problems = lines.filter((line) => line.startsWith('  '));
      expect(problems.length, result.name).toBe(result.lines);
      for (const line of problems) {
        expect(line, result.name).toMatch(/^ {2}[✗⚠] \S[^\n]*?(:\d+)? {2}\S.*$/);
        if (line.startsWith('  ✗')) expect(line, result.name).toMatch(/ Fix: \S/);
      }
    }
  });

  it('includes sources that build and sources that fail', () => {
    expect(results.some((result) => result.errors === 0)).toBe(true);
    expect(results.some((result) => (result.errors ?? 0) > 0)).toBe(true);
  });
});

describe('generated sources through the real build', () => {
  const write = (source: Source) => {
    const dir = tempDir('fuzz-build');
    for (const [file, text] of Object.entries(source)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
  };

  const cases: Array<[string, () => Source]> = [
    ['the first generated source that passes the checks', () => generateSource(Number(results.find((r) => r.errors === 0)!.name.split('-')[1]))],
    ['the first generated source with errors', () => generateSource(Number(results.find((r) => (r.errors ?? 0) > 0)!.name.split('-')[1]))],
    ['the 10,000-line page', () => longSource(10_000)],
  ];

  for (const [name, make] of cases) {
    it(`${name} builds or stops with a report, within bounds`, async () => {
      const content = write(make());
      const outDir = tempDir('fuzz-out');
      try {
        const build = await astroBuild({ content, outDir });
        const output = build.stdout + build.stderr;
        expect(build.status, output).not.toBeNull();
        expect(hasStackTrace(output), output).toBe(false);
        if (build.status === 0) {
          expect(fs.existsSync(path.join(outDir, 'index.html'))).toBe(true);
        } else {
          expect(build.status).toBe(1);
          expect(reportOf(build.stderr)).toMatch(/^✗ Found /);
          expect(build.stderr).toContain('The build stopped; the previous site was left as it was.');
        }
      } finally {
        fs.rmSync(content, { recursive: true, force: true });
        fs.rmSync(outDir, { recursive: true, force: true });
      }
    }, 320_000);
  }
});
