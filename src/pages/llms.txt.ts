import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import type { PageData } from '../content/page-data';

/**
 * `llms.txt` at the site root, as the llms.txt proposal (llmstxt.org) lays it out, for AI
 * assistants: the docs' title, a summary, then each page (each page of a split set too) as a link
 * with its one-line description. Addresses are absolute when the site's address is known
 * (SHALE_SITE), else from the site root.
 */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const pages = (await getCollection('pages')).map((entry) => entry.data as PageData);
  // Each doc's pages in their order: a split set by its index, docs by their path (index.html first).
  const order = (data: PageData) => [data.set?.source ?? data.outputPath, data.set?.index ?? 0] as const;
  pages.sort((a, b) => {
    const [docA, indexA] = order(a);
    const [docB, indexB] = order(b);
    return docA === docB ? indexA - indexB : docA === 'index.html' ? -1 : docB === 'index.html' ? 1 : docA.localeCompare(docB);
  });
  const address = (outputPath: string) => {
    const path = `${base}${outputPath.replace(/(^|\/)index\.html$/, '$1')}`;
    return site ? new URL(path, site).href : path;
  };
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const first = pages.find((data) => data.outputPath === 'index.html') ?? pages[0];
  const lines = [`# ${oneLine(first?.title ?? 'API Documentation')}`, ''];
  if (first?.description) lines.push(`> ${oneLine(first.description)}`, '');
  lines.push('## Docs', '');
  for (const data of pages) {
    const title = oneLine(data.groupTitle ? `${data.groupTitle} – ${data.title}` : data.title).replace(/[[\]]/g, '\\$&');
    lines.push(`- [${title}](${address(data.outputPath)})${data.description ? `: ${oneLine(data.description)}` : ''}`);
  }
  return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
