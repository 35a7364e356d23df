import type { ElementContent, Root } from 'hast';
import { walk } from './walk';
import type { VFile } from 'vfile';
import { isExternalHref } from '../schema/toc-footers';
import { pageContext } from './context';
import { getAttribute, isElementLike, setAttribute, tagName, type AnyElement } from './hast-nodes';

/** Root-absolute paths (`/images/x.png`) move under the base path; `//host` stays as is. */
function withBase(url: string, base: string): string {
  if (!url.startsWith('/') || url.startsWith('//') || base === '/') return url;
  return `${base.replace(/\/$/, '')}${url}`;
}

/**
 * Links and images that work under any base path and do not hand the page to other sites:
 * external links get rel="noopener noreferrer"; images load lazily.
 */
export default function rehypeLinks() {
  return (tree: Root, file: VFile) => {
    const { base } = pageContext(file);
    walk(tree, (node) => {
      if (!isElementLike(node as ElementContent)) return;
      const element = node as AnyElement;
      const name = tagName(element);
      if (name === 'a') {
        const href = getAttribute(element, 'href');
        if (href === undefined) return;
        setAttribute(element, 'href', withBase(href, base));
        if (isExternalHref(href) || getAttribute(element, 'target') === '_blank') {
          const rel = new Set([...(getAttribute(element, 'rel') ?? '').split(/\s+/).filter(Boolean), 'noopener', 'noreferrer']);
          setAttribute(element, 'rel', [...rel].join(' '));
        }
      } else if (name === 'img') {
        const src = getAttribute(element, 'src');
        if (src !== undefined) setAttribute(element, 'src', withBase(src, base));
        if (getAttribute(element, 'loading') === undefined) setAttribute(element, 'loading', 'lazy');
      }
    });
  };
}
