import type { SourceFile } from '../content/source-file';
import { warmUpHighlighter } from '../highlight/warm-up';
import { serveTasks } from '../workers/serve-tasks';
import type { WarmUp } from '../workers/prestarted';
import type { PartContext } from './context';
import { renderPart } from './render-part';

/** A worker thread of the render pool (render-parts.ts): renders the files it is sent, one at a time. */
export interface RenderTask {
  part: SourceFile;
  context: PartContext;
}

/** Or, sent to a worker started ahead of its files (prestartRenderWorker): get the highlighter ready and wait. */
export type RenderWorkerTask = RenderTask | WarmUp;

serveTasks(async (task: RenderWorkerTask) => {
  if ('warmUp' in task) {
    await warmUpHighlighter();
    return undefined;
  }
  return renderPart(task.part, task.context);
});
