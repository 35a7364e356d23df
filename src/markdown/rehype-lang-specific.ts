import type { ElementContent, Root } from 'hast';
import { walk } from './walk';
import type { VFile } from 'vfile';
import { pageContext } from './context';
import { addClass, classList, isElementLike, type AnyElement } from './hast-nodes';

/**
 * Slate's `<p class="lang-specific ruby shell">`: shown only while one of the named tabs is
 * active. Each named tab adds a `tab-N` class, which the stylesheet matches against the active
 * tab index, so switching tabs never walks the page.
 */
export default function rehypeLangSpecific() {
  return (tree: Root, file: VFile) => {
    const { tabs } = pageContext(file);
    walk(tree, (node) => {
      if (!isElementLike(node as ElementContent)) return;
      const element = node as AnyElement;
      const classes = classList(element);
      if (!classes.includes('lang-specific')) return;
      const indexes = tabs.flatMap((tab, index) => (classes.includes(tab.key) ? [`tab-${index}`] : []));
      addClass(element, ...(indexes.length ? indexes : ['tab-none']));
    });
  };
}
