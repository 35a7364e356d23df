import { AstroError } from 'astro/errors';
import type { AstroIntegrationLogger } from 'astro';
import { formatReport } from '../validation/report';
import { hasErrors, type Problem } from '../validation/problem';

/** What Shale logs through: Astro's logger, or its own before Astro starts (integration/build-without-astro.ts). */
export type ShaleLogger = Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error'>;

/** What the end of every failed build says: nothing was published. */
const KEPT = 'The build stopped; the previous site was left as it was.';

/**
 * The error a failed build ends with. Astro prints its message and hint; the report itself was
 * already printed through Astro's logger. `problems` holds what the report showed (tests assert kinds).
 */
export class ShaleBuildError extends AstroError {
  constructor(
    message: string,
    hint: string,
    readonly problems: readonly Problem[] = [],
    readonly report = '',
  ) {
    super(message, hint);
    this.name = 'ShaleBuildError';
    // A content error is the writer's, not a crash: Astro prints a stack trace for any error that has one.
    Object.defineProperty(this, 'stack', { value: undefined, writable: true, configurable: true });
  }
}

/**
 * Ends a build that cannot go on: prints the report of `problems` through Astro's logger, then
 * throws one ShaleBuildError (a failure that is not the content's has only its message). Every failure of a build goes through here, so the site is
 * never published after one (the output is only moved into place at the very end of a build).
 */
export function fail(logger: Pick<AstroIntegrationLogger, 'error'>, failure: { problems: readonly Problem[]; cwd: string } | { message: string }): never {
  // Without a report, the error says it all: Astro prints its message and hint.
  if ('message' in failure) throw new ShaleBuildError(failure.message, KEPT);
  const report = formatReport(failure.problems, failure.cwd);
  logger.error(`\n${report}\n\n${KEPT}\n`);
  const errors = failure.problems.filter((problem) => problem.severity === 'error').length;
  throw new ShaleBuildError(
    `The content has ${errors} error${errors === 1 ? '' : 's'}, listed above.`,
    `Fix them, then build again. ${KEPT}`,
    failure.problems,
    report,
  );
}

/** Prints the warnings of a build that goes on (nothing, when there are none). */
export function warn(logger: Pick<AstroIntegrationLogger, 'warn'>, problems: readonly Problem[], cwd: string): void {
  if (problems.length === 0 || hasErrors(problems)) return;
  logger.warn(`\n${formatReport(problems, cwd)}\n`);
}
