import type { Code, Root, Table, TableCell, TableRow } from 'mdast';
import { walk } from './walk';

/**
 * Lines held out of the Markdown parser (micromark, then mdast-util-from-markdown), where Shale can
 * make their nodes itself, the same as the parser would, for much less. API docs are mostly code
 * and tables.
 *
 * - Fenced code: micromark reads a fence's text one character at a time and makes several events
 *   for each of its lines, only to hand the text back as the code node's value. GitHub's spec
 *   compiles to 25 million characters of Markdown, 10 million of them in fences, which took half of
 *   its parsing time. The lines of each top-level fence (opened in the first column) are replaced by
 *   one line of one placeholder character (the parser's cost is in its lines more than their
 *   characters); after parsing, the code node gets its text back.
 * - Table rows: micromark makes a tokenizer for every cell of a GFM table and splices its events,
 *   so a table costs per cell. GitHub's API through Widdershins has 106,183 rows in 6,803 tables,
 *   and parsed in 21 s with them, 2.7 s without. A body row of a table opened in the first column
 *   that starts with `|` and is plain (no character that can start inline syntax in Slate's
 *   dialect: see isPlain) is removed, line break and all; after parsing, its `tableRow` is made here
 *   (cells split at `|`, as micromark splits them) and put back in its table. The head row and the
 *   delimiter row stay, as does every other row: the parser still decides what the table is.
 *
 * After parsing, every position after a held line gets its line and offset in the real text.
 * Columns do not move.
 *
 * Whether a fence is a fence, or a table a table, depends on what came before it (an HTML block, an
 * HTML comment or an unclosed fence above may swallow it, a list item may take a table's lines as
 * lazy paragraph lines), and this module does not guess: it checks the parser's answer. Every held
 * fence must come back as a top-level code node on exactly its lines, holding exactly its
 * placeholder; every table that rows were taken from must come back as a top-level table opened in
 * the first column of its head line, with a row (or its delimiter row) on each line that held rows
 * followed. Otherwise the caller parses the real text instead. That is enough because micromark decides line by line:
 * the text up to a held line is the real text (earlier held lines were held in both readings); a
 * top-level fence ends at its first closing line in either text, so a fence that parsed as one here
 * is one there; and a line that starts with `|` right after a row of a top-level table is the next
 * row of that table (no other block starts with `|`, and a body row's cells depend on its own line
 * only), after which micromark is where it was after the row above it.
 */
const PLACEHOLDER = '\uE000';

interface HeldFence {
  /** The opening fence's line (1-based) in the text the parser reads; its closing fence is two lines below. */
  openLine: number;
  /** The code's text, as the parser would give it (lines between the fences, without the last line break). */
  value: string;
}

/** A held body row: its text (without the line break), where it starts in the real text. */
interface HeldRow {
  text: string;
  line: number;
  offset: number;
}

/** Body rows held from one run of consecutive lines, and the line of the parsed text they followed. */
interface HeldRun {
  afterLine: number;
  rows: HeldRow[];
}

interface HeldTable {
  /** The head row's line in the text the parser reads. */
  headLine: number;
  runs: HeldRun[];
}

/** Lines and characters of the real text beyond the parsed text's, for every point from `fromLine` of the parsed text on. */
interface Shift {
  fromLine: number;
  lines: number;
  offset: number;
}

export interface HeldText {
  /** The text the parser reads. */
  text: string;
  fences: HeldFence[];
  tables: HeldTable[];
  /** In the order of their lines. */
  shifts: Shift[];
}

const TAB = 9;
const SPACE = 32;
const PIPE = 124;
const BACKTICK = 96;
const TILDE = 126;
const OPENING = /^(`{3,}|~{3,})(.*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** A line that may be a table's delimiter row (micromark checks it: this only picks tables worth a try). */
const DELIMITER_ROW = /^ *\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$/;

const mayStartDelimiterRow = (code: number) => code === PIPE || code === 45 /* - */ || code === 58 /* : */ || code === SPACE;

/**
 * Characters a plain row has none of: those that can start inline syntax in Slate's dialect
 * (remark-slate-syntax.ts: CommonMark's code spans, emphasis, links and images, autolinks and raw
 * HTML, character references and escapes; `~~` strikethrough; no bare-URL autolinks), and the
 * whitespace micromark does not keep as it is (a tab). CR and NUL are refused for the whole text.
 * `_` is let through between two ASCII letters or digits (see isPlain).
 */
const NOT_PLAIN = new Uint8Array(128);
for (const character of '`*_~[]!<&\\\t') NOT_PLAIN[character.charCodeAt(0)] = 1;
const UNDERSCORE = 95;

const isAsciiAlphanumeric = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * Whether the line from `start` to `end` is plain text to micromark: no NOT_PLAIN character, but for
 * runs of `_` between two ASCII letters or digits. A run right after an ASCII letter or digit opens
 * no emphasis (Redcarpet's rule, micromark-no-intra-emphasis.ts; CommonMark's rule for `_` keeps a
 * run between two letters from opening too), so when every run in the row is such, none opens and
 * all stay text, as the characters around them do. Rows of snake_case names are common: of the
 * 92,580 body rows of GitHub's API through Widdershins, 33,719 are plain without `_` and 44,305
 * more with it.
 */
function isPlain(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code >= 128 || NOT_PLAIN[code] !== 1) continue;
    if (code !== UNDERSCORE || !isAsciiAlphanumeric(text.charCodeAt(index - 1))) return false;
    while (text.charCodeAt(index + 1) === UNDERSCORE) index++;
    if (index + 1 >= end || !isAsciiAlphanumeric(text.charCodeAt(index + 1))) return false;
  }
  return true;
}

