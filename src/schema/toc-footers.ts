import { find, html } from 'property-information';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { FactsOf } from '../validation/definitions';

/**
 * Elements a footer may hold: links, inline emphasis, the blocks Slate sources wrap them in, and
 * images (a licence's or a "Run in Postman" badge, as Slate showed them).
 */
const ALLOWED_ELEMENTS = new Set(['a', 'em', 'strong', 'b', 'i', 'code', 'small', 'span', 'br', 'sup', 'sub', 'kbd', 'abbr', 'div', 'p', 'img']);
/** Elements that hold no text for the reader (scripts, media, controls): left out whole, not unwrapped. */
const DROPPED_WHOLE = new Set(
  'script style template noscript iframe frame frameset object embed svg math canvas picture video audio source input textarea select button link meta base title'.split(
    ' ',
  ),
);
/** Attributes any allowed element may have (hast's names). */
const ALLOWED_ATTRIBUTES = new Set(['className', 'title', 'lang', 'dir']);
const ALLOWED_LINK_ATTRIBUTES = new Set(['href', 'target', 'rel', 'download', 'hrefLang', 'type']);
const ALLOWED_IMAGE_ATTRIBUTES = new Set(['src', 'alt', 'width', 'height']);
const allowedOn = (tag: string, name: string) =>
  ALLOWED_ATTRIBUTES.has(name) || (tag === 'a' && ALLOWED_LINK_ATTRIBUTES.has(name)) || (tag === 'img' && ALLOWED_IMAGE_ATTRIBUTES.has(name));

export interface FooterResult {
  /** Safe HTML to render: the entry with whatever was not allowed taken out. */
  html: string;
  /** The `#anchor` targets the entry links to (checked against the page's ids later), in the order of the holes. */
  anchors: string[];
  /** What was taken out, if anything: an error in Shale's own pages, a warning in Slate's (site.ts). */
  problems: FooterProblem[];
}

/** What can be wrong with a footer (validation/definitions.ts has the words). */
type FooterProblem =
  | { kind: 'footer-element'; facts: FactsOf<'footer-element'> }
  | { kind: 'footer-event-handler'; facts: FactsOf<'footer-event-handler'> }
  | { kind: 'footer-attribute'; facts: FactsOf<'footer-attribute'> }
  | { kind: 'footer-unsafe-url'; facts: FactsOf<'footer-unsafe-url'> }
  | { kind: 'footer-image-alt'; facts: FactsOf<'footer-image-alt'> }
  | { kind: 'footer-empty'; facts: FactsOf<'footer-empty'> };

/** Whether a URL is one a footer may use: http(s), a relative path or an #anchor, and mailto for a link. */
function isSafeUrl(url: string, tag: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so drop them first.
  const value = url.replace(/[\u0000-\u0020]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (!scheme) return true;
  return scheme === 'http' || scheme === 'https' || (scheme === 'mailto' && tag === 'a');
}

/** Whether an href leaves the site (gets rel="noopener"). */
export const isExternalHref = (href: string): boolean => /^(https?:)?\/\//i.test(href.trim());

/**
 * Checks one `toc_footers` entry (raw HTML in Slate) and returns safe HTML for it: anything but
 * links, inline emphasis and plain blocks is taken out (an element that holds text is unwrapped,
 * its text kept), and each thing taken out is a problem, so nothing is dropped silently.
 */
export function checkFooter(entry: string | null): FooterResult {
  // `- ` with nothing after it is null in YAML; Slate's layout wrote an empty line for it.
  if (entry === null || !entry.trim()) return { html: '', anchors: [], problems: [{ kind: 'footer-empty', facts: {} }] };
  const tree = fromHtml(entry, { fragment: true });
  const anchors: string[] = [];
  const problems: FooterProblem[] = [];

  const clean = (children: Array<RootContent | ElementContent>): ElementContent[] =>
    children.flatMap((node): ElementContent[] => {
      if (node.type === 'comment') return [];
      if (node.type !== 'element') return node.type === 'text' ? [node] : [];
      const element = node;
      if (!ALLOWED_ELEMENTS.has(element.tagName)) {
        const whole = DROPPED_WHOLE.has(element.tagName);
        problems.push({ kind: 'footer-element', facts: { tag: element.tagName, whole } });
        return whole ? [] : clean(element.children);
      }
      cleanAttributes(element, problems);
      if (element.tagName === 'a') hardenLink(element, anchors);
      if (element.tagName === 'img' && element.properties.alt === undefined)
        problems.push({ kind: 'footer-image-alt', facts: { src: String(element.properties.src ?? '') } });
      element.children = clean(element.children);
      return [element];
    });
  const root: Root = { type: 'root', children: clean(tree.children) };
  return { html: toHtml(root).trim(), anchors, problems };
}

/** Takes out the attributes an element may not have, and an href that could run script. */
function cleanAttributes(element: Element, problems: FooterProblem[]): void {
  for (const [name, value] of Object.entries(element.properties)) {
    const attribute = name.toLowerCase();
    if (attribute.startsWith('on')) {
      problems.push({ kind: 'footer-event-handler', facts: { attribute } });
      delete element.properties[name];
    } else if (!allowedOn(element.tagName, name)) {
      // As written in the HTML (`data-width`), not as hast keeps it (`dataWidth`).
      problems.push({ kind: 'footer-attribute', facts: { attribute: find(html, name).attribute, tag: element.tagName } });
      delete element.properties[name];
    } else if ((name === 'href' || name === 'src') && !isSafeUrl(String(value), element.tagName)) {
      problems.push({ kind: 'footer-unsafe-url', facts: { url: String(value), ...(element.tagName === 'img' ? { image: true } : {}) } });
      delete element.properties[name];
    }
  }
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
