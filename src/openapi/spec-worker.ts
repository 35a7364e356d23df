import { serveTasks } from '../workers/serve-tasks';
import { compileSpecFile, type SpecTask } from './spec-parts';

/**
 * A worker thread that reads, checks and compiles one large spec (spec-parts.ts, compileSpecTask).
 * It reads the spec itself: a large spec that an MDX page also names in `<Operation>` is read again
 * on the main thread for that component (its problems are reported once all the same).
 */
serveTasks((task: SpecTask) => compileSpecFile(task));
