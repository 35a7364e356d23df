import type { Html, Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { parseLinesAfter } from './reparse';

/** A fence's opening or closing line: its run of backticks or tildes, and what follows. */
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Elements with no content and no closing tag that can start an HTML block. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Whether the lines leave a fenced code block open at their end. */
function leavesFenceOpen(lines: readonly string[]): boolean {
  let open: string | undefined;
  for (const line of lines) {
    const fence = FENCE_LINE.exec(line);
    if (!fence) continue;
    const [, run, after] = fence as unknown as [string, string, string];
    if (open === undefined) {
      if (!(run[0] === '`' && after.includes('`'))) open = run;
    } else if (run[0] === open[0] && run.length >= open.length && !after.trim()) open = undefined;
  }
  return open !== undefined;
}

/**
 * Where a raw HTML block ends, as Redcarpet (Slate's parser) decides: at the end of the line that
 * closes its first element. CommonMark instead runs an HTML block on to the next blank line, so in
 *
 *     <aside class="warning">Remove read-only properties.</aside>
 *     > After saving, the file looks like this:
 *
 * the note would be swallowed as raw text instead of becoming a blockquote in the code column.
 * The lines after the closing tag are parsed again as Markdown and put after the HTML.
 *
 * (A line that opens an element Redcarpet did not take for a block, `<img …/>`, starts no HTML block
 * in Slate's format at all: micromark-redcarpet-html.ts.)
 * (Markdown pages only: MDX has JSX, not HTML blocks.)
 */
export default function remarkHtmlBlockEnd(this: Processor) {
  // The rest of a block is parsed again by this same processor (with Slate's dialect).
  const parse = (text: string) => this.parse(text) as Root;
  return (tree: Root, file: VFile) => {
    // The lines after the block's element, or undefined; `toEnd`: the rest of the file, not only the block's.
    const split = (node: Html): { head: Html; rest: number; toEnd: boolean } | undefined => {
      const start = node.position?.start;
      if (!start || start.column !== 1) return undefined;
      const tag = /^ {0,3}<([a-z][a-z0-9-]*)[\s>/]/i.exec(node.value)?.[1];
      if (!tag) return undefined;
      const lines = node.value.split('\n');
      const closesAtEnd = new RegExp(`</${tag}\\s*>\\s*$`, 'i');
      const closesAtStart = new RegExp(`^</${tag}\\s*>\\s*$`, 'i');
      // Redcarpet looks for the closing tag at the start of a later line first, then anywhere. A
      // void element (`<hr>`) closes where it opens: `## GET /user` under it is a heading.
      let last =
        VOID_ELEMENTS.has(tag.toLowerCase()) || closesAtEnd.test(lines[0]!) ? 0 : lines.findIndex((line, index) => index > 0 && closesAtStart.test(line));
      if (last < 0) last = lines.findIndex((line, index) => index > 0 && closesAtEnd.test(line));
      if (last < 0 || last === lines.length - 1) return undefined;
      const after = lines.slice(last + 1);
      if (!after.join('\n').trim()) return undefined;
      const head = lines.slice(0, last + 1).join('\n');
      const end = { line: start.line + last, column: lines[last]!.length + 1, offset: start.offset === undefined ? undefined : start.offset + head.length };
      // CommonMark ended the block at a blank line: one inside a fence that starts after the
      // element (`<aside>…</aside>`, then code with a blank line) cut the code, and the nodes
      // parsed after it are wrong too. The rest of the file is parsed again then.
      return { head: { ...node, value: head, position: { start, end } }, rest: start.line + last, toEnd: leavesFenceOpen(after) };
    };
    let fileLines: string[] | undefined;
    for (let index = 0; index < tree.children.length; index++) {
      const node = tree.children[index]!;
      if (node.type !== 'html') continue;
      const found = split(node);
      if (!found) continue;
      // Without the file's text (a tree run on its own), the block's own lines are all there is.
      if (!file.value) found.toEnd = false;
      const lines = found.toEnd ? (fileLines ??= String(file.value ?? '').split('\n')) : node.value.split('\n');
      const first = found.toEnd ? { line: 1, offset: 0 } : node.position!.start;
      const rest = parseLinesAfter(parse, lines, found.rest - first.line + 1, first);
      // The parsed rest may hold another HTML block: the loop reaches it next.
      tree.children.splice(index, found.toEnd ? tree.children.length - index : 1, found.head, ...rest);
    }
  };
}
