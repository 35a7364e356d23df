import type { PageData } from '../content/page-data';
import type { ListedPage } from '../llms/page-order';

/** A text of a published page to replace: `from` as the route wrote it, `to` as it would write it now. */
export interface TextEdit {
  from: string;
  to: string;
}

/** Astro's escaping of an expression in text (html-escaper's) and in an attribute's value (its toAttributeString). */
const inText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
const inAttribute = (value: string) => value.replace(/&/g, '&#38;').replace(/"/g, '&#34;');

/** A page's <title>, as DocsPage.astro makes it. */
const pageTitle = (page: { title: string; groupTitle?: string }) => (page.groupTitle ? `${page.groupTitle} – ${page.title}` : page.title);

/**
 * What a quick rebuild rewrites when a page's own title or description changed with its body: a split
 * page's title is its first h2 (an operation's summary, in a spec), its description its first
 * paragraph, and both are in its head (<title>, og: and twitter: tags); the title is in the pagers
 * of the pages before and after it in its set too. The route's output is known exactly (DocsPage.astro,
 * Pager.astro), so each is the text it wrote then and would write now, by page. A title or
 * description that appears or goes adds or removes tags: a string says the full build is needed.
 * With the edits, the list of pages (llms.txt's) with the new titles and descriptions.
 */
export function headTextEdits(listed: readonly ListedPage[], changed: readonly PageData[]): { edits: Map<string, TextEdit[]>; listed: ListedPage[] } | string {
  const published = new Map(listed.map((page) => [page.outputPath, page]));
  const edits = new Map<string, TextEdit[]>();
  const edit = (outputPath: string, from: string, to: string) => edits.set(outputPath, [...(edits.get(outputPath) ?? []), { from, to }]);
  const updated = new Map<string, ListedPage>();
  for (const data of changed) {
    const before = published.get(data.outputPath);
    if (!before || (before.groupTitle === data.groupTitle && before.description === data.description)) continue;
    if (before.groupTitle !== data.groupTitle) {
      if (before.groupTitle === undefined || data.groupTitle === undefined) return `the title of ${data.outputPath} changed`;
      const [from, to] = [pageTitle(before), pageTitle(data)];
      edit(data.outputPath, `<title>${inText(from)}</title>`, `<title>${inText(to)}</title>`);
      for (const tag of ['<meta property="og:title" content="', '<meta name="twitter:title" content="'])
        edit(data.outputPath, `${tag}${inAttribute(from)}">`, `${tag}${inAttribute(to)}">`);
      const neighbours = listed.filter(
        (page) => page.set && data.set && page.set.source === data.set.source && Math.abs(page.set.index - data.set.index) === 1,
      );
      for (const neighbour of neighbours) {
        const title = (text: string) => `<span class="pager-title">${inText(text)}</span>`;
        edit(neighbour.outputPath, title(before.groupTitle), title(data.groupTitle));
      }
    }
    if (before.description !== data.description) {
      if (before.description === undefined || data.description === undefined) return `the description of ${data.outputPath} changed`;
      // A description the writer set in `meta:` is the page's own <meta name="description">.
      const own = data.meta.some((tag) => tag.name === 'description') ? [] : ['<meta name="description" content="'];
      for (const tag of [...own, '<meta property="og:description" content="', '<meta name="twitter:description" content="'])
        edit(data.outputPath, `${tag}${inAttribute(before.description)}">`, `${tag}${inAttribute(data.description)}">`);
    }
    const { groupTitle, description } = data;
    updated.set(data.outputPath, { ...before, ...(groupTitle === undefined ? {} : { groupTitle }), ...(description === undefined ? {} : { description }) });
  }
  return { edits, listed: listed.map((page) => updated.get(page.outputPath) ?? page) };
}
