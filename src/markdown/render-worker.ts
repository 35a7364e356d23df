import type { SourceFile } from '../content/source-file';
import { serveTasks } from '../workers/serve-tasks';
import type { PartContext } from './context';
import { renderPart } from './render-part';

/** A worker thread of the render pool (render-parts.ts): renders the files it is sent, one at a time. */
export interface RenderTask {
  part: SourceFile;
  context: PartContext;
}

serveTasks(({ part, context }: RenderTask) => renderPart(part, context));
