import type { Element, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import type { VFile } from 'vfile';

/**
 * Raw HTML in a Markdown file (`<aside class="notice">…</aside>`) becomes elements through an HTML
 * parser (hast-util-raw, as rehype-raw does), which rebuilds the whole tree it is given, every
 * paragraph, table and code block, to parse the few raw nodes in it: a sixth of rendering a Slate
 * include with one aside. Here only the runs of top-level nodes that hold raw HTML go through the
 * parser, each run on its own. A run ends where every element its raw HTML opened is closed again;
 * where that is not sure (a tag this plain reading cannot follow, an element whose parsing reaches
 * beyond itself: tables, forms, scripts, foreign content), the run goes on to the end of the file,
 * so the parser sees what it would have seen anyway. The nodes outside the runs are left as they
 * are, but for the one thing the parser would have changed in them (asParsed).
 */
export default function rehypeRawRuns() {
  return (tree: Root, file: VFile): Root => {
    const runs = rawRuns(tree.children);
    // The parser reads an end tag it cannot match differently before the file's first start tag
    // (it ignores it) and after (it makes an empty `<p>` of a `</p>`): a run after that tag starts
    // with an empty element, which puts the parser where the whole tree would have, then goes.
    const firstStartTag = tree.children.findIndex(hasStartTag);
    let next = tree.children.length;
    for (const [start, end] of runs.reverse()) {
      for (const node of tree.children.slice(end, next)) asParsed(node);
      const opened = firstStartTag !== -1 && firstStartTag < start;
      const run: Root = { type: 'root', children: [...(opened ? [emptyDiv()] : []), ...tree.children.slice(start, end)] };
      const parsed = raw(run, { file }) as Root;
      tree.children.splice(start, end - start, ...parsed.children.slice(opened ? 1 : 0));
      next = start;
    }
    for (const node of tree.children.slice(0, next)) asParsed(node);
    return tree;
  };
}

const emptyDiv = (): Element => ({ type: 'element', tagName: 'div', properties: {}, children: [] });

/** Whether a node gives the parser a start tag: an element, or raw HTML with one. */
const hasStartTag = (node: RootContent): boolean =>
  node.type === 'element' ||
  (node.type === 'raw' && [...node.value.matchAll(MARKUP)].some(([, closing, name]) => name && !closing)) ||
  ('children' in node && node.children.some(hasStartTag));

/** Elements whose first line break the HTML parser drops. */
const NEWLINE_DROPPED = new Set(['pre', 'listing', 'textarea']);

/**
 * What the parser changes in a tree without raw HTML: the line break that starts a `<pre>`'s text,
 * also inside the elements it opens first (`<pre><code>` of a code block whose first line is blank).
 */
function asParsed(node: RootContent): void {
  if (node.type !== 'element') return;
  if (NEWLINE_DROPPED.has(node.tagName)) dropFirstNewline(node);
  for (const child of node.children) asParsed(child);
}

function dropFirstNewline(element: Element): void {
  const first = element.children.find((child) => child.type !== 'text' || child.value !== '');
  if (first?.type === 'text' && first.value.startsWith('\n')) first.value = first.value.slice(1);
  else if (first?.type === 'element' && first.children.length > 0) dropFirstNewline(first);
}

/** Elements that close no start tag (the HTML standard's void elements). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * Elements whose parsing is not local: raw text (script, style), foster parenting (tables), the
 * form pointer, foreign content, a document's own elements. Their run goes on to the end.
 */
const FAR_REACHING = new Set([
  'body',
  'caption',
  'col',
  'colgroup',
  'form',
  'frame',
  'frameset',
  'head',
  'html',
  'iframe',
  'math',
  'noembed',
  'noframes',
  'noscript',
  'optgroup',
  'option',
  'plaintext',
  'script',
  'select',
  'style',
  'svg',
  'table',
  'tbody',
  'td',
  'template',
  'textarea',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'xmp',
]);

/**
 * A comment, a declaration or processing instruction, or a start or end tag whose attribute values
 * may hold `>` inside quotes; any other `<` followed by a letter, `/`, `!` or `?` is not followed.
 */
const MARKUP =
  /<!--[\s\S]*?-->|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?)>|<[a-zA-Z/!?]/g;

/** Elements the parser opens again in the blocks after their own (the list of active formatting elements). */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);

/** Start tags that close an open paragraph and so are not inside the element they were written in. */
const CLOSES_PARAGRAPH = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'ul',
]);

/** Elements a `</p>` cannot see past (the parser's scopes): a paragraph's end leaves them open. */
const SCOPE_BOUNDARIES = new Set(['applet', 'button', 'marquee', 'object']);

/** Whether a start tag inside a Markdown element takes what follows out of that element, or out of its end tag's reach. */
const leavesItsParent = (tag: string) => CLOSES_PARAGRAPH.has(tag) || SCOPE_BOUNDARIES.has(tag) || tag === 'hr';

/** The elements left open after reading `html`, given those open before; undefined when not sure. */
function openAfter(html: string, open: string[], started: string[], floor: number): string[] | undefined {
  for (const match of html.matchAll(MARKUP)) {
    const [text, closing, name] = match;
    if (!name) {
      if (text.length === 2) return undefined;
      continue;
    }
    const tag = name.toLowerCase();
    if (FAR_REACHING.has(tag)) return undefined;
    if (closing) {
      // A stray or misnested end tag: the parser's answer depends on more than this run. So does an
      // end tag inside a Markdown element for an element opened before it (below `floor`): the
      // parser may ignore it (`</span>` in a paragraph) or close the paragraph too (`</div>`).
      if (open.length <= floor || open.at(-1) !== tag) return undefined;
      open.pop();
    } else {
      started.push(tag);
      if (!VOID.has(tag)) open.push(tag);
    }
  }
  return open;
}

/** The raw HTML values in a node, in document order. */
function rawValues(node: RootContent, into: string[] = []): string[] {
  if (node.type === 'raw') into.push(node.value);
  else if ('children' in node) for (const child of node.children) rawValues(child, into);
  return into;
}

/** The runs `[start, end)` of top-level nodes the HTML parser must read together. */
export function rawRuns(children: readonly RootContent[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let open: string[] = [];
  let start = -1;
  for (let index = 0; index < children.length; index++) {
    const values = rawValues(children[index]!);
    if (values.length === 0 && start < 0) continue;
    if (start < 0) start = index;
    const before = open.length;
    const started: string[] = [];
    for (const value of values) {
      const after = openAfter(value, open, started, children[index]!.type === 'element' ? before : 0);
      if (!after) return [...runs, [start, children.length]];
      open = after;
    }
    // Inline raw HTML left open inside a Markdown element (`<branch>` in a paragraph, a path's
    // placeholder) ends with it: its end tag pops them, unless one of them, or any tag before,
    // moved out of it (a block element closes the paragraph it is written in).
    // Formatting elements are opened again after it.
    if (children[index]!.type === 'element' && open.length > before && !started.some(leavesItsParent) && !open.slice(before).some((tag) => FORMATTING.has(tag)))
      open = open.slice(0, before);
    if (open.length === 0) {
      runs.push([start, index + 1]);
      start = -1;
    }
  }
  if (start >= 0) runs.push([start, children.length]);
  return runs;
}
