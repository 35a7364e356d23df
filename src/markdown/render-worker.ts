import { parentPort } from 'node:worker_threads';
import type { SourceFile } from '../content/source-file';
import type { PartContext } from './context';
import { renderPart } from './render-part';

/** A worker thread of the render pool (render-pool.ts): renders the files it is sent, one at a time. */
export interface RenderTask {
  id: number;
  part: SourceFile;
  context: PartContext;
}

parentPort?.on('message', async ({ id, part, context }: RenderTask) => {
  try {
    parentPort!.postMessage({ id, result: await renderPart(part, context) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
});
