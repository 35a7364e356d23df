import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { allocateIds, escapeLikeRedcarpet, slateBaseId, slateIdsOf } from '../content/slug';
import { locate, output, pageContext, placeholderId } from './context';
import { getAttribute, isElementLike, lineOf, setAttribute, tagName, textOf, type AnyElement } from './hast-nodes';

const HEADING = /^h([1-6])$/;

/** A heading's inline HTML as Redcarpet hands it to Slate's renderer (text escaped, tags kept). */
function redcarpetHtml(nodes: readonly ElementContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return escapeLikeRedcarpet(node.value);
      if (isElementLike(node)) {
        const name = tagName(node);
        return `<${name}>${redcarpetHtml(node.children as ElementContent[])}</${name}>`;
      }
      return '';
    })
    .join('');
}

/** Inline HTML for the TOC link (JSX from MDX falls back to its text). */
function linkHtml(nodes: ElementContent[]): string {
  const plain = nodes.every((node) => node.type === 'text' || node.type === 'element' || node.type === 'comment');
  return plain ? toHtml(nodes) : escapeLikeRedcarpet(nodes.map(textOf).join(''));
}

/**
 * Gives every heading of the page Slate's id (reference §1.4), unique across the page and all its
 * includes, and records the headings for the TOC. Ids written in raw HTML are kept.
 */
export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const context = pageContext(file);
    const headings: Array<{ node: AnyElement; level: number }> = [];
    visit(tree, (node) => {
      if (!isElementLike(node as ElementContent)) return;
      const match = HEADING.exec(tagName(node as AnyElement));
      if (match) headings.push({ node: node as AnyElement, level: Number(match[1]) });
    });
    const sources = headings.map(({ node }) => locate(context, lineOf(node)));
    if (context.partMode) {
      // One file of a Markdown page: the page settles ids across its files (compose-page.ts).
      output(file).part ??= { headings: [], ids: [], links: [] };
      output(file).part!.headings = headings.map(({ node, level }, index) => {
        const children = node.children as ElementContent[];
        const fixed = getAttribute(node, 'id');
        if (!fixed) setAttribute(node, 'id', placeholderId(index));
        return {
          level,
          base: slateBaseId(redcarpetHtml(children)),
          ...(fixed ? { fixed } : {}),
          html: linkHtml(children),
          text: children.map(textOf).join('').trim(),
          line: sources[index]?.line,
        };
      });
      return;
    }
    const requests = headings.map(({ node }, index) => ({
      file: sources[index]?.file ?? '',
      base: slateBaseId(redcarpetHtml(node.children as ElementContent[])),
      fixed: getAttribute(node, 'id'),
    }));
    const ids = allocateIds(requests);
    const slateIds = slateIdsOf(requests);
    output(file).headings = headings.map(({ node, level }, index) => {
      setAttribute(node, 'id', ids[index]!);
      const children = node.children as ElementContent[];
      return { level, id: ids[index]!, html: linkHtml(children), text: children.map(textOf).join('').trim() };
    });
    output(file).origins = headings.map((_, index) => ({
      file: sources[index]?.file ?? context.pageFile,
      line: sources[index]?.line,
      ...(slateIds[index] === ids[index] ? {} : { slateId: slateIds[index] }),
    }));
  };
}
