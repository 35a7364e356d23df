import path from 'node:path';
import type { Problem } from './problem';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Where a problem is, as `path:line` relative to `cwd`, the folder the build runs in (clickable in terminals). */
function location(problem: Problem, cwd: string): string {
  const file = path.relative(cwd, problem.file) || problem.file;
  return problem.line ? `${file}:${problem.line}` : file;
}

/**
 * Warnings of one kind in one file listed before the rest are summed up in one line: a big spec
 * can hold a thousand examples that do not match their schemas (GitHub's does), and a report that
 * long hides everything else in it. Errors are always listed in full: each one must be fixed.
 */
const WARNINGS_SHOWN_PER_KIND = 10;

/**
 * One report for every problem of a build, grouped by file in a stable order,
 * one line per problem: marker, location, what is wrong, the fix. Paths are relative to `cwd`.
 * `allWarnings` (SHALE_ALL_WARNINGS=1) lists every warning.
 */
export function formatReport(found: readonly Problem[], cwd: string, allWarnings = process.env.SHALE_ALL_WARNINGS === '1'): string {
  if (found.length === 0) return '';
  // The same problem at the same place once (a link a spec's description repeats within an operation).
  const seen = new Set<string>();
  const problems = found.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.pointer, problem.severity, problem.message, problem.fix]);
    return !seen.has(key) && seen.add(key);
  });
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) {
    const list = byFile.get(problem.file) ?? [];
    list.push(problem);
    byFile.set(problem.file, list);
  }
  const counts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean);
  const lines = [`${errors ? '✗' : '⚠'} Found ${counts.join(' and ')} in ${plural(byFile.size, 'file')}`];
  const files = [...byFile.keys()].sort((a, b) => a.localeCompare(b));
  for (const file of files) {
    lines.push('', path.relative(cwd, file) || file);
    const sorted = byFile.get(file)!.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    // The same problem at several places is one line of the report naming the others (a shared
    // response's description that links nowhere, shown under each of PagerDuty's 87 operations).
    const repeats = new Map<string, string[]>();
    const firsts: Problem[] = [];
    for (const problem of sorted) {
      const key = JSON.stringify([problem.severity, problem.message, problem.fix]);
      const places = repeats.get(key);
      if (places) {
        const place = problem.pointer ?? problem.line;
        if (place !== undefined && !places.includes(String(place))) places.push(String(place));
        continue;
      }
      repeats.set(key, []);
      firsts.push(problem);
    }
    const listed = new Map<string, number>();
    const left = new Map<string, number>();
    for (const problem of firsts) {
      const count = (listed.get(problem.kind) ?? 0) + 1;
      listed.set(problem.kind, count);
      if (problem.severity === 'warning' && !allWarnings && count > WARNINGS_SHOWN_PER_KIND) {
        left.set(problem.kind, (left.get(problem.kind) ?? 0) + 1);
        continue;
      }
      const mark = problem.severity === 'error' ? '✗' : '⚠';
      const fix = problem.fix ? ` Fix: ${problem.fix}` : '';
      const at = problem.pointer ? ` (in the spec at ${problem.pointer})` : '';
      const also = alsoAt(repeats.get(JSON.stringify([problem.severity, problem.message, problem.fix]))!, problem.pointer !== undefined);
      const message = problem.message.endsWith('.') ? `${problem.message.slice(0, -1)}${at}${also}.` : `${problem.message}${at}${also}`;
      lines.push(`  ${mark} ${location(problem, cwd)}  ${message}${fix}`);
    }
    for (const [kind, count] of left)
      lines.push(`  ⚠ … and ${plural(count, 'more warning')} of kind ${kind} in this file; SHALE_ALL_WARNINGS=1 lists them all.`);
  }
  return lines.join('\n');
}

/**
 * The other places of a repeated problem: ` (also at lines 12, 40 and 85)`, or its spec's pointers
 * (` (also at /paths/~1pets/get and /paths/~1cats/get)`), the first five and how many more.
 */
const SHOWN_REPEATS = 5;
function alsoAt(places: string[], pointers: boolean): string {
  if (places.length === 0) return '';
  const shown = places.slice(0, SHOWN_REPEATS);
  const more = places.length - shown.length;
  const list = more ? `${shown.join(', ')} and ${more} more` : shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return pointers ? ` (also at ${list})` : ` (also at line${places.length === 1 ? '' : 's'} ${list})`;
}
