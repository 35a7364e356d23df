import type { Root, RootContent } from 'mdast';
import { walk } from './walk';

/** Where a block's text starts in its file, as unist points give it. */
interface Start {
  line: number;
  offset?: number;
}

/**
 * The blocks of `lines[from…]`, parsed again on their own by `parse`, with the lines and offsets
 * they have in the file whose block starting at `start` held those lines: a plugin that ends a block
 * earlier than CommonMark did (an HTML block, a table) gives back the rest as Markdown.
 */
export function parseLinesAfter(parse: (text: string) => Root, lines: readonly string[], from: number, start: Start): RootContent[] {
  const before = lines.slice(0, from).join('\n');
  const lineShift = start.line + from - 1;
  const offsetShift = start.offset === undefined ? undefined : start.offset + before.length + 1;
  const parsed = parse(lines.slice(from).join('\n'));
  walk(parsed, (child) => {
    if (!child.position) return;
    for (const point of [child.position.start, child.position.end]) {
      point.line += lineShift;
      if (offsetShift === undefined) delete point.offset;
      else if (point.offset !== undefined) point.offset += offsetShift;
    }
  });
  return parsed.children;
}
