import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import type { PageData } from '../content/page-data';
import { llmsText } from '../llms/page-order';

/**
 * `llms.txt` at the site root (llms/page-order.ts, llmsText), listing every page of the content
 * store. Addresses are absolute when the site's address is known (SHALE_SITE), else from the site root.
 */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const pages = (await getCollection('pages')).map((entry) => entry.data as PageData);
  const address = (path: string) => (site ? new URL(`${base}${path}`, site).href : `${base}${path}`);
  return new Response(llmsText(pages, address), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
