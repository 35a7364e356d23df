import type { ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { nearestNames } from '../schema/languages';
import { locate, output, pageContext, report, slateTolerated } from './context';
import { getAttribute, isElementLike, lineOf, tagName, type AnyElement } from './hast-nodes';

/**
 * Every `#anchor` link of the page (content and toc_footers) must name an id of the page, and
 * no id may appear twice: both break deep links without a sound, so both fail the build.
 */
export default function rehypeCheckAnchors() {
  return (tree: Root, file: VFile) => {
    const context = pageContext(file);
    const ids = new Map<string, number | undefined>();
    const rawIds: Array<{ id: string; line?: number }> = [];
    const links: Array<{ anchor: string; line?: number }> = [];
    visit(tree, (node) => {
      if (!isElementLike(node as ElementContent)) return;
      const element = node as AnyElement;
      const id = getAttribute(element, 'id');
      // Part mode: every id of other elements goes to the page, which checks repeats across files.
      if (context.partMode) {
        if (id !== undefined && !/^h[1-6]$/.test(tagName(element))) rawIds.push({ id, line: lineOf(element) });
      } else if (id !== undefined) {
        if (ids.has(id)) {
          report(file, 'error', lineOf(element), `id "${id}" is used twice on the page.`, 'give one of the elements another id.');
        } else ids.set(id, lineOf(element));
      }
      const href = tagName(element) === 'a' ? getAttribute(element, 'href') : undefined;
      if (href?.startsWith('#') && href.length > 1) links.push({ anchor: safeDecode(href.slice(1)), line: lineOf(element) });
    });
    if (context.partMode) {
      // One file of a Markdown page: the page checks links against all its files (compose-page.ts).
      const facts = (output(file).part ??= { headings: [], ids: [], links: [] });
      const where = (line?: number) => locate(context, line)?.line;
      facts.ids = rawIds.map(({ id, line }) => ({ id, line: where(line) }));
      facts.links = links.map(({ anchor, line }) => ({ id: anchor, line: where(line) }));
      return;
    }
    const hint = (anchor: string) => {
      const [nearest] = nearestNames(anchor, ids.keys(), 1);
      return nearest ? `did you mean "#${nearest}"?` : 'link to the id of a heading on this page.';
    };
    for (const { anchor, line } of links) {
      if (!ids.has(anchor)) report(file, slateTolerated(file), line, `link "#${anchor}" points to no id on this page.`, hint(anchor));
    }
    for (const { anchor, line } of context.footerAnchors) {
      if (!ids.has(anchor)) {
        output(file).problems.push({ severity: slateTolerated(file), file: context.pageFile, line, message: `toc_footers link "#${anchor}" points to no id on this page.`, fix: hint(anchor) });
      }
    }
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
