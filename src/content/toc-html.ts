import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { TocEntry } from './toc';

const LIST_CLASS = ['toc-list-h1', 'toc-list-h2', 'toc-list-h3'];

/** The heading's own inline HTML (made by the Markdown pipeline), parsed back so it nests safely. */
function inline(html: string): ElementContent[] {
  if (!/[<&]/.test(html)) return [{ type: 'text', value: html }];
  return fromHtml(html, { fragment: true }).children as ElementContent[];
}

/** A link's class names its place in the TOC, not its heading's level: an h3 right under an h1 is a `toc-h2` entry, as in Slate. */
function link(entry: TocEntry, depth: number): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['toc-link', `toc-h${depth + 1}`], href: entry.href ?? `#${entry.id}`, dataTitle: entry.text },
    children: inline(entry.html),
  };
}

/**
 * Each link's HTML, by what it is made of. Pages list the same headings again and again: on a split
 * set every page lists every h1, and every page of an h1 group continued on more pages lists the
 * others (toc.ts), often as new entry objects. Serializing each link once took building GitHub's
 * REST reference's 494 pages from 7 to 4 s, when each page of a group listed every h2 of it.
 * Emptied when it grows past LINKS_KEPT, so a long dev session does not keep every heading it saw.
 */
const linkHtml = new Map<string, string>();
const LINKS_KEPT = 100_000;

/** The same, by entry: the h1s of a split set and the h2s of a continued group are the same objects, at the same place, on every page (toc.ts). */
const linkHtmlOf = new WeakMap<TocEntry, string>();

function linkOf(entry: TocEntry, depth: number): string {
  const known = linkHtmlOf.get(entry);
  if (known !== undefined) return known;
  const key = `${depth}\0${entry.href ?? `#${entry.id}`}\0${entry.text}\0${entry.html}`;
  let html = linkHtml.get(key);
  if (html === undefined) {
    if (linkHtml.size >= LINKS_KEPT) linkHtml.clear();
    html = toHtml(link(entry, depth));
    linkHtml.set(key, html);
  }
  linkHtmlOf.set(entry, html);
  return html;
}

const listOpen = (depth: number) => `<ul class="toc-list ${LIST_CLASS[depth]!}">`;

function item(entry: TocEntry, depth: number): string {
  const children = entry.children.length ? `${listOpen(depth + 1)}${entry.children.map((child) => item(child, depth + 1)).join('')}</ul>` : '';
  return `<li${depth === 0 ? ' class="toc-group"' : ''}>${linkOf(entry, depth)}${children}</li>`;
}

/** The TOC's lists as HTML: h1 entries with their h2s (and h3s), each link's markup made by hast-util-to-html. */
export const tocHtml = (toc: readonly TocEntry[]): string => `${listOpen(0)}${toc.map((entry) => item(entry, 0)).join('')}</ul>`;
