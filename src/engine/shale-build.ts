import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { resolveOptions, type ShaleOptions, type ShaleOptionsInput } from './options';
import { ContentState } from './content-state';
import { pipelineVersion, pruneParts } from '../markdown/part-cache';
import type { PageData } from '../content/page-data';

/** Every folder a build reads or writes, made absolute once. */
export interface BuildPaths {
  /** The project (Astro's root): where the routes and `.astro/` are. */
  root: string;
  /** Where the build was started: paths in reports are relative to it. */
  cwd: string;
  content: string;
  /** Where the site is published. */
  outDir: string;
  /** Shale's caches and scratch space (`.shale/`). */
  work: string;
  /** Rendered Markdown files between builds (markdown/part-cache.ts). */
  partsCache: string;
  /** OpenAPI specs compiled into Markdown between builds (openapi/spec-cache.ts). */
  specCache: string;
  /** Each built page's Markdown between builds (llms/llms-files.ts). */
  markdownCache: string;
  /** MDX pages assembled from their includes, where Astro's MDX integration compiles them. */
  generated: string;
  /** The HTML and headings of Markdown pages, read by the routes (kept out of Astro's content store). */
  rendered: string;
  /** Which section each fragment of a published search index came from (search/build/reuse.ts). */
  searchManifests: string;
}

/** How a dev reload reaches Astro's content sync (Astro's `refreshContent`). */
export type ContentRefresh = (options: { loaders: string[]; context: Record<string, unknown> }) => Promise<void>;

/**
 * One run of Shale: `npm run build`, a dev server, or a script such as import-slate. Made once from
 * the options (astro:config:setup makes it), it owns the paths, the caches and the loaded content,
 * and is handed as a parameter to everything that needs them: the content loader, the hooks, the
 * dev middleware. Nothing below it reads process.env or process.cwd(), and nothing it loads
 * outlives it: a change of the content in `npm run dev` drops the loaded content (invalidate()).
 */
export class ShaleBuild {
  readonly options: ShaleOptions;
  readonly paths: BuildPaths;
  /** Astro's way to run the content loader again after a change (set by the dev server). */
  contentRefresh: ContentRefresh | undefined;
  /** Every output page as the content loader last stored it: the files for AI assistants list them (llms/llms-files.ts). */
  storedPages: PageData[] = [];
  private state: ContentState | undefined;
  private version: string | undefined;

  /** The version of Shale's code (part-cache.ts), known once the content is loaded: it names the worker threads' bundles. */
  get codeVersion(): string | undefined {
    return this.version;
  }
  private readonly pagesLoader: (build: ShaleBuild, context: LoaderContext) => Promise<void>;

  constructor(settings: {
    /** Validated options (resolveOptions). */
    options: ShaleOptions;
    root: string;
    cwd: string;
    /** The content loader's work (integration/loader.ts), given here so the engine does not depend on Astro's routes. */
    loadPages?: (build: ShaleBuild, context: LoaderContext) => Promise<void>;
  }) {
    this.options = settings.options;
    const root = path.resolve(settings.root);
    const work = path.resolve(root, this.options.workDir);
    this.paths = {
      root,
      cwd: path.resolve(settings.cwd),
      content: path.resolve(root, this.options.content),
      outDir: path.resolve(root, this.options.outDir),
      work,
      partsCache: path.join(work, 'cache', 'parts'),
      specCache: path.join(work, 'cache', 'openapi'),
      markdownCache: path.join(work, 'cache', 'markdown'),
      generated: path.join(work, 'generated'),
      rendered: path.join(work, 'rendered'),
      searchManifests: path.join(work, 'search-manifests'),
    };
    this.pagesLoader =
      settings.loadPages ??
      (() => {
        throw new Error('this ShaleBuild was made without a content loader: it runs outside Astro.');
      });
  }

  /** A build for a script run outside Astro (import-slate, tests): options with the defaults, nothing from the environment. */
  static forScript(options: ShaleOptionsInput, root: string, cwd = root): ShaleBuild {
    return new ShaleBuild({ options: resolveOptions(options), root, cwd });
  }

  /** The content as it is now: loaded on first use, then the same until invalidate(). */
  content(): ContentState {
    if (!this.state) {
      if (this.version === undefined) {
        this.version = pipelineVersion();
        pruneParts(this.paths.partsCache);
        pruneParts(this.paths.specCache);
        pruneParts(this.paths.markdownCache);
      }
      this.state = new ContentState(
        this.paths.content,
        this.options.base,
        { dir: this.paths.partsCache, specDir: this.paths.specCache, version: this.version },
        this.options.editUrl,
      );
    }
    return this.state;
  }

  /** The content folder changed (`npm run dev`): the next use loads it again, with fresh caches. */
  invalidate(): void {
    this.state = undefined;
  }

  /** Stores the pages in Astro's content store (called by the content config's loader). */
  loadPages(context: LoaderContext): Promise<void> {
    return this.pagesLoader(this, context);
  }
}
