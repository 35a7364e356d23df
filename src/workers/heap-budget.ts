import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A limit on how much garbage a thread's heap may hold, checked between pieces of work.
 *
 * V8 lets a heap grow far over what was alive after its last full collection before it collects
 * again, when collecting is cheap next to the work. GitHub's spec, cold: the main thread's heap grew
 * 480 MB over what was alive while it wrote the pages' Markdown, beside Pagefind's process at its
 * largest, and that was the build's peak (1.3–1.5 GB). Collecting once a set amount of garbage has
 * piled up keeps a heap near what is alive.
 *
 * A forced collection costs more than its pause: in the render workers, every 100 MB of garbage
 * (seven times each, 40–80 ms a pause), the spec's cold build took 1.22 × the time, and 1.07 × with
 * V8's flushing of compiled code turned off, which the workers then compiled again. So it is used only where the
 * work is off the build's critical path: the main thread writes the pages' Markdown while Pagefind
 * is still indexing.
 */
export class HeapBudget {
  private limit: number;

  /** `garbageBytes`: how far the heap may grow over what was alive after the last collection. */
  constructor(private readonly garbageBytes: number) {
    this.limit = heapUsed() + garbageBytes;
  }

  /** Collects this thread's garbage when the heap passed its limit. Call it between pieces of work, when their temporaries are gone. */
  check(): void {
    if (heapUsed() < this.limit) return;
    collectGarbage();
    this.limit = heapUsed() + this.garbageBytes;
  }
}

/** The heap in use of this thread's isolate (a worker's own, not the process'). */
const heapUsed = (): number => v8.getHeapStatistics().used_heap_size;

let collect: (() => void) | undefined;

/**
 * A full collection of this thread's heap. Node gives `gc` only to contexts made after
 * `--expose-gc` is set, so it is taken from a new context once (as Jest's leak detection does);
 * the flag is the process', and changes nothing else.
 */
function collectGarbage(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}
