/** What the files for AI assistants (llms.txt, llms-full.txt) need to know of a page. */
export interface ListedPage {
  outputPath: string;
  title: string;
  groupTitle?: string;
  description?: string;
  set?: { source: string; index: number };
}

/**
 * The pages as llms.txt lists them and llms-full.txt holds them: each doc's pages in their order (a
 * split set by its index), the docs by their path with the site's start page first.
 */
export function inReadingOrder<T extends ListedPage>(pages: readonly T[]): T[] {
  const order = (page: T) => [page.set?.source ?? page.outputPath, page.set?.index ?? 0] as const;
  return [...pages].sort((a, b) => {
    const [docA, indexA] = order(a);
    const [docB, indexB] = order(b);
    return docA === docB ? indexA - indexB : docA === 'index.html' ? -1 : docB === 'index.html' ? 1 : docA.localeCompare(docB);
  });
}

/** A page's title on one line: a page of a split set is named by its doc and the h1 it starts with. */
const listedTitle = (page: ListedPage): string => oneLine(page.groupTitle ? `${page.groupTitle} – ${page.title}` : page.title);

export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Where a page's Markdown is published: beside its HTML, `index.html` → `index.md`, `v2.html` → `v2.md`. */
export const markdownPath = (outputPath: string): string => outputPath.replace(/\.html$/, '.md');

/**
 * `llms.txt`, as the llms.txt proposal (llmstxt.org) lays it out, for AI assistants: the docs'
 * title, a summary, then each page (each page of a split set too) as a link to its Markdown with its
 * one-line description, and the whole docs in one file (`llms-full.txt`). `address` makes a path of
 * the site an address (absolute when the site's address is known). The route writes it in a full
 * build (pages/llms.txt.ts), a quick rebuild when a title or description changed.
 */
export function llmsText(listed: readonly ListedPage[], address: (path: string) => string): string {
  const pages = inReadingOrder(listed);
  const first = pages.find((page) => page.outputPath === 'index.html') ?? pages[0];
  const lines = [`# ${oneLine(first?.title ?? 'API Documentation')}`, ''];
  if (first?.description) lines.push(`> ${oneLine(first.description)}`, '');
  lines.push('## Docs', '');
  for (const page of pages) {
    const title = listedTitle(page).replace(/[[\]]/g, '\\$&');
    lines.push(`- [${title}](${address(markdownPath(page.outputPath))})${page.description ? `: ${oneLine(page.description)}` : ''}`);
  }
  lines.push('', '## Optional', '', `- [All the docs in one file](${address('llms-full.txt')}): every page above, in this order, as Markdown`);
  return `${lines.join('\n')}\n`;
}
