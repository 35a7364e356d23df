import type { Code, Root } from 'mdast';
import { walk } from './walk';

/**
 * The Markdown parser (micromark, then mdast-util-from-markdown) reads a fenced code block's text
 * one character at a time and makes several events for each of its lines, only to hand the text back
 * as the code node's value. API docs are mostly code: GitHub's spec compiles to 25 million
 * characters of Markdown, 10 million of them in fences, which took half of its parsing time.
 *
 * So before parsing, the lines of each top-level fence (opened in the first column) are replaced by
 * one line of one placeholder character (the parser's cost is in its lines more than their
 * characters); after parsing, each such fence's code node gets its own text back, and every
 * position after it its line and offset in the real text. Columns do not move.
 *
 * Whether a fence is a fence depends on what came before it (an HTML block, an HTML comment or an
 * unclosed fence above it may swallow it), and this module does not guess: it checks the parser's
 * answer. Every held fence must come back as a top-level code node on exactly its lines, holding
 * exactly its placeholder; otherwise the caller parses the real text instead. The text up to a
 * held fence is the real text (earlier held fences were code blocks in both), and a top-level fence
 * ends at its first closing line in either text, so a fence that parsed as one here is one there.
 */
const PLACEHOLDER = '\uE000';

interface HeldFence {
  /** The opening fence's line (1-based) in the text the parser reads; its closing fence is two lines below. */
  openLine: number;
  /** The code's text, as the parser would give it (lines between the fences, without the last line break). */
  value: string;
  /** Lines and characters of the real text beyond the placeholder's, for every point after the fence. */
  lineShift: number;
  offsetShift: number;
}

export interface HeldText {
  /** The text the parser reads. */
  text: string;
  fences: HeldFence[];
}

const BACKTICK = 96;
const TILDE = 126;
const OPENING = /^(`{3,}|~{3,})(.*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * The text with its top-level fences' lines held back, or undefined when there is nothing to hold
 * or the text holds characters the parser rewrites (CR, NUL) or the placeholder itself.
 */
export function holdFences(text: string): HeldText | undefined {
  if (text.includes('\r') || text.includes('\0') || text.includes(PLACEHOLDER)) return undefined;
  const pieces: string[] = [];
  const fences: HeldFence[] = [];
  let copiedTo = 0;
  let line = 1;
  // Lines of the real text above `line` that the parser does not read.
  let heldLines = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const first = text.charCodeAt(start);
    const opening = first === BACKTICK || first === TILDE ? OPENING.exec(text.slice(start, end)) : null;
    // A backtick fence's info may not hold a backtick: such a line is no fence.
    if (opening && !(first === BACKTICK && opening[2]!.includes('`'))) {
      const run = opening[1]!;
      const contentStart = end + 1;
      let lines = 0;
      let lineStart = contentStart;
      let closed = false;
      while (lineStart < text.length) {
        let lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd === -1) lineEnd = text.length;
        const closing = CLOSING.exec(text.slice(lineStart, lineEnd));
        if (closing && closing[1]![0] === run[0] && closing[1]!.length >= run.length) {
          closed = true;
          break;
        }
        lines++;
        lineStart = lineEnd + 1;
      }
      // Unclosed: the rest of the text is its code, in any reading. Nothing after it is a fence.
      if (!closed) break;
      if (lines > 0) {
        const value = text.slice(contentStart, lineStart - 1);
        pieces.push(text.slice(copiedTo, contentStart), `${PLACEHOLDER}\n`);
        copiedTo = lineStart;
        fences.push({ openLine: line - heldLines, value, lineShift: lines - 1, offsetShift: value.length - 1 });
        heldLines += lines - 1;
      }
      line += lines + 1;
      // Go on from the closing line's end.
      start = text.indexOf('\n', lineStart);
      if (start === -1) break;
      start++;
      line++;
      continue;
    }
    start = end + 1;
    line++;
  }
  if (fences.length === 0) return undefined;
  pieces.push(text.slice(copiedTo));
  return { text: pieces.join(''), fences };
}

/**
 * Puts the held fences' text back into the tree parsed from `held.text`, and every offset after them
 * where the real text has it. False when the parser did not read every held fence as a top-level
 * code block on its own lines: the tree is then not the real text's, and must be parsed again from it.
 */
export function restoreFences(tree: Root, held: HeldText): boolean {
  const byLine = new Map(held.fences.map((fence) => [fence.openLine, fence]));
  const found: Array<[Code, HeldFence]> = [];
  for (const node of tree.children) {
    if (node.type !== 'code' || !node.position) continue;
    const fence = byLine.get(node.position.start.line);
    if (!fence) continue;
    if (node.value !== PLACEHOLDER || node.position.end.line !== fence.openLine + 2) return false;
    found.push([node, fence]);
  }
  if (found.length !== held.fences.length) return false;
  for (const [node, fence] of found) node.value = fence.value;

  // What a point at a given line of the parsed text has gained: the shifts of the fences closed above it or on it.
  const closeLines = held.fences.map((fence) => fence.openLine + 2);
  const lineShifts: number[] = [];
  const offsetShifts: number[] = [];
  let lines = 0;
  let offset = 0;
  for (const fence of held.fences) {
    lineShifts.push((lines += fence.lineShift));
    offsetShifts.push((offset += fence.offsetShift));
  }
  const closedAbove = (line: number): number => {
    let low = 0;
    let high = closeLines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (closeLines[middle]! <= line) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  walk(tree, (node) => {
    const position = node.position;
    if (!position) return;
    for (const point of [position.start, position.end]) {
      const closed = closedAbove(point.line);
      if (closed === 0) continue;
      if (point.offset !== undefined) point.offset += offsetShifts[closed - 1]!;
      point.line += lineShifts[closed - 1]!;
    }
  });
  return true;
}
