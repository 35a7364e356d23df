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

function link(entry: TocEntry): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['toc-link', `toc-h${Math.min(entry.level, 3)}`], href: entry.href ?? `#${entry.id}`, dataTitle: entry.text },
    children: inline(entry.html),
  };
}

function list(entries: readonly TocEntry[], depth: number): Element {
  return {
    type: 'element',
    tagName: 'ul',
    properties: { className: ['toc-list', LIST_CLASS[depth]!] },
    children: entries.map((entry) => ({
      type: 'element',
      tagName: 'li',
      properties: depth === 0 ? { className: ['toc-group'] } : {},
      children: [link(entry), ...(entry.children.length ? [list(entry.children, depth + 1)] : [])],
    })),
  };
}

/**
 * Serialized entries without children, by entry: on a split set every page lists the other pages'
 * h1s, the same entry objects (toc.ts setPage), so each is serialized once. Entries go when the
 * build's pages do, and what was made for them with them.
 */
const leafItems = new WeakMap<TocEntry, string>();

function item(entry: TocEntry): string {
  if (entry.children.length) return toHtml(list([entry], 0)).replace(/^<ul[^>]*>|<\/ul>$/g, '');
  let html = leafItems.get(entry);
  if (html === undefined) {
    html = toHtml(list([entry], 0)).replace(/^<ul[^>]*>|<\/ul>$/g, '');
    leafItems.set(entry, html);
  }
  return html;
}

/**
 * The TOC's lists as HTML, built as trees and serialized. On a split set every page lists every
 * h1: those items are serialized once and reused, which keeps building thousands of pages fast.
 */
export const tocHtml = (toc: readonly TocEntry[]): string =>
  `<ul class="toc-list ${LIST_CLASS[0]}">${toc.map(item).join('')}</ul>`;
