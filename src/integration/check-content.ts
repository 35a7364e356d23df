import { loadSite, type Site } from '../content/site';
import { orphanHeadings } from '../content/toc';
import { checkMdxPage } from '../markdown/render-page';
import { error, warning, type Problem } from '../validation/problem';
import { renderCached } from './render-cache';
import type { SectionRecord } from '../search/records';

/**
 * Every problem of a content folder: front matter, includes, and what rendering each page finds
 * (unknown languages, broken #links, duplicate ids, invalid MDX). Markdown pages are rendered here
 * (and cached for the build); MDX pages are compiled with the same plugins.
 */
export async function checkContent(contentDir: string, base: string): Promise<{ site: Site; problems: Problem[]; records: Map<string, SectionRecord[]> }> {
  const site = loadSite(contentDir);
  const problems: Problem[] = [...site.problems];
  const takenPaths = new Set(site.pages.map((page) => page.outputPath));
  const records = new Map<string, SectionRecord[]>();
  for (const page of site.pages) {
    if (page.dialect === 'mdx' && page.frontMatter.split === 'h1') {
      problems.push(error(page.file, undefined, '`split: h1` works for Markdown pages; an MDX page is built as one page.', 'remove `split`, or write the page and its includes as .md.'));
    }
    let output;
    try {
      if (page.dialect === 'mdx') output = await checkMdxPage(page, base);
      else {
        const rendered = await renderCached(page, base, takenPaths);
        for (const group of rendered.groups) if (page.frontMatter.search) records.set(group.outputPath, group.records);
        output = rendered;
      }
    } catch (cause) {
      // A bug in Shale, not in the content: still one report naming the page, not a bare stack trace.
      const reason = cause instanceof Error ? cause.message : String(cause);
      problems.push(error(page.file, undefined, `Shale failed to render this page (internal error: ${reason}).`, 'this is a bug in Shale; please report it with this page. Meanwhile, find the part of the page that triggers it by removing parts.'));
      continue;
    }
    problems.push(...output.problems);
    for (const heading of orphanHeadings(output.headings, page.frontMatter.toc_depth)) {
      const origin = output.origins?.[output.headings.indexOf(heading)];
      problems.push(
        warning(origin?.file ?? page.file, origin?.line, `heading "${heading.text}" (h${heading.level}) comes before any h1, so the table of contents leaves it out.`, 'put an h1 above it, or make it an h1.'),
      );
    }
  }
  return { site, problems, records };
}