/**
 * The text with its top-level fences' lines and its tables' plain body rows held back, or
 * undefined when there is nothing to hold or the text holds characters the parser rewrites (CR,
 * NUL) or the placeholder itself.
 */
export function holdLines(text: string): HeldText | undefined {
  if (text.includes('\r') || text.includes('\0') || text.includes(PLACEHOLDER)) return undefined;
  const pieces: string[] = [];
  const held: HeldText = { text: '', fences: [], tables: [], shifts: [] };
  let copiedTo = 0;
  let line = 1;
  // Lines of the real text above `line` that the parser does not read.
  let heldLines = 0;
  let start = 0;
  // The table whose body rows the lines are, while they start with `|`, and the run of held rows going on.
  let table: HeldTable | undefined;
  let run: { rows: HeldRow[]; shift: Shift } | undefined;
  // The line right after a table's rows: a row too, or the table's end; no head row either way.
  let afterTable = false;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const first = text.charCodeAt(start);

    if (table) {
      if (first === PIPE) {
        // A row must end with its line break, which goes with it.
        if (end < text.length && isPlain(text, start, end)) {
          if (!run) {
            const shift = { fromLine: line - heldLines, lines: 0, offset: 0 };
            run = { rows: [], shift };
            table.runs.push({ afterLine: line - heldLines - 1, rows: run.rows });
            if (table.runs.length === 1) held.tables.push(table);
            held.shifts.push(shift);
          }
          run.rows.push({ text: text.slice(start, end), line, offset: start });
          run.shift.lines++;
          run.shift.offset += end + 1 - start;
          pieces.push(text.slice(copiedTo, start));
          copiedTo = end + 1;
          heldLines++;
        } else run = undefined;
        start = end + 1;
        line++;
        continue;
      }
      table = undefined;
      run = undefined;
      afterTable = true;
    }

    const opening = first === BACKTICK || first === TILDE ? OPENING.exec(text.slice(start, end)) : null;
    // A backtick fence's info may not hold a backtick: such a line is no fence.
    if (opening && !(first === BACKTICK && opening[2]!.includes('`'))) {
      afterTable = false;
      const fence = opening[1]!;
      const contentStart = end + 1;
      let lines = 0;
      let lineStart = contentStart;
      let closed = false;
      while (lineStart < text.length) {
        let lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd === -1) lineEnd = text.length;
        const closing = CLOSING.exec(text.slice(lineStart, lineEnd));
        if (closing && closing[1]![0] === fence[0] && closing[1]!.length >= fence.length) {
          closed = true;
          break;
        }
        lines++;
        lineStart = lineEnd + 1;
      }
      // Unclosed: the rest of the text is its code, in any reading. Nothing after it is held.
      if (!closed) break;
      if (lines > 0) {
        const value = text.slice(contentStart, lineStart - 1);
        pieces.push(text.slice(copiedTo, contentStart), `${PLACEHOLDER}\n`);
        copiedTo = lineStart;
        const openLine = line - heldLines;
        held.fences.push({ openLine, value });
        held.shifts.push({ fromLine: openLine + 2, lines: lines - 1, offset: value.length - 1 });
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

    // A head row in the first column, then a delimiter row: the lines after it may be body rows.
    if (!afterTable && end > start && first !== SPACE && first !== TAB && end < text.length && mayStartDelimiterRow(text.charCodeAt(end + 1))) {
      let next = text.indexOf('\n', end + 1);
      if (next === -1) next = text.length;
      const delimiterRow = text.slice(end + 1, next);
      if (delimiterRow.includes('|') && DELIMITER_ROW.test(delimiterRow)) {
        table = { headLine: line - heldLines, runs: [] };
        start = next + 1;
        line += 2;
        continue;
      }
    }
    afterTable = false;
    start = end + 1;
    line++;
  }
  if (held.shifts.length === 0) return undefined;
  pieces.push(text.slice(copiedTo));
  held.text = pieces.join('');
  return held;
}

/**
 * Puts the held lines back into the tree parsed from `held.text`: the fences' text, the tables'
 * rows, and every position after them where the real text has it. False when the parser did not
 * read the held lines' surroundings as this module's reading needs (every held fence a top-level
 * code block on its own lines; every table that rows were taken from a top-level table, with a row
 * on each line that held rows followed): the tree is then not the real text's, and must be parsed
 * again from it.
 */
