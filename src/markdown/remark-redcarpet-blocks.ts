import type { Code, Heading, InlineCode, List, ListItem, Paragraph, Parent, PhrasingContent, Root, Table, Text } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { parseLinesAfter } from './reparse';
import { splitSetextHeadings } from './redcarpet-setext';
import { pageContext, report } from './context';
import { walk } from './walk';

/**
 * Where Slate's Redcarpet read a block otherwise than CommonMark: lines it read as text of the block
 * above them, where CommonMark starts a new block (a heading line right under a list item, a code
 * fence or a list right under a paragraph line), an empty heading line, of which it made nothing,
 * and a setext heading under a paragraph, of which it made only the last line a heading.
 */
export default function remarkRedcarpetBlocks(this: Processor) {
  // The lines after a table's end are parsed again by this same processor (with Slate's dialect).
  const parse = (text: string) => this.parse(text) as Root;
  return (tree: Root, file: VFile) => {
    if (!pageContext(file).slate) return;
    // Split only when a line is asked for: most files have neither case (GitHub's 19.5 MB through Widdershins).
    let lines: string[] | undefined;
    const lineAt = (line: number) => (lines ??= String(file.value ?? '').split('\n'))[line - 1] ?? '';
    dropEmptyHeadings(tree);
    splitSetextHeadings(tree, String(file.value ?? ''), lineAt);
    endTablesAtLinesWithoutPipes(tree, lineAt, parse);
    joinHeadingsToListItems(tree, file, lineAt);
    reportBlocksAfterParagraphs(tree, file, lineAt);
    reportLinksAcrossLines(tree, file);
    joinDataImagesAcrossLines(tree, file);
    joinLinksAcrossLines(tree, file);
    trimCodeSpans(tree);
  };
}

/** `](` and a destination broken by a line break before its `)`. */
const DESTINATION_ACROSS_LINES = /\]\(([^\s()]*)\n[ \t]*([^\s()]*)\)/g;

/**
 * In Slate's format, a link whose destination goes on past the end of its line
 * (`[the period](#the-contract-` then `period)`) was a link in Slate to a target with a line break
 * in it (`#the-contract-%0Aperiod`), which went nowhere; CommonMark allows no line break there, so
 * Shale shows the text as written. Either way the reader had no working link: the warning says so.
 */
function reportLinksAcrossLines(tree: Root, file: VFile): void {
  if (!/\]\([^\s()]*\n/.test(String(file.value ?? ''))) return;
  walk(tree, (node) => {
    if (node.type !== 'text') return;
    const { value, position } = node as Text;
    for (const found of value.matchAll(DESTINATION_ACROSS_LINES)) {
      // A data: URL broken across lines (an image's base64) is no link to a place; and browsers skip its line breaks.
      if (/^data:/i.test(found[1]!)) continue;
      const line = (position?.start.line ?? 0) + (value.slice(0, found.index).match(/\n/g)?.length ?? 0);
      report(file, 'slate-link-across-lines', line, { destination: `${found[1]}${found[2]}`, broken: `${found[1]}%0A${found[2]}` });
    }
  });
}

/**
 * Redcarpet trimmed every blank off both ends of a code span (```` ``CTA `` ````, `` ` id` ``);
 * CommonMark takes off one a side, and only when both sides have one, so the code showed a gap.
 */
function trimCodeSpans(tree: Root): void {
  walk(tree, (node) => {
    if (node.type === 'inlineCode') (node as InlineCode).value = (node as InlineCode).value.replace(/^ +| +$/g, '');
  });
}

/** `![alt](data:…` whose destination goes on over lines before its `)`. */
const DATA_IMAGE_ACROSS_LINES = /!\[([^[\]\n]*)\]\((data:[^\s()]*(?:\n[ \t]*[^\s()]*)+)\)/gi;

/**
 * In Slate's format, an image whose `data:` URL is broken across lines (a base64 image pasted with
 * a line break after `base64,`) was an image in Slate: Redcarpet kept the line breaks in the URL, as
 * `%0A`, and browsers skip white space in base64. CommonMark allows no line break there and showed
 * the Markdown as text (AutoScout24's docs); the image is made as Slate made it, its URL without the
 * breaks. (A link to a place broken so went nowhere in Slate: reportLinksAcrossLines warns.)
 */
function joinDataImagesAcrossLines(tree: Root, file: VFile): void {
  if (!/\]\(data:[^\s()]*\n/i.test(String(file.value ?? ''))) return;
  replaceInText(tree, '](data:', DATA_IMAGE_ACROSS_LINES, (found) => ({ type: 'image', url: found[2]!.replace(/\s+/g, ''), alt: found[1]! }));
}

/**
 * Link (or image) text, over lines or not, then its destination on the next line (`[here]`, then
 * `(https://…)`): a URL, a path or an anchor, its parentheses balanced.
 */
