import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { describedBy } from '../content/description';
import { output } from './context';
import { isElementLike, tagName, textOf } from './hast-nodes';
import { SKIP, walk } from './walk';

/**
 * An MDX page's description when its front matter gives none: its first paragraph of prose, as a
 * Markdown page's is taken from its HTML (content/description.ts). MDX pages are rendered by Astro,
 * so this is read from the tree the check compiles. A note (an aside, a blockquote) is no opening.
 */
function hasComputedPart(node: { type: string; children?: Array<{ type: string }> }): boolean {
  return (node.children ?? []).some((child) => child.type.startsWith('mdx') || hasComputedPart(child));
}

export default function rehypeMdxDescription() {
  return (tree: Root, file: VFile) => {
    let description: string | undefined;
    walk(tree, (node) => {
      if (description !== undefined) return false;
      if (!isElementLike(node as never)) return undefined;
      const name = tagName(node as never);
      if (name === 'aside' || name === 'blockquote') return SKIP;
      if (name !== 'p') return undefined;
      // What a component or an expression shows is known only once Astro renders the page: a
      // paragraph with one would be described without it ("There are  pets"), so the next one is.
      if (!hasComputedPart(node)) description = describedBy(textOf(node as never));
      return SKIP;
    });
    if (description) output(file).description = description;
  };
}
