import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownOf, markdownSourceRanges } from './page-markdown';
import { inReadingOrder, markdownPath, oneLine, type ListedPage } from './page-order';
import { HeapBudget } from '../workers/heap-budget';

/** Garbage the pages' conversion may leave on the main thread before it is collected. */
const GARBAGE_BYTES = 150 * 1024 * 1024;

/** A page to list: its Markdown, or where to make it from (its HTML's Markdown ranges) and where it is cached. */
interface Found {
  page: ListedPage;
  markdown: string | undefined;
  source?: () => string;
  cached?: string;
}

interface Written {
  pages: number;
  bytes: number;
  /** Pages whose Markdown was made again (the others came from the cache). */
  converted: number;
}

/** The converter's own code: a change to it makes every cached page's Markdown stale. */
const converterVersion = (() => {
  let version: string | undefined;
  return () =>
    (version ??= createHash('sha1')
      .update(fs.readFileSync(fileURLToPath(new URL('./page-markdown.ts', import.meta.url))))
      .digest('hex'));
})();

/**
 * Writes each built page's Markdown beside its HTML (`index.md`, `v2.md`, `kittens.md`) and
 * `llms-full.txt`: every page in llms.txt's order, each after the address it is published at. Runs
 * once the pages are built (their HTML is in `dir`), so MDX pages and OpenAPI sections are in it as
 * the reader sees them. A page's Markdown is kept in `cacheDir` under a hash of what it is made
 * from, so a rebuild converts only the pages that changed. GitHub's REST reference (495 pages,
 * 97 MB of HTML): 4.3–5.2 s cold (9 s with parse5, see html-tree.ts), 1.6–2.2 s warm. Worker threads were tried and saved nothing: handing them
 * the pages cost what converting on two cores gained.
 */
export function writeLlmsFiles(
  dir: string,
  pages: readonly ListedPage[],
  options: {
    base: string;
    site: URL | undefined;
    cacheDir: string;
    /**
     * Pages whose Markdown file is in `dir` already, as published, and must not be written (a quick
     * rebuild links them from the published site: a write would go through the link). Their
     * Markdown is read from it for llms-full.txt.
     */
    kept?: ReadonlySet<string>;
  },
): Written {
  const address = (outputPath: string) => {
    const pathname = `${options.base}${outputPath.replace(/(^|\/)index\.html$/, '$1')}`;
    return options.site ? new URL(pathname, options.site).href : pathname;
  };
  fs.mkdirSync(options.cacheDir, { recursive: true });
  const found = inReadingOrder(pages).flatMap((page): Found[] => {
    if (options.kept?.has(page.outputPath)) return [{ page, markdown: fs.readFileSync(path.join(dir, markdownPath(page.outputPath)), 'utf8') }];
    const htmlFile = path.join(dir, page.outputPath);
    // Read as bytes and hashed without decoding: a rebuild decodes only the pages that changed.
    const html = fs.existsSync(htmlFile) ? fs.readFileSync(htmlFile) : undefined;
    const ranges = html && markdownSourceRanges(html);
    if (!html || !ranges) return [];
    const hash = createHash('sha1').update(converterVersion());
    for (const [start, end] of ranges) hash.update(html.subarray(start, end));
    const cached = path.join(options.cacheDir, `${hash.digest('hex')}.md`);
    const source = () => ranges.map(([start, end]) => html.toString('utf8', start, end)).join('');
    return [{ page, source, cached, markdown: readCached(cached) }];
  });
  const missing = found.filter((entry) => entry.markdown === undefined);
  // Each page's tree is garbage once converted: GitHub's spec piled up 480 MB of them before V8
  // collected, at the build's peak (heap-budget.ts). A page's HTML is let go once converted.
  const budget = new HeapBudget(GARBAGE_BYTES);
  for (const entry of missing) {
    entry.markdown = markdownOf(entry.source!());
    entry.source = undefined;
    budget.check();
  }

  const first = found.find((entry) => entry.page.outputPath === 'index.html')?.page ?? found[0]?.page;
  const full = [`# ${oneLine(first?.title ?? 'API Documentation')}`, ''];
  if (first?.description) full.push(`> ${oneLine(first.description)}`, '');
  for (const entry of found) {
    if (entry.markdown === undefined) continue;
    if (missing.includes(entry)) fs.writeFileSync(entry.cached!, entry.markdown);
    if (entry.cached) fs.writeFileSync(path.join(dir, markdownPath(entry.page.outputPath)), entry.markdown);
    full.push('---', '', `Source: ${address(entry.page.outputPath)}`, '', entry.markdown);
  }
  const text = full.join('\n');
  fs.writeFileSync(path.join(dir, 'llms-full.txt'), text);
  return { pages: found.length, bytes: Buffer.byteLength(text), converted: missing.length };
}

/** A page's Markdown from the cache, touched so that the pruning of entries unused for two weeks keeps it (ShaleBuild.content()). */
function readCached(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  const now = new Date();
  fs.utimesSync(file, now, now);
  return fs.readFileSync(file, 'utf8');
}
