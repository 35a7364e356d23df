import type { APIRoute } from 'astro';

/** `robots.txt`, naming the sitemap: written only with the site's address (SHALE_SITE), like the sitemap. */
export function getStaticPaths() {
  return import.meta.env.SITE ? [{ params: { robots: 'robots' } }] : [];
}

export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const sitemap = new URL(`${base}sitemap.xml`, site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'content-type': 'text/plain' } });
};
