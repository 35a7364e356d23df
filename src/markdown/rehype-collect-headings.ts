import type { Element, ElementContent, Root } from 'hast';
import type { Heading } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { walk } from './walk';
import type { VFile } from 'vfile';
import { escapeLikeRedcarpet, parameterize, redcarpetAnchor, slate2017BaseId, slateBaseId } from '../content/slug';
import { facts, locate, pageContext } from './context';
import type { HeadingIds } from '../content/slate-renderer';
import { getAttribute, isElementLike, isEmptyHeading, lineOf, tagName, textOf, type AnyElement } from './hast-nodes';

const HEADING = /^h([1-6])$/;

/**
 * A mark on the headings Markdown wrote (`## Errors`), set as they become HTML and taken off here.
 * It is a property, not node data, because the raw-HTML parser rebuilds the nodes it reads
 * (rehype-raw-runs.ts) and keeps only what HTML has.
 */
const MARKDOWN_HEADING = 'dataShaleMarkdownHeading';

/** remark-rehype's heading handler, marking the heading as Markdown's. */
export function markedHeading(state: State, node: Heading): Element {
  const element = defaultHandlers.heading(state, node);
  element.properties[MARKDOWN_HEADING] = true;
  return element;
}

/** A heading's id before repeats are counted, from its inline HTML, by the way the Slate project made them. */
const BASE_IDS: Record<HeadingIds, (html: string) => string> = {
  slate: slateBaseId,
  redcarpet: redcarpetAnchor,
  'slate-2017': slate2017BaseId,
  nesting: slateBaseId,
};

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
export function headingLinkHtml(nodes: ElementContent[]): string {
  const plain = nodes.every((node) => node.type === 'text' || node.type === 'element' || node.type === 'comment');
  return plain ? toHtml(nodes) : escapeLikeRedcarpet(nodes.map(textOf).join(''));
}

/**
 * Collects every heading of the tree (h1–h6, raw HTML and JSX included) in document order, with
 * what its id is made from: Slate's id of its text (reference §1.4), or the id written in raw HTML.
 * It sets no id: the page is settled as a whole afterwards (src/settle/), because ids are unique
 * across the page and all its files. First in the pipeline, before other steps change the headings.
 */
export default function rehypeCollectHeadings() {
  return (tree: Root, file: VFile) => {
    const context = pageContext(file);
    const found = facts(file);
    walk(tree, (node) => {
      if (!isElementLike(node as ElementContent)) return;
      const element = node as AnyElement;
      const match = HEADING.exec(tagName(element));
      if (!match) return;
      const markdown = element.type === 'element' && MARKDOWN_HEADING in element.properties;
      if (markdown) delete element.properties[MARKDOWN_HEADING];
      if (isEmptyHeading(element)) return;
      const children = element.children as ElementContent[];
      const fixed = getAttribute(element, 'id');
      // A raw-HTML heading with no id had none in Slate: Redcarpet's renderer, which gave ids, saw
      // only Markdown's headings. Shale gives it one, but after them (content/slug.ts).
      const raw = context.slate && !markdown && !fixed;
      const source = locate(context, lineOf(element));
      const html = redcarpetHtml(children);
      found.headings.push({
        node: element,
        level: Number(match[1]),
        base: BASE_IDS[context.headingIds ?? 'slate'](html),
        ...(fixed ? { fixed } : {}),
        ...(raw ? { raw } : {}),
        // NestingUniqueHeadCounter's prefix is the heading's text parameterized with its tags in it.
        ...(context.headingIds === 'nesting' && !fixed && !raw ? { nestKey: parameterize(html) } : {}),
        html: headingLinkHtml(children),
        text: children.map(textOf).join('').trim(),
        file: source?.file ?? context.pageFile,
        line: source?.line,
      });
    });
  };
}
