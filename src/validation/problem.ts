import { DEFINITIONS, type FactsOf, type ProblemKind } from './definitions';

/** One thing wrong (or likely wrong) with the writer's content, located and with its fix. */
export interface Problem {
  /** Which check found it (validation/definitions.ts): tests assert kinds, the report shows the words. */
  kind: ProblemKind;
  severity: 'error' | 'warning';
  /** Absolute path of the file the problem is in. */
  file: string;
  /** 1-based line in that file, when the problem has one. */
  line?: number;
  /**
   * The JSON pointer of the part of a spec the problem is in, for a problem found in the sections
   * made from it (the report shows it: in a spec written on one line every line is 1).
   */
  pointer?: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it, in one sentence. */
  fix?: string;
}

/** Where a problem is, and whether that file is in Slate's own format (where some errors are warnings). */
export interface Where {
  file: string;
  line?: number;
  slate?: boolean;
}

/** A problem of a kind, with the facts its message needs. */
export function problem<K extends ProblemKind>(kind: K, where: Where, ...facts: FactsOf<K> extends Record<string, never> ? [] : [FactsOf<K>]): Problem {
  const definition = DEFINITIONS[kind] as {
    gravity: string;
    message: (facts: unknown, tolerated: boolean) => string;
    fix?: (facts: unknown, tolerated: boolean) => string;
  };
  const given = facts[0] ?? {};
  const tolerated = definition.gravity === 'slate-tolerated' && where.slate === true;
  const severity = definition.gravity === 'warning' || tolerated ? 'warning' : 'error';
  const fix = definition.fix?.(given, tolerated) || undefined;
  return {
    kind,
    severity,
    file: where.file,
    ...(where.line === undefined ? {} : { line: where.line }),
    message: definition.message(given, tolerated),
    ...(fix ? { fix } : {}),
  };
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
