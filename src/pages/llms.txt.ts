import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import type { PageData } from '../content/page-data';
import { inReadingOrder, listedTitle, markdownPath, oneLine } from '../llms/page-order';

/**
 * `llms.txt` at the site root, as the llms.txt proposal (llmstxt.org) lays it out, for AI
 * assistants: the docs' title, a summary, then each page (each page of a split set too) as a link
 * to its Markdown (`index.md` beside `index.html`) with its one-line description, and the whole docs
 * in one file (`llms-full.txt`, written once the pages are built: llms/llms-files.ts). Addresses
 * are absolute when the site's address is known (SHALE_SITE), else from the site root.
 */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const pages = inReadingOrder((await getCollection('pages')).map((entry) => entry.data as PageData));
  const address = (path: string) => (site ? new URL(`${base}${path}`, site).href : `${base}${path}`);
  const first = pages.find((data) => data.outputPath === 'index.html') ?? pages[0];
  const lines = [`# ${oneLine(first?.title ?? 'API Documentation')}`, ''];
  if (first?.description) lines.push(`> ${oneLine(first.description)}`, '');
  lines.push('## Docs', '');
  for (const data of pages) {
    const title = listedTitle(data).replace(/[[\]]/g, '\\$&');
    lines.push(`- [${title}](${address(markdownPath(data.outputPath))})${data.description ? `: ${oneLine(data.description)}` : ''}`);
  }
  lines.push('', '## Optional', '', `- [All the docs in one file](${address('llms-full.txt')}): every page above, in this order, as Markdown`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
