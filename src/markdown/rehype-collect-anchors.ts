import type { ElementContent, Root } from 'hast';
import { walk } from './walk';
import type { VFile } from 'vfile';
import { facts, locate, pageContext } from './context';
import { classList, getAttribute, isElementLike, lineOf, tagName, type AnyElement } from './hast-nodes';

/**
 * Collects every id of an element that is not a heading (headings are collected with what their id
 * is made from) and every `#link`, in document order. The settle step (src/settle/) checks them
 * against the whole page: an id used twice, or a link to no id, breaks a deep link without a sound.
 * An `<a name="x">` with no id is where a browser takes `#x` (HTML's rule for a fragment, after
 * ids), as older Slate docs use it: it is collected as that id, so it is also written as one.
 * Both it and the anchors a spec's sections carry for links written for other renderers yield to
 * an element with the same id (settle-page.ts): they are renamed, with no warning.
 */
export default function rehypeCollectAnchors() {
  return (tree: Root, file: VFile) => {
    const context = pageContext(file);
    const found = facts(file);
    const where = (element: AnyElement) => {
      const source = locate(context, lineOf(element));
      return { file: source?.file ?? context.pageFile, line: source?.line };
    };
    walk(tree, (node, _index, parent) => {
      if (!isElementLike(node as ElementContent)) return;
      const element = node as AnyElement;
      const name = tagName(element);
      const written = getAttribute(element, 'id');
      const id = written ?? (name === 'a' ? getAttribute(element, 'name') : undefined);
      // An anchor another renderer gave a spec's section (compile-spec.ts) yields, as a name does.
      const yields = written === undefined || isPeerAnchors(parent);
      if (id !== undefined && !/^h[1-6]$/.test(name)) found.ids.push({ node: element, id, ...(yields ? { named: true as const } : {}), ...where(element) });
      const href = name === 'a' ? getAttribute(element, 'href') : undefined;
      if (href?.startsWith('#') && href.length > 1) found.links.push({ node: element, id: safeDecode(href.slice(1)), ...where(element) });
    });
  };
}

/** The element that holds the anchors other renderers gave a section of a spec (`<div class="anchors">`). */
function isPeerAnchors(parent: unknown): boolean {
  const element = parent as AnyElement | undefined;
  return !!element && isElementLike(element) && tagName(element) === 'div' && classList(element).includes('anchors');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
