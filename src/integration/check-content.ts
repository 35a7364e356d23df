import { loadSite, type Site } from '../content/site';
import { orphanHeadings } from '../content/toc';
import { checkMdxPage } from '../markdown/render-page';
import { error, warning, type Problem } from '../validation/problem';
import { renderCached } from './render-cache';

/**
 * Every problem of a content folder: front matter, includes, and what rendering each page finds
 * (unknown languages, broken #links, duplicate ids, invalid MDX). Markdown pages are rendered here
 * (and cached for the build); MDX pages are compiled with the same plugins.
 */
export async function checkContent(contentDir: string, base: string): Promise<{ site: Site; problems: Problem[] }> {
  const site = loadSite(contentDir);
  const problems: Problem[] = [...site.problems];
  for (const page of site.pages) {
    let output;
    try {
      output = page.dialect === 'mdx' ? await checkMdxPage(page, base) : await renderCached(page, base);
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
  return { site, problems };
}
