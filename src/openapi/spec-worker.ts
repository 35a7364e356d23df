import { checkSpec } from './load-spec';
import { compileUnchecked, type SpecWorkerResult, type SpecWorkerTask } from './spec-parts';
import { serveTasks } from '../workers/serve-tasks';

/**
 * A worker thread of a large spec (spec-parts.ts, compileSpecTask): it runs Redocly's checks of the
 * spec, or reads and compiles it without them, while another worker does the other. Each reads the
 * file itself: a large spec that an MDX page also names in `<Operation>` is read again on the main
 * thread for that component (its problems are reported once all the same).
 */
serveTasks<SpecWorkerTask, SpecWorkerResult>((task) => ('check' in task ? checkSpec(task.check, task.verdicts) : compileUnchecked(task.compile)));
