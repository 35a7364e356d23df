import { serveTasks } from '../workers/serve-tasks';
import { compileSpecFile, type SpecTask } from './spec-parts';

/** A worker thread that reads, checks and compiles one large spec (spec-parts.ts, compileInWorker). */
serveTasks((task: SpecTask) => compileSpecFile(task));
