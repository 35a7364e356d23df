import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { FactsOf } from '../validation/definitions';

/** Elements a footer may hold: links and inline emphasis, as Slate's examples use. */
const ALLOWED_ELEMENTS = new Set(['a', 'em', 'strong', 'b', 'i', 'code', 'small', 'span', 'br']);
const ALLOWED_LINK_ATTRIBUTES = new Set(['href', 'title', 'target', 'rel']);

export interface FooterResult {
  /** Safe HTML to render, when the entry is valid. */
  html?: string;
  /** The `#anchor` targets the entry links to (checked against the page's ids later), in the order of the holes. */
  anchors: string[];
  /** What is wrong with the entry, if anything. */
  problem?: FooterProblem;
}

/** What can be wrong with a footer (validation/definitions.ts has the words). */
type FooterProblem =
  | { kind: 'footer-element'; facts: FactsOf<'footer-element'> }
  | { kind: 'footer-event-handler'; facts: FactsOf<'footer-event-handler'> }
  | { kind: 'footer-attribute'; facts: FactsOf<'footer-attribute'> }
  | { kind: 'footer-unsafe-url'; facts: FactsOf<'footer-unsafe-url'> };

/** Whether an href is one a footer may use: http(s), mailto, a relative path or an #anchor. */
function isSafeHref(href: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so drop them first.
  const value = href.replace(/[\u0000-\u0020]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (!scheme) return true;
  return scheme === 'http' || scheme === 'https' || scheme === 'mailto';
}

/** Whether an href leaves the site (gets rel="noopener"). */
export const isExternalHref = (href: string): boolean => /^(https?:)?\/\//i.test(href.trim());

/**
 * Checks one `toc_footers` entry (raw HTML in Slate) and returns safe HTML for it.
 * Anything but links and inline emphasis is refused rather than silently dropped.
 */
export function checkFooter(entry: string): FooterResult {
  const tree = fromHtml(entry, { fragment: true });
  const anchors: string[] = [];
  let problem: FooterResult['problem'];

  const visit = (node: Root | RootContent): void => {
    if (problem) return;
    if (node.type === 'comment' || node.type === 'doctype') return;
    if (node.type !== 'element') {
      if ('children' in node) node.children.forEach(visit);
      return;
    }
    const element = node as Element;
    if (!ALLOWED_ELEMENTS.has(element.tagName)) {
      problem = { kind: 'footer-element', facts: { tag: element.tagName } };
      return;
    }
    for (const [name, value] of Object.entries(element.properties)) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on')) {
        problem = { kind: 'footer-event-handler', facts: { attribute } };
        return;
      }
      if (element.tagName !== 'a' || !ALLOWED_LINK_ATTRIBUTES.has(attribute)) {
        if (attribute === 'className' && element.tagName !== 'a') continue;
        problem = { kind: 'footer-attribute', facts: { attribute, tag: element.tagName } };
        return;
      }
      if (attribute === 'href' && !isSafeHref(String(value))) {
        problem = { kind: 'footer-unsafe-url', facts: { url: String(value) } };
        return;
      }
    }
    if (element.tagName === 'a') hardenLink(element, anchors);
    element.children.forEach(visit);
  };
  visit(tree);
  if (problem) return { anchors, problem };
  return { html: toHtml(tree).trim(), anchors };
}

/** Adds rel="noopener" where a link leaves the site; a `#link`'s anchor goes to `anchors`. */
function hardenLink(link: Element, anchors: string[]): void {
  const href = typeof link.properties.href === 'string' ? link.properties.href.trim() : '';
  if (href.startsWith('#') && href.length > 1) anchors.push(decodeURIComponent(href.slice(1)));
  if (isExternalHref(href) || link.properties.target === '_blank') {
    const rel = new Set([...(Array.isArray(link.properties.rel) ? link.properties.rel.map(String) : []), 'noopener', 'noreferrer']);
    link.properties.rel = [...rel];
  }
}
