import type { Element, ElementContent, Root, Text } from 'hast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Heading } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { walk } from './walk';
import type { VFile } from 'vfile';
import { escapeLikeRedcarpet, parameterize, redcarpetAnchor, slate2017BaseId, slateBaseId } from '../content/slug';
import { facts, locate, pageContext, report } from './context';
import type { HeadingIds } from '../content/slate-renderer';
import { NO_SHINS_ID, shinsBase } from './shins-heading';
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
  'nesting-below-h1': slateBaseId,
};

/** Whether a heading of `level` is a prefix of the ids below it, by the way the Slate project made them. */
const nestsUnder = (headingIds: HeadingIds | undefined, level: number) => headingIds === 'nesting' || (headingIds === 'nesting-below-h1' && level > 1);

/**
 * A heading's inline HTML as Redcarpet hands it to Slate's renderer (text escaped, tags kept with
 * their attributes, as HTML is mostly written: `<span id="sandbox">`). Slate's id of a heading with
 * nothing left of its text is the SHA1 of that HTML, attributes and all.
 */
function redcarpetHtml(nodes: readonly ElementContent[], source: string): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return redcarpetText(node, source);
      if (node.type === 'element') {
        const close = `</${node.tagName}>`;
        const tags = toHtml({ ...node, children: [] });
        // A void element (`<br>`) has no end tag and nothing inside.
        return tags.endsWith(close) ? `${tags.slice(0, -close.length)}${redcarpetHtml(node.children, source)}${close}` : tags;
      }
      if (isElementLike(node)) {
        const name = tagName(node);
        return `<${name}>${redcarpetHtml(node.children as ElementContent[], source)}</${name}>`;
      }
      return '';
    })
    .join('');
}

/** A backslash escape of ASCII punctuation, as CommonMark reads it, or a character reference. */
const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(?:#[xX]([0-9A-Fa-f]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g;

/** What a character reference stands for, or undefined when it names nothing. */
function referenced(hex: string | undefined, decimal: string | undefined, name: string | undefined): string | undefined {
  if (name !== undefined) return decodeNamedCharacterReference(name) || undefined;
  const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}

/**
 * A text node as Redcarpet wrote it: character references as written in the source (Slate made
 * `Dealer&rsquo;s` into `dealer-rsquo-s`, not `dealer-s`), the rest escaped. Where the source
 * under the node's position does not read as its text, the text escaped.
 */
function redcarpetText(node: Text, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const written = start === undefined || end === undefined ? '' : source.slice(start, end);
  if (!written.includes('&')) return escapeLikeRedcarpet(node.value);
  let html = '';
  let read = '';
  let from = 0;
  for (const found of written.matchAll(ESCAPE_OR_REFERENCE)) {
    const [match, escaped, hex, decimal, name] = found;
    const between = written.slice(from, found.index);
    const character = escaped ?? referenced(hex, decimal, name);
    // A reference as written; an escaped character, or `&name;` that names nothing, escaped.
    html += escapeLikeRedcarpet(between) + (escaped === undefined && character !== undefined ? match : escapeLikeRedcarpet(character ?? match));
    read += between + (character ?? match);
    from = found.index + match.length;
  }
  html += escapeLikeRedcarpet(written.slice(from));
  read += written.slice(from);
  return read === node.value ? html : escapeLikeRedcarpet(node.value);
}

/**
 * A raw-HTML heading with `id=""` is reported, and given an id as one without. Widdershins writes an
 * operation's summary into ids: a summary with a double quote ended the value at once (Docker's
 * `<h3 id=""update-a-volume.-valid-only-for-swarm-cluster-volumes"`), and the rest became
 * attributes whose names hold quotes; they mean nothing and are taken out, so the HTML stays valid.
 */
function emptyId(element: AnyElement, children: ElementContent[], file: VFile): void {
  const stray = element.type === 'element' ? Object.keys(element.properties).filter((name) => /["'<]/.test(name)) : [];
  report(file, 'heading-id-empty', lineOf(element), { text: children.map(textOf).join('').trim(), stray: stray.join(' ') });
  if (element.type !== 'element') return;
  for (const name of stray) delete element.properties[name];
  delete element.properties.id;
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
      const noShinsId = element.type === 'element' && NO_SHINS_ID in element.properties;
      if (noShinsId) delete element.properties[NO_SHINS_ID];
      if (isEmptyHeading(element)) return;
      const children = element.children as ElementContent[];
      if (getAttribute(element, 'id') === '') emptyId(element, children, file);
      const fixed = getAttribute(element, 'id');
      // A raw-HTML heading with no id had none in Slate: Redcarpet's renderer, which gave ids, saw
      // only Markdown's headings. Shale gives it one, but after them (content/slug.ts).
      const raw = context.slate && !markdown && !fixed;
      const source = locate(context, lineOf(element));
      const html = redcarpetHtml(children, String(file.value ?? ''));
      const base = BASE_IDS[context.headingIds ?? 'slate'](html);
      const shins = !context.slate ? undefined : noShinsId ? '' : shinsBase(children, fixed ?? base, fixed, markdown);
      found.headings.push({
        node: element,
        level: Number(match[1]),
        base,
        ...(fixed ? { fixed } : {}),
        ...(raw ? { raw } : {}),
        ...(shins === undefined ? {} : { shins }),
        // NestingUniqueHeadCounter's prefix is the heading's text parameterized with its tags in it
        // (a project's copy that leaves the h1s' titles out gives them none).
        ...(nestsUnder(context.headingIds, Number(match[1])) && !fixed && !raw ? { nestKey: parameterize(html) } : {}),
        html: headingLinkHtml(children),
        text: children.map(textOf).join('').trim(),
        file: source?.file ?? context.pageFile,
        line: source?.line,
      });
    });
  };
}