const LINK_ACROSS_LINES = /(!?)\[([^[\]]+)\][ \t]*\n[ \t]*\(((?:[A-Za-z][A-Za-z0-9+.-]*:|[#/]|\.\.?\/)(?:[^\s()]|\([^\s()]*\))*)\)/g;

/**
 * In Slate's format, link text and its destination on the next line (`[here]`, then
 * `(https://…/swagger.json)`) were a link to Redcarpet, which let blanks and a line break come
 * between them; CommonMark shows both as text (Hyperads' docs: six screenshots as text).
 */
function joinLinksAcrossLines(tree: Root, file: VFile): void {
  if (!/\][ \t]*\n[ \t]*\(/.test(String(file.value ?? ''))) return;
  replaceInText(tree, '\n', LINK_ACROSS_LINES, ([, bang, label, url]) =>
    bang ? { type: 'image', url: url!, alt: label! } : { type: 'link', url: url!, children: [{ type: 'text', value: label! }] },
  );
}

/**
 * Where `written`, found at `index` of a text node's value, is in the file: for a problem found in
 * it later (a missing image, a broken #link), and for the HTML parser, which wants offsets. Counted
 * on the value, as written in the file when the text has no escapes or references.
 */
function positionIn(text: Text, index: number, written: string): Pick<Text, 'position'> {
  const start = text.position?.start;
  if (start?.offset === undefined) return {};
  const at = (end: number) => {
    const before = text.value.slice(0, end);
    const lines = before.split('\n');
    const column = lines.length > 1 ? lines.at(-1)!.length + 1 : start.column + end;
    return { line: start.line + lines.length - 1, column, offset: start.offset! + end };
  };
  return { position: { start: at(index), end: at(index + written.length) } };
}

/** Each text node holding `marker` with the matches of `pattern` in it made nodes by `make`. */
function replaceInText(tree: Root, marker: string, pattern: RegExp, make: (found: RegExpMatchArray) => PhrasingContent): void {
  const found: Array<{ text: Text; parent: Parent }> = [];
  walk(tree, (node, _index, parent) => {
    if (node.type === 'text' && parent && (node as Text).value.includes(marker)) found.push({ text: node as Text, parent: parent as Parent });
  });
  for (const { text, parent } of found) {
    const pieces: PhrasingContent[] = [];
    let last = 0;
    for (const match of text.value.matchAll(pattern)) {
      if (match.index > last) pieces.push({ type: 'text', value: text.value.slice(last, match.index) });
      pieces.push({ ...make(match), ...positionIn(text, match.index, match[0]) });
      last = match.index + match[0].length;
    }
    if (pieces.length === 0) continue;
    if (last < text.value.length) pieces.push({ type: 'text', value: text.value.slice(last) });
    const siblings = parent.children as PhrasingContent[];
    siblings.splice(siblings.indexOf(text), 1, ...pieces);
  }
}

/**
 * In Slate's format, a heading line written right under a list item, with no blank line between
 * (`- timestamp is required` then `### Parameters`), is text of that item, as Slate's Redcarpet read
 * it: the item of a tight list runs on until a blank line or the next item, and its text is inline
 * Markdown. CommonMark ends the list there and makes a heading, which Slate never had: the headings
 * after it with the same text got other ids than Slate's (`parameters-2` for Slate's `parameters`), and
 * deep links into the docs went elsewhere. So the line joins the item's text as Slate showed it, a
 * list CommonMark starts again right after it joins the first one, as Redcarpet's did, and a warning
 * says how to make it the heading its writer meant. Units are cut only after a blank line
 * (render-units.ts), so a list and the line under it are always parsed together.
 */
function joinHeadingsToListItems(tree: Root, file: VFile, lineAt: (line: number) => string): void {
  const children = tree.children;
  for (let index = 1; index < children.length; index++) {
    const list = children[index - 1]!;
    const heading = children[index]!;
    if (list.type !== 'list' || heading.type !== 'heading' || !isTight(list)) continue;
    const line = heading.position?.start.line;
    if (line === undefined || line !== (list.position?.end.line ?? 0) + 1) continue;
    const paragraph = list.children.at(-1)?.children.at(-1);
    if (paragraph?.type !== 'paragraph') continue;
    const written = lineAt(line);
    const hashes = /^ {0,3}(#{1,6})[ \t]*/.exec(written)?.[0] ?? '';
    appendLine(paragraph, hashes.trimStart(), heading);
    // The item runs on over the line: a second heading line right under it joins it too.
    if (list.position && heading.position) list.position.end = heading.position.end;
    report(file, 'slate-heading-in-list', line, { heading: written.trim() });
    children.splice(index, 1);
    // A list started again on the next line is the same list in Redcarpet.
    const next = children[index];
    if (next?.type === 'list' && next.ordered === list.ordered && next.position?.start.line === line + 1 && isTight(next)) {
      list.children.push(...next.children);
      if (list.position && next.position) list.position.end = next.position.end;
      children.splice(index, 1);
    }
    // The joined list may be followed by another such line.
    index--;
  }
}

/**
 * In Slate's format a table ends at the first line without a pipe, as Redcarpet's did: `list is
 * made of:` right under the last row was a paragraph in Slate, where GFM makes it a row of one cell.
 * The table keeps the rows above it; the lines from it on are parsed again.
 */
function endTablesAtLinesWithoutPipes(tree: Root, lineAt: (line: number) => string, parse: (text: string) => Root): void {
  const children = tree.children;
  for (let index = 0; index < children.length; index++) {
    const table = children[index]!;
    if (table.type !== 'table' || !table.position) continue;
    const cut = table.children.findIndex((row, rowIndex) => rowIndex > 0 && row.position !== undefined && !lineAt(row.position.start.line).includes('|'));
    if (cut < 0) continue;
    const first = table.position.start.line;
    const lines = Array.from({ length: table.position.end.line - first + 1 }, (_, i) => lineAt(first + i));
    const { offset, column } = table.position.start;
    const lineStart = { line: first, offset: offset === undefined ? undefined : offset - (column - 1) };
    const rest = parseLinesAfter(parse, lines, table.children[cut]!.position!.start.line - first, lineStart);
    const kept: Table = { ...table, children: table.children.slice(0, cut) };
    kept.position = { start: table.position.start, end: table.children[cut - 1]!.position?.end ?? table.position.end };
    children.splice(index, 1, kept, ...rest);
  }
}

/** An empty heading line (`##`, `## `, `# #`): Redcarpet wrote nothing for it, so neither does Slate's format. */
function dropEmptyHeadings(tree: Root): void {
  if (tree.children.some((node) => node.type === 'heading' && node.children.length === 0))
    tree.children = tree.children.filter((node) => node.type !== 'heading' || node.children.length > 0);
}

/** A list without blank lines between or inside its items: Redcarpet reads each item's text inline. */
const isTight = (list: List) => list.spread !== true && list.children.every((item) => item.spread !== true);

/** The heading's line as text at the end of the paragraph, on a line of its own: its hashes, then its inline content. */
function appendLine(paragraph: Paragraph, hashes: string, heading: Heading): void {
  const content: PhrasingContent[] = [{ type: 'text', value: `\n${hashes}` }, ...heading.children];
  paragraph.children.push(...content);
  if (paragraph.position && heading.position) paragraph.position.end = heading.position.end;
}

/** A fence opening a line (behind no container): ``` or ~~~, three or more. */
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * In Slate's format, a fenced code block or a list started on the line right under a paragraph's
 * (or a block quote's), with no blank line between (`Request:`, then ```` ```shell ````; `Match:`,
 * then `- name`), was text of that paragraph in Slate: Redcarpet ends a paragraph at a fence or a
 * list only with `lax_spacing`, which Slate's config.rb does not set, so the reader saw the code run
 * into the sentence as inline code, and the list's markers as written. The block its writer meant is
 * shown, and a warning says Slate needed the blank line. No id depends on it. So is a block quote
 * right under an item of a tight list (`* You may create …`, then `> e.g. POST …`): Slate showed its
 * lines as text of the item, the `>` as written; Shale shows the quote (in the code column).
 */
function reportBlocksAfterParagraphs(tree: Root, file: VFile, lineAt: (line: number) => string): void {
  const children = tree.children;
  for (let index = 1; index < children.length; index++) {
    const block = children[index]!;
    const above = children[index - 1]!;
    const line = block.position?.start.line;
    if (line === undefined || line !== (above.position?.end.line ?? 0) + 1) continue;
    if (block.type === 'blockquote' && above.type === 'list' && isTight(above)) {
      report(file, 'slate-quote-after-list-item', line, { shown: lineAt(line).trim() });
      continue;
    }
    if (block.type === 'table' && above.type === 'paragraph') {
      report(file, 'slate-table-after-paragraph', line, { shown: lineAt(line).trim() });
      continue;
    }
    if ((block.type !== 'code' && block.type !== 'list') || (above.type !== 'paragraph' && above.type !== 'blockquote')) continue;
    if (block.type === 'list') {
      if (above.type === 'paragraph') report(file, 'slate-list-after-paragraph', line, { shown: lineAt(line).trim() });
      continue;
    }
    reportFence(block, file, lineAt);
  }
  // A fence right under a list item's text was text of the item in Slate too (a nested list there is not: Redcarpet nested it).
  walk(tree, (node) => {
    if (node.type !== 'listItem') return;
    const children = (node as ListItem).children;
    for (let index = 1; index < children.length; index++) {
      const block = children[index]!;
      const above = children[index - 1]!;
      if (block.type === 'code' && above.type === 'paragraph' && block.position?.start.line === (above.position?.end.line ?? 0) + 1)
        reportFence(block, file, lineAt);
    }
  });
}

/** The warning for a fenced code block that starts right under a line of text (not an indented one: no fence). */
function reportFence(block: Code, file: VFile, lineAt: (line: number) => string): void {
  const start = block.position!.start;
  const opening = FENCE_LINE.exec(lineAt(start.line).slice(start.column - 1));
  if (opening) report(file, 'slate-fence-after-paragraph', start.line, { shown: `${opening[1]}${block.lang ?? ''}` });
}
