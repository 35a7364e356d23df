/** One thing wrong (or likely wrong) with the writer's content, located and with its fix. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Absolute path of the file the problem is in. */
  file: string;
  /** 1-based line in that file, when the problem has one. */
  line?: number;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it, in one sentence. */
  fix?: string;
}

export const error = (file: string, line: number | undefined, message: string, fix?: string): Problem => ({
  severity: 'error',
  file,
  line,
  message,
  fix,
});

export const warning = (file: string, line: number | undefined, message: string, fix?: string): Problem => ({
  severity: 'warning',
  file,
  line,
  message,
  fix,
});

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');

/** Thrown when content has errors: carries every problem so one report can be printed. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.filter((p) => p.severity === 'error').length} content error(s)`);
    this.name = 'ContentError';
  }
}
