import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

/**
 * `sitemap.xml`: every page of every doc, each page of a split set included, at its published
 * address. Written only when the site's address is known (SHALE_SITE): a sitemap names absolute
 * URLs. A dynamic route, so that without an address there is no file at all.
 */
export function getStaticPaths() {
  return import.meta.env.SITE ? [{ params: { sitemap: 'sitemap' } }] : [];
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const pages = (await getCollection('pages')).map((entry) => entry.data.outputPath).sort();
  const urls = pages.map((outputPath) => new URL(`${base}${outputPath.replace(/(^|\/)index\.html$/, '$1')}`, site).href);
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((url) => `  <url><loc>${escape(url)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'application/xml' } });
};
