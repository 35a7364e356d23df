/**
 * Runs generated sources through Shale's checks (what `npm run build` runs before building) in a
 * process of its own, so the test can kill it if anything hangs. Prints one JSON line per case.
 * Usage: vite-node tests/build/support/fuzz-runner.ts <first seed> <count> <work folder>
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkFolder } from '../../support/render';
import { formatReport } from '../../../src/validation/report';
import { extremeSources, generateSource, longSource, type Source } from './fuzz';

const [first, count, work] = process.argv.slice(2);

async function runCase(name: string, source: Source) {
  const dir = path.join(work!, name);
  for (const [file, text] of Object.entries(source)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const started = performance.now();
  try {
    const { problems } = await checkFolder(dir);
    // Every warning listed: the test reads one line per problem, a problem repeated in a file on one line.
    const report = formatReport(problems, work!, true);
    const lines = new Set(problems.map((problem) => JSON.stringify([problem.file, problem.severity, problem.message, problem.fix]))).size;
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    const internal = problems.filter((problem) => problem.kind === 'render-failed').map((problem) => problem.message);
    return { name, ms: Math.round(performance.now() - started), errors, problems: problems.length, lines, report, internal };
  } catch (cause) {
    return { name, ms: Math.round(performance.now() - started), crash: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

for (let seed = Number(first); seed < Number(first) + Number(count); seed++) {
  console.log(JSON.stringify(await runCase(`seed-${seed}`, generateSource(seed))));
}
for (const [name, source] of Object.entries(extremeSources())) console.log(JSON.stringify(await runCase(name, source)));
console.log(JSON.stringify(await runCase('long-10000-lines', longSource(10_000))));
