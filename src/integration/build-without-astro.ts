import { styleText } from 'node:util';
import { resolveOptions } from '../engine/options';
import { ShaleBuild } from '../engine/shale-build';
import { hasErrors } from '../validation/problem';
import { warn, type ShaleLogger } from '../engine/fail';
import { loadPages } from './loader';
import { readPublished, shellKey } from './published-site';
import { planQuickRebuild, startQuickRebuild } from './quick-rebuild';
import { startSiteIndex } from './complete-site';
import { stagingBase, stagingDirectory } from './output-swap';
import { handOver } from './prepared-build';
import { dropPrestartedIndexWorker, prestartIndexWorker } from '../search/build/search-index';
import { dropPrestartedRenderWorker, prestartRenderWorker } from '../markdown/render-parts';
import { holdCacheWrites, releaseCacheWrites } from '../openapi/memo-files';

/** What a build without a site address says (the integration says it too). */
export const NO_SITE_ADDRESS =
  'no site address: canonical links, sitemap.xml and robots.txt are left out (set SHALE_SITE=https://docs.example.com to have them).';

/**
 * `npm run build` (bin/build.mjs) tries a quick rebuild (quick-rebuild.ts) before it starts Astro:
 * when only Markdown pages' bodies changed since Shale published the output folder, Astro would
 * only start (about 0.6 s before Shale's first line), sync its content and build an empty project
 * (about a second more, on the thread that also hands Pagefind its documents). Returns true when
 * the site is rebuilt. A first build, or one after a change of Shale's code, the options or the
 * site's look, returns false before checking anything. Otherwise (errors in the content, another
 * change a quick rebuild cannot make) it returns false and hands what it checked to the integration
 * (prepared-build.ts), which reports it through Astro's logger and builds in full without checking
 * again.
 */
export async function buildWithoutAstro(env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): Promise<boolean> {
  let build: ShaleBuild;
  try {
    build = new ShaleBuild({ options: resolveOptions({}, env), root: cwd, cwd, loadPages });
  } catch {
    // Wrong options: the integration reports them.
    return false;
  }
  if (!build.options.quickRebuild) return false;
  // A change of Shale's code, the options or the look is a full build, known before any check: Astro's
  // build makes it, with the options it alone knows when astro.config.mjs passes some to shale().
  const published = readPublished(build);
  // The record's spec files: the pages' own are known only once the specs are loaded, and the plan compares the key again with them.
  if (!published || published.shell !== shellKey(build, published.specs)) return false;
  // Pagefind's worker starts on the second core while this thread checks (the index it writes is the
  // last thing a rebuild waits for), and a render worker that gets its highlighter ready for the edited files.
  if (build.codeVersion) {
    prestartIndexWorker(build.codeVersion);
    prestartRenderWorker(build.codeVersion);
  }
  // A spec's caches are written while Pagefind indexes (completeSite releases them), not while the pages wait.
  holdCacheWrites();
  try {
    return await checkAndRebuild(build);
  } finally {
    // Those not released yet: a full build follows, or this one failed.
    releaseCacheWrites();
    // Else they would keep Node running: the index worker when no search index took it, the render worker always.
    await Promise.all([dropPrestartedIndexWorker(), dropPrestartedRenderWorker()]);
  }
}

async function checkAndRebuild(build: ShaleBuild): Promise<boolean> {
  const logger = consoleLogger('shale');
  if (!build.options.site) logger.info(NO_SITE_ADDRESS);
  const checked = await build.content().check();
  if (hasErrors(checked.problems)) {
    handOver({ build, checked });
    return false;
  }
  // Pagefind is handed the sections now, from a worker thread, while this one plans the rebuild and
  // converts the pages' Markdown (from this thread, it would wait for both: GitHub's spec 1.05 × the
  // time, the 5,000-endpoint corpus the same; six pairs each). A full build uses them as they are.
  const staging = stagingDirectory(stagingBase(build.paths.work, build.paths.cwd));
  const searchIndex = startSiteIndex(build, checked.records, staging, true);
  const plan = await planQuickRebuild(build);
  if (!('rewrites' in plan)) {
    handOver({ build, checked, staging, searchIndex, ...(plan.reason ? { reason: plan.reason } : {}) });
    return false;
  }
  warn(logger, checked.problems, build.paths.cwd);
  await startQuickRebuild(build, plan, staging, searchIndex)(logger);
  return true;
}

/** Lines as Astro's logger prints them (`12:04:05 [shale] …`, errors on stderr), coloured on a terminal. */
function consoleLogger(label: string): ShaleLogger {
  const time = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const print = (level: 'info' | 'warn' | 'error', message: string) => {
    const stream = level === 'error' ? process.stderr : process.stdout;
    const colour = (format: Parameters<typeof styleText>[0], text: string) => (stream.isTTY ? styleText(format, text) : text);
    const stamp = time.format(new Date());
    const prefix =
      level === 'info'
        ? `${colour('dim', stamp)} ${colour('blue', `[${label}]`)}`
        : colour(level === 'warn' ? 'yellow' : 'red', `${stamp} [${level.toUpperCase()}] [${label}]`);
    stream.write(`${prefix} ${message}\n`);
  };
  return {
    info: (message) => print('info', message),
    warn: (message) => print('warn', message),
    error: (message) => print('error', message),
  };
}
