import type { Element, Root } from 'hast';
import { SKIP, walkElements } from './walk';
import type { VFile } from 'vfile';
import { pageContext, report } from './context';

const SECTION_HEADING = /^h[1-3]$/;
/** Containers Markdown itself makes: a heading inside a list item or a blockquote is the writer's intent. */
const MARKDOWN_CONTAINERS = new Set(['li', 'ul', 'ol', 'blockquote']);

const containsSectionHeading = (element: Element): boolean => {
  let found = false;
  walkElements(element, (child: Element) => {
    if (child !== element && SECTION_HEADING.test(child.tagName)) found = true;
    return found ? false : undefined;
  });
  return found;
};

/**
 * A raw HTML element that is never closed (`<div class="note">` without `</div>`) takes in the rest
 * of its file: the headings after it no longer start sections, so their code stays in the prose.
 * Markdown pages only (in MDX an unclosed tag is a syntax error already). An error, or a warning in
 * Slate's own format, where the browser nested the page the same way and Slate's CSS hid it.
 */
export default function rehypeCheckUnclosedHtml() {
  return (tree: Root, file: VFile) => {
    if (!file.value || pageContext(file).segments.length === 0) return;
    const text = String(file.value);
    walkElements(tree, (element: Element) => {
      if (SECTION_HEADING.test(element.tagName) || MARKDOWN_CONTAINERS.has(element.tagName)) return;
      const start = element.position?.start;
      const end = element.position?.end.offset;
      if (!start || end === undefined || start.offset === undefined) return;
      // Only raw HTML: an element whose source starts with its own tag.
      if (text.slice(start.offset, start.offset + element.tagName.length + 1).toLowerCase() !== `<${element.tagName}`) return;
      if (!containsSectionHeading(element)) return;
      const closed = new RegExp(`</${element.tagName}\\s*>$`, 'i').test(text.slice(Math.max(0, end - element.tagName.length - 8), end));
      if (closed) return SKIP;
      report(file, 'html-unclosed', start.line, { tag: element.tagName });
      return SKIP;
    });
  };
}
