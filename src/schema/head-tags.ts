import type { DefaultTreeAdapterMap } from 'parse5';
import { parseFragment } from 'parse5';

/** A tag for the page's <head>, as the layout writes it: its name and attributes, never raw HTML. */
export interface HeadTag {
  tag: 'link' | 'meta' | 'script';
  attributes: Record<string, string>;
}

type Element = DefaultTreeAdapterMap['element'];

/**
 * Reads one `head:` entry (`<meta name="google-site-verification" content="…">`): it must be
 * exactly one <link>, <meta> or <script src> with nothing inside, no event handler and no
 * `javascript:` address. A strict Content-Security-Policy would block inline script, and the page
 * would break where it is deployed with one, so none gets in.
 */
export function checkHeadTag(entry: string): HeadTag | { reason: string } {
  const nodes = parseFragment(entry.trim()).childNodes.filter((node) => !(node.nodeName === '#text' && !('value' in node && node.value.trim())));
  if (nodes.length !== 1 || !('tagName' in nodes[0]!)) return { reason: 'an entry must be exactly one tag' };
  const element = nodes[0] as Element;
  const tag = element.tagName;
  if (tag !== 'link' && tag !== 'meta' && tag !== 'script') return { reason: `<${tag}> is not allowed (only <link>, <meta> and <script src>)` };
  const attributes: Record<string, string> = {};
  for (const { name, value } of element.attrs) {
    if (/^on/i.test(name)) return { reason: `the event handler attribute ${name} is inline script` };
    if (/^\s*javascript:/i.test(value)) return { reason: `the ${name} attribute is a javascript: address` };
    attributes[name] = value;
  }
  if (tag === 'script') {
    if (!attributes.src) return { reason: 'a <script> without src is inline script' };
    const content = element.childNodes.map((node) => ('value' in node ? String(node.value) : '')).join('');
    if (content.trim()) return { reason: 'a <script> with code inside it is inline script' };
  }
  return { tag, attributes };
}
