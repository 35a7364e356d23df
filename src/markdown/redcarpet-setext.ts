import type { Heading, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { NO_SHINS_ID } from './shins-heading';

/** A setext heading's underline: `===` (h1) or `---` (h2). */
const UNDERLINE = /^(?:[ \t]*>)*[ \t]{0,3}(?:=+|-+)[ \t]*$/;

/** The blocks that can hold a heading: a heading sits only in these. */
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem']);

/**
 * In Slate's format, a setext heading under a paragraph of several lines was the last line alone:
 * Redcarpet made the lines above it a paragraph ("Use the token below.", "Errors", then `------`
 * is a paragraph and an h2 "Errors" with the id `errors`). CommonMark makes every line the heading,
 * so its id, its TOC entry and its links were the whole paragraph's. Left as it is when the last
 * line break is inside a link or emphasis that starts on a line above (Redcarpet never saw such a
 * span whole: it parsed the two parts apart), which no source in the sweeps had.
 */
export function splitSetextHeadings(tree: Root, source: string, lineAt: (line: number) => string): void {
  const visit = (parent: Parent) => {
    for (let index = parent.children.length - 1; index >= 0; index--) {
      const node = parent.children[index]!;
      if (CONTAINERS.has(node.type)) visit(node as Parent);
      if (node.type !== 'heading') continue;
      const split = splitHeading(node, source, lineAt);
      if (split) parent.children.splice(index, 1, ...(split as RootContent[]));
    }
  };
  visit(tree);
}

/** The paragraph and the heading a multi-line setext heading was to Redcarpet, or undefined. */
function splitHeading(heading: Heading, source: string, lineAt: (line: number) => string): [Paragraph, Heading] | undefined {
  const { start, end } = heading.position ?? {};
  if (!start || !end || end.line - start.line < 2 || !UNDERLINE.test(lineAt(end.line))) return undefined;
  // The last line break among the heading's own children: a `break` (two blanks at a line end) or one in a text.
  for (let index = heading.children.length - 1; index >= 0; index--) {
    const child = heading.children[index]!;
    if (child.type === 'break') return parts(heading, heading.children.slice(0, index), heading.children.slice(index + 1));
    if (child.type !== 'text') {
      if ((child.position?.start.line ?? end.line) < end.line - 1) return undefined;
      continue;
    }
    const at = child.value.lastIndexOf('\n');
    if (at < 0) continue;
    const [before, after] = cutText(child, at, source);
    return parts(heading, [...heading.children.slice(0, index), ...before], [...after, ...heading.children.slice(index + 1)]);
  }
  return undefined;
}

/** A text cut at its line break `at`: the text before it and the text after it (either may be none), with their places in the file. */
function cutText(text: Text, at: number, source: string): [Text[], Text[]] {
  const value = { before: text.value.slice(0, at).replace(/[ \t]+$/, ''), after: text.value.slice(at + 1).replace(/^[ \t]+/, '') };
  const { start, end } = text.position ?? {};
  // Where the line break is in the file (the text's source may hold escapes and references: rehype-collect-headings.ts reads it).
  const written = start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset) : undefined;
  const lineBreak = written?.lastIndexOf('\n') ?? -1;
  const place = (from: number, to: number, line: number, column: number) =>
    start?.offset === undefined
      ? {}
      : { position: { start: { line, column, offset: start.offset + from }, end: { line, column: column + to - from, offset: start.offset + to } } };
  const before: Text[] = value.before ? [{ type: 'text', value: value.before, ...(lineBreak < 0 ? {} : place(0, lineBreak, start!.line, start!.column)) }] : [];
  const afterFrom = lineBreak < 0 ? -1 : lineBreak + 1 + (/^[ \t]*/.exec(written!.slice(lineBreak + 1))?.[0].length ?? 0);
  const after: Text[] = value.after ? [{ type: 'text', value: value.after, ...(afterFrom < 0 ? {} : place(afterFrom, written!.length, end!.line, 1)) }] : [];
  return [before, after];
}

/** The paragraph of the lines above and the heading of the last one, each where it is in the file. */
function parts(heading: Heading, above: PhrasingContent[], last: PhrasingContent[]): [Paragraph, Heading] | undefined {
  if (above.length === 0 || last.length === 0) return undefined;
  const { start, end } = heading.position!;
  const paragraph: Paragraph = { type: 'paragraph', children: above, position: { start, end: { line: end.line - 2, column: 1 } } };
  // Shins' markdown-it made the whole paragraph the heading, on several lines, which it gave no id.
  const data = { ...heading.data, hProperties: { ...heading.data?.hProperties, [NO_SHINS_ID]: true } };
  return [paragraph, { ...heading, data, children: last, position: { start: { line: end.line - 1, column: 1 }, end } }];
}