export function restoreHeldLines(tree: Root, held: HeldText): boolean {
  const fencesByLine = new Map(held.fences.map((fence) => [fence.openLine, fence]));
  const tablesByLine = new Map(held.tables.map((table) => [table.headLine, table]));
  const code: Array<[Code, HeldFence]> = [];
  const tables: Array<[Table, HeldTable]> = [];
  for (const node of tree.children) {
    if (!node.position) continue;
    if (node.type === 'code') {
      const fence = fencesByLine.get(node.position.start.line);
      if (!fence) continue;
      if (node.value !== PLACEHOLDER || node.position.end.line !== fence.openLine + 2) return false;
      code.push([node, fence]);
    } else if (node.type === 'table') {
      const table = tablesByLine.get(node.position.start.line);
      if (!table) continue;
      if (node.position.start.column !== 1 || !rowsFollowed(node, table)) return false;
      tables.push([node, table]);
    }
  }
  if (code.length !== held.fences.length || tables.length !== held.tables.length) return false;

  for (const [node, fence] of code) node.value = fence.value;
  shiftPositions(tree, held.shifts);
  for (const [node, table] of tables) putRowsBack(node, table);
  return true;
}

/** Whether each line the table's held rows followed is its delimiter row or one of its rows. */
function rowsFollowed(node: Table, table: HeldTable): boolean {
  const rowLines = new Set<number>([table.headLine + 1]);
  for (const row of node.children) if (row.position) rowLines.add(row.position.start.line);
  return table.runs.every((run) => rowLines.has(run.afterLine));
}

/** Moves every point of the tree on or after a shift's line by that shift and the ones before it. */
function shiftPositions(tree: Root, shifts: Shift[]): void {
  const fromLines = shifts.map((shift) => shift.fromLine);
  const lineShifts: number[] = [];
  const offsetShifts: number[] = [];
  let lines = 0;
  let offset = 0;
  for (const shift of shifts) {
    lineShifts.push((lines += shift.lines));
    offsetShifts.push((offset += shift.offset));
  }
  // How many shifts a point at a given line of the parsed text is past.
  const shiftsBefore = (line: number): number => {
    let low = 0;
    let high = fromLines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (fromLines[middle]! <= line) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const shiftPoint = (point: { line: number; offset?: number }) => {
    const past = shiftsBefore(point.line);
    if (past === 0) return;
    if (point.offset !== undefined) point.offset += offsetShifts[past - 1]!;
    point.line += lineShifts[past - 1]!;
  };
  walk(tree, (node) => {
    if (!node.position) return;
    shiftPoint(node.position.start);
    shiftPoint(node.position.end);
  });
}

/** The table's held rows, among its parsed rows (already at their real lines), and its end at its last row's. */
function putRowsBack(node: Table, table: HeldTable): void {
  const runs = table.runs;
  const children: TableRow[] = [];
  let next = 0;
  for (const row of node.children) {
    while (next < runs.length && runs[next]!.rows[0]!.line < row.position!.start.line) children.push(...runs[next++]!.rows.map(tableRow));
    children.push(row);
  }
  while (next < runs.length) children.push(...runs[next++]!.rows.map(tableRow));
  node.children = children;
  // A table ends where its last row does.
  const end = children[children.length - 1]!.position!.end;
  node.position!.end = { line: end.line, column: end.column, offset: end.offset };
}

/**
 * A plain body row's node, as micromark and mdast-util-gfm-table make it: a cell from each `|` to
 * the next (the last to the line's end, spaces included), but no cell for spaces after the last
 * `|`; a cell's text is its content without the spaces around it (only spaces: micromark keeps any
 * other whitespace, as it keeps tabs out of this row), and an empty cell has no text.
 */
function tableRow(row: HeldRow): TableRow {
  const { text, line, offset } = row;
  const point = (index: number) => ({ line, column: index + 1, offset: offset + index });
  const cells: TableCell[] = [];
  // The row starts with a `|`.
  let pipe = 0;
  for (;;) {
    const nextPipe = text.indexOf('|', pipe + 1);
    const cellEnd = nextPipe === -1 ? text.length : nextPipe;
    let from = pipe + 1;
    let to = cellEnd;
    while (from < to && text.charCodeAt(from) === SPACE) from++;
    while (to > from && text.charCodeAt(to - 1) === SPACE) to--;
    // Spaces after the last `|` belong to the cell before it.
    if (nextPipe === -1 && from === to && cells.length > 0) {
      cells[cells.length - 1]!.position!.end = point(text.length);
      break;
    }
    cells.push({
      type: 'tableCell',
      children: from < to ? [{ type: 'text', value: text.slice(from, to), position: { start: point(from), end: point(to) } }] : [],
      position: { start: point(pipe), end: point(cellEnd) },
    });
    if (nextPipe === -1) break;
    pipe = nextPipe;
  }
  return { type: 'tableRow', children: cells, position: { start: point(0), end: point(text.length) } };
}
