import type { TocEntry } from './toc';

/**
 * A table of contents whose links work from any address: the 404 page is served for every unknown
 * path (`/docs/no/such/page`), where the relative links of a page (`kittens.html#get`, `#intro`)
 * would lead nowhere. Each link is resolved against the page the TOC was made for.
 */
export function absoluteToc(entries: readonly TocEntry[], base: string, outputPath: string): TocEntry[] {
  const page = new URL(`${base}${outputPath}`, 'https://site.invalid');
  return entries.map((entry) => {
    const resolved = new URL(entry.href ?? `#${entry.id}`, page);
    const path = resolved.pathname.replace(/(^|\/)index\.html$/, '$1');
    return { ...entry, href: `${path}${resolved.hash}`, children: absoluteToc(entry.children, base, outputPath) };
  });
}
