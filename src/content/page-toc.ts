import type { PageData } from './page-data';
import { absoluteToc } from './absolute-toc';
import { siblingHref } from './split';
import { buildSetToc, buildToc, setPage, type SetPage, type TocEntry } from './toc';

/**
 * The table of contents each page shows, made the same way by the routes (a full build) and by a
 * quick rebuild that rewrites the TOC of pages whose headings changed (integration/quick-rebuild.ts).
 */

/** The pages of a split set as its TOC lists them (sorted by their place in the set), made once for all its pages. */
export function setTocPages(pages: readonly PageData[]): SetPage[] {
  return [...pages].sort((a, b) => a.set!.index - b.set!.index).map((page) => setPage(siblingHref(page.outputPath), page.headings, page.set!.parent));
}

/** The TOC of a page, from its headings, and on a page of a split set from its set's (setTocPages). */
export function pageToc(data: PageData, headings: PageData['headings'], set: readonly SetPage[] | undefined): TocEntry[] {
  return set && data.set ? buildSetToc(set, data.set.index, data.tocDepth) : buildToc(headings, data.tocDepth);
}

/** The 404 page's TOC: the first doc's, as its first page shows it, with every link absolute. */
export function notFoundToc(start: PageData, headings: PageData['headings'], set: readonly SetPage[] | undefined, base: string): TocEntry[] {
  const toc = set && start.set ? buildSetToc(set, 0, start.tocDepth) : buildToc(headings, start.tocDepth);
  return absoluteToc(toc, base, start.outputPath);
}
