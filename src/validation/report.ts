import path from 'node:path';
import type { Problem } from './problem';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Where a problem is, as `path:line` relative to `cwd`, the folder the build runs in (clickable in terminals). */
function location(problem: Problem, cwd: string): string {
  const file = path.relative(cwd, problem.file) || problem.file;
  return problem.line ? `${file}:${problem.line}` : file;
}

/**
 * One report for every problem of a build, grouped by file in a stable order,
 * one line per problem: marker, location, what is wrong, the fix. Paths are relative to `cwd`.
 */
export function formatReport(problems: readonly Problem[], cwd: string): string {
  if (problems.length === 0) return '';
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
    for (const problem of sorted) {
      const mark = problem.severity === 'error' ? '✗' : '⚠';
      const fix = problem.fix ? ` Fix: ${problem.fix}` : '';
      lines.push(`  ${mark} ${location(problem, cwd)}  ${problem.message}${fix}`);
    }
  }
  return lines.join('\n');
}
