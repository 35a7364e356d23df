import type { CheckedContent } from '../engine/content-state';
import type { ShaleOptions } from '../engine/options';
import type { ShaleBuild } from '../engine/shale-build';
import type { PendingIndex } from '../search/build/search-index';

/**
 * A build checked before Astro started (build-without-astro.ts) and handed to the integration of
 * the Astro build that follows in the same process, so the content is not checked twice.
 */
export interface PreparedBuild {
  build: ShaleBuild;
  checked: CheckedContent;
  /** Why the build is a full one, when a quick rebuild was planned and could not be. */
  reason?: string;
  /** The folder the site is staged in, and its search index, started with a check without errors. */
  staging?: string;
  searchIndex?: PendingIndex;
}

let prepared: PreparedBuild | undefined;

/** Keeps a checked build for the integration (takePrepared). */
export function handOver(build: PreparedBuild): void {
  prepared = build;
}

/**
 * The build handed over for this root and these options, once: an Astro build with other options
 * (a test's, in the same process) makes its own.
 */
export function takePrepared(root: string, options: ShaleOptions): PreparedBuild | undefined {
  const taken = prepared;
  prepared = undefined;
  if (!taken || taken.build.paths.root !== root || JSON.stringify(taken.build.options) !== JSON.stringify(options)) return undefined;
  return taken;
}
