import type { ElementContent } from 'hast';
import { escapeLikeMarkdownIt, shinsCleanId } from '../content/shins-ids';
import { isElementLike, tagName } from './hast-nodes';

/**
 * A mark (a property, set through mdast's `hProperties`) on a heading that Shins' markdown-it read
 * otherwise, so that Shins gave it no id: the last line of a setext heading under a paragraph,
 * which was the whole paragraph's heading there (redcarpet-setext.ts).
 */
export const NO_SHINS_ID = 'dataShaleNoShinsId';

/** The attributes markdown-it writes on the elements Markdown makes, in its order. */
const ATTRIBUTES: Record<string, readonly string[]> = { a: ['href', 'title'], img: ['src', 'alt', 'title'] };

/** How markdown-it names the elements Markdown makes, where Shale's differ. */
const NAMES: Record<string, string> = { del: 's' };

/** Elements Shins kept when they were written as raw HTML in a heading (sanitize-html 1's defaults and Shins' own); it dropped the others' tags. */
const KEPT = new Set(['a', 'abbr', 'b', 'code', 'em', 'i', 'img', 'strike', 'strong']);

/**
 * A heading's inner HTML as markdown-it wrote it for Shins: text escaped (`&`, `<`, `>`, `"`; an
 * apostrophe kept, no SmartyPants) in a Markdown heading, as written in a raw-HTML one (`escape`
 * false: markdown-it passed raw HTML through), Markdown's elements with markdown-it's attributes,
 * other raw-HTML tags dropped (Shins' sanitize-html took them out before markdown-it read the text).
 */
function markdownItHtml(nodes: readonly ElementContent[], escape: boolean): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return escape ? escapeLikeMarkdownIt(node.value) : node.value;
      if (!isElementLike(node)) return '';
      const inner = markdownItHtml(node.children as ElementContent[], escape);
      const name = tagName(node);
      if (!KEPT.has(name) && !NAMES[name]) return inner;
      const properties = node.type === 'element' ? node.properties : {};
      const attributes = (ATTRIBUTES[name] ?? [])
        .filter((attribute) => typeof properties[attribute] === 'string')
        .map((attribute) => ` ${attribute}="${escapeLikeMarkdownIt(String(properties[attribute]))}"`)
        .join('');
      const written = NAMES[name] ?? name;
      return name === 'img' ? `<img${attributes}>` : `<${written}${attributes}>${inner}</${written}>`;
    })
    .join('');
}

/**
 * Shins' id of a heading before its repeats are counted, where it differs from `shale` (Shale's,
 * before the same): `''` when Shins left it alone (its HTML spans lines: no id, or the written one
 * as it is), undefined when the two agree. `written`: the id written on the heading.
 */
export function shinsBase(children: readonly ElementContent[], shale: string, written: string | undefined, markdown: boolean): string | undefined {
  // markdown-it trimmed a Markdown heading's text after sanitize-html took tags out of it.
  const html = markdown ? markdownItHtml(children, true).trim() : markdownItHtml(children, false);
  if (html.includes('\n')) return '';
  const id = shinsCleanId(written ?? html);
  return id === shale ? undefined : id;
}
