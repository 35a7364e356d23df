import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

/**
 * HTML with holes where the settle step writes: a heading's id, or the address of a `#link` (which
 * may move to another page of a split set). A Markdown file is rendered and cached on its own,
 * before the page it belongs to is settled, so its HTML keeps the holes, not placeholder text:
 * nothing is ever found again by searching the HTML, so text that merely looks like a link (in
 * inline code, in a `text` fence) can never be rewritten.
 */
export interface Template {
  /** The HTML around the holes: one more than the holes. */
  chunks: string[];
  holes: Hole[];
}

/**
 * A hole: a heading's id (by its index in the file's headings), another element's id (by its index
 * in the file's ids: a repeated one is renamed in Slate's own format), or a link's address as written
 * (already escaped as an attribute value).
 */
export type Hole = { heading: number } | { id: number } | { link: number; href: string };

/** An attribute of an element of the tree that becomes a hole. */
export interface Mark {
  node: Element;
  attribute: 'id' | 'href';
  hole: Hole;
}

/** Private-use characters, one of which marks the holes: the first that the tree's text does not hold. */
const FIRST_MARKER = 0xe000;
const LAST_MARKER = 0xf8ff;

/**
 * Serialises a tree with holes at the marked attributes. Each marked attribute is written as a
 * marker character around the hole's number; the HTML is then cut at that character. A marker the
 * text already holds would cut it in the wrong places: the cut is checked to give exactly two
 * markers per hole, and otherwise made again with the next private-use character.
 */
export function templateOf(tree: Root | Element, marks: readonly Mark[]): Template {
  if (marks.length === 0) return { chunks: [toHtml(tree, { allowDangerousHtml: true })], holes: [] };
  const original = marks.map(({ node, attribute }) => node.properties[attribute]);
  try {
    for (let code = FIRST_MARKER; code <= LAST_MARKER; code++) {
      const marker = String.fromCharCode(code);
      marks.forEach(({ node, attribute }, index) => (node.properties[attribute] = `${marker}${index}${marker}`));
      const pieces = toHtml(tree, { allowDangerousHtml: true }).split(marker);
      if (pieces.length !== marks.length * 2 + 1) continue;
      const chunks: string[] = [];
      const holes: Hole[] = [];
      pieces.forEach((piece, index) => {
        if (index % 2 === 0) chunks.push(piece);
        else holes.push(marks[Number(piece)]!.hole);
      });
      return { chunks, holes };
    }
    throw new Error('every private-use character is in the text: no marker is left for the holes of the HTML');
  } finally {
    marks.forEach(({ node, attribute }, index) => (node.properties[attribute] = original[index]));
  }
}

/**
 * A fragment of HTML (a toc_footers entry) with a hole at each link written as `#…`, and the
 * decoded anchor of each hole in order: a split page points them at the page that holds the id.
 */
export function linkTemplate(html: string): { template: Template; anchors: string[] } {
  const tree = fromHtml(html, { fragment: true });
  const marks: Mark[] = [];
  const anchors: string[] = [];
  visit(tree, 'element', (element: Element) => {
    const href = element.tagName === 'a' ? element.properties.href : undefined;
    if (typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return;
    marks.push({ node: element, attribute: 'href', hole: { link: marks.length, href: attributeText(href) } });
    anchors.push(safeDecode(href.slice(1)));
  });
  return { template: templateOf(tree, marks), anchors };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The HTML of a template with its holes filled. `inside` may give HTML to put first inside the
 * element whose attribute a hole is (a heading's other id: settle-page.ts, aliases).
 */
export function fillTemplate(template: Template, fill: (hole: Hole) => string, inside?: (hole: Hole) => string | undefined): string {
  let html = template.chunks[0]!;
  for (let index = 0; index < template.holes.length; index++) {
    const hole = template.holes[index]!;
    const chunk = template.chunks[index + 1]!;
    const first = inside?.(hole);
    const at = first ? startTagEnd(chunk) : -1;
    html += fill(hole) + (at < 0 ? chunk : chunk.slice(0, at) + first + chunk.slice(at));
  }
  return html;
}

/**
 * Where the start tag ends in the HTML that follows a hole in an attribute: after the `>` that is
 * outside the attributes' values (the serialiser writes every value between double quotes, and the
 * hole's own value closes first). -1 when the tag does not end there.
 */
function startTagEnd(chunk: string): number {
  let quoted = true;
  for (let at = 0; at < chunk.length; at++) {
    const char = chunk[at];
    if (char === '"') quoted = !quoted;
    else if (char === '>' && !quoted) return at + 1;
  }
  return -1;
}

/** Its size in UTF-8 bytes as written, without the ids the page gives its headings. */
export const templateBytes = (template: Template): number =>
  template.chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0) +
  template.holes.reduce((sum, hole) => sum + ('href' in hole ? Buffer.byteLength(hole.href) : 0), 0);

/** How many elements its HTML has: its start tags (`<` and a letter). */
export function templateElements(template: Template): number {
  let count = 0;
  for (const chunk of template.chunks) {
    for (let at = chunk.indexOf('<'); at !== -1; at = chunk.indexOf('<', at + 1)) {
      const next = chunk.charCodeAt(at + 1);
      if ((next >= 97 && next <= 122) || (next >= 65 && next <= 90)) count++;
    }
  }
  return count;
}

/** An attribute value as the serialiser writes it between double quotes (the way holes are filled with written text). */
export function attributeText(value: string): string {
  // Slate's ids and most others need no escaping: skip the serialiser for them.
  if (/^[\w.:/#-]*$/.test(value)) return value;
  const html = toHtml({ type: 'element', tagName: 'a', properties: { href: value }, children: [] });
  return html.slice('<a href="'.length, -'"></a>'.length);
}
