import { RedcarpetLists } from './slate-lists';

/**
 * What Slate's Redcarpet read otherwise than CommonMark in a line, written in Slate's format as
 * CommonMark reads what Redcarpet did, before the text is parsed:
 * - A line that starts with one to six `#` is a heading whether or not a space follows them
 *   (`##Story Classification`): `space_after_headers` is not among the options of Slate's config.rb.
 *   CommonMark wants the space, so in Shale such a line was a paragraph, and the links to the heading
 *   Slate made from it pointed nowhere (Accern's public Slate docs have them). It gets its space,
 *   also in a block quote (`> ###API Endpoint:`, 125 times in AutoScout24's docs), and before a
 *   no-break space (`####\u00a0Filtering`), which CommonMark does not count as the space it wants.
 * - `1)` is no list item to Redcarpet, only `1.` is: `1) Set the method:` was a paragraph in Slate,
 *   and CommonMark's ordered list showed it as "1." (WooCommerce-style docs number their steps so).
 *   Its parenthesis is escaped.
 * - A link whose destination has spaces (`[the docs](http://example.com/api docs)`) was a link to
 *   Redcarpet, its spaces sent as `%20`; CommonMark shows it as text. Its destination is put in
 *   `<…>`, where CommonMark allows spaces. Code spans on the line are left as written.
 * - Redcarpet let blanks stand between a link's text and its destination or reference:
 *   `[section 2.1] (https://…)` and `[the guide] [guide]` were links (standards documents cite
 *   RFC sections so). The blanks are removed where the destination is a URL, a path or an
 *   `#anchor`, or the reference is defined in the same text. Anything else stays text:
 *   Redcarpet also made `array[0] (first)` a link to `first`, which nobody meant.
 * - A backslash before `"`, `$`, `%`, `'`, `,`, `/`, `;`, `?` or `@` escaped nothing to Redcarpet
 *   (`{\"value\":1}` showed its backslashes); CommonMark drops it. It is escaped itself.
 * - An HTML line right under a line of a paragraph was text of the paragraph to Redcarpet (see
 *   micromark-redcarpet-html.ts): its backslashes and links are read as the paragraph's.
 * - A table was a table to Redcarpet when its delimiter row had at least as many cells as its
 *   head, each of dashes or colons (`|:-|:-|:-|` under `| A | B |`, or `-|:`): the cells past the
 *   head's were ignored. GFM wants as many, each with a dash, and showed the rows as a paragraph.
 *   The delimiter row is written with the head's cells, each as GFM reads it.
 * - A row of a table that starts with an HTML tag (`<div style="width:80px">Code</div> | Meaning`)
 *   was a row to Redcarpet; CommonMark starts an HTML block there and shows the rest of the table as
 *   text. The row gets a leading `|`, which changes none of its cells.
 * What is not Markdown is left as it is: fenced code (`#!/bin/sh`), raw HTML blocks (`#include` in a
 * `<pre>`) and HTML comments. No line moves, so problems keep their lines.
 */
/**
 * Block-quote markers as Redcarpet took them (at most three spaces before each `>`, one after the
 * last), then the hashes. Each `>` takes the spaces before it, so a line has one way to match.
 */
const HASHES_THEN_TEXT = /^((?:(?: {0,3}>)+ ?)?#{1,6})(?=[^ \t\r\n#])/;
/**
 * `# Generate Access Token#` (after the space above): a heading closed by as many hashes as opened
 * it, with no blank before them, as it was written with none after the opening ones either
 * (`#Generate Access Token#`). Redcarpet dropped the closing run; CommonMark keeps hashes not
 * after a blank as text. (`## Using C#` is left alone: Slate showed "Using C", a slip of Redcarpet.)
 */
const CLOSED_WITHOUT_SPACES = /^((?:(?: {0,3}>)+ ?)?(#{1,6})) (\S.*?[^\s#])\2[ \t]*$/;
/**
 * A link reference definition whose title in parentheses holds parentheses: `[//]: # (a comment
 * (see below))`, the Markdown "comment". Redcarpet took its title up to the line's last `)`, so the
 * line was hidden; CommonMark allows no unescaped parenthesis there and showed the line as text.
 */
const PAREN_TITLE_DEFINITION = /^( {0,3}\[[^\]\n]+\]:[ \t]*\S+[ \t]+\()(.*)(\)[ \t]*)$/;
/**
 * A `1)` item marker, also inside block quotes: what comes before its parenthesis. Each `>` takes
 * the blanks before it, so a line has one way to match (blanks on both sides of an optional `>`,
 * repeated, backtracked exponentially: 25 `>  ` took 3 s).
 */
const PAREN_ITEM = /^((?:[ \t]*>)*[ \t]*\d{1,9})\)(?=[ \t]|$)/;
/**
 * `](` then a destination of two or more runs of characters apart by blanks, an optional quoted
 * title and `)`. The runs have neither quotes nor brackets, and parentheses only after their first
 * character and balanced (`Smartsheet-api-(pro-only)`), so a destination CommonMark already reads as
 * one with a title (`](a "b")`, `](a (b))`) does not match.
 */
const SPACED_DESTINATION =
  /\]\([ \t]*([^\s()<>"'](?:[^\s()<>"']|\([^\s()<>"']*\))*(?:[ \t]+[^\s()<>"'](?:[^\s()<>"']|\([^\s()<>"']*\))*)+)((?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?)[ \t]*\)/g;
/**
 * Link text (one level of brackets inside), blanks, then `(` and a destination that is a URL, a path
 * or an anchor (its parentheses balanced: `Order_(exchange)`), with an optional quoted title and
 * `)`; or `[` and a reference.
 */
const SPACED_INLINE_LINK =
  /(\[[^[\]\n]*(?:\[[^[\]\n]*\][^[\]\n]*)*\])[ \t]+(\([ \t]*(?:[A-Za-z][A-Za-z0-9+.-]*:|[#/]|\.\.?\/)(?:[^\s()]|\([^\s()]*\))*(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\))/g;
const SPACED_REFERENCE_LINK = /(\[[^[\]\n]*(?:\[[^[\]\n]*\][^[\]\n]*)*\])[ \t]+\[([^[\]\n]+)\]/g;
/** A link reference definition's label. */
const DEFINITION = /^ {0,3}\[([^[\]\n]+)\]:/gm;
const CODE_SPAN = /(`+)[^`][\s\S]*?(?<!`)\1(?!`)/g;
/** A backslash that escaped nothing in Redcarpet, as the character it is before (a pair is matched whole, so `\\"` is left alone). */
const ESCAPE_PAIR = /\\([\s\S])/g;
const REDCARPET_UNESCAPED = new Set(['"', '$', '%', "'", ',', '/', ';', '?', '@']);
const ANY_LINE =
  /^(?: {4}| {0,3}\t)[ \t]*(?:[-*+>#]|\d{1,9}[.)])|<[A-Za-z][^<>\n]*[\s"'],[\s/>]|^ {1,3}<[A-Za-z/]|^ {0,3}[-*+][ \t]|^ {1,3}\d{1,9}\.[ \t]|^ {0,3}\[[^\]\n]+\]:[ \t]*\S+[ \t]+\([^\n]*[()][^\n]*\)[ \t]*$|^(?:(?: {0,3}>)+ ?)?#{1,6}[^ \t\r\n#]|^(?:[ \t]*>)*[ \t]*\d{1,9}\)(?:[ \t]|$)|\]\([ \t]*[^\s()<>"']+[ \t]+[^\s()<>"']|\\["$%',/;?@]|\][ \t]+[([]|\S[ \t]*\n {0,3}(?:<[A-Za-z/!?]|`{3}|~{3})/m;
/** A heading line written without a blank after its hashes, with one, and without its closing run if it had one written so. */
const headingAsRedcarpet = (line: string): string =>
  HASHES_THEN_TEXT.test(line) ? line.replace(HASHES_THEN_TEXT, '$1 ').replace(CLOSED_WITHOUT_SPACES, '$1 $3 $2') : line;

/** A line that starts a block other than a paragraph, or ends one (a setext underline, a rule). */
const BLOCK_START = /^ {0,3}(?:#|>|\||[-*+](?:[ \t]|$)|\d{1,9}\.(?:[ \t]|$)|=+[ \t]*$|(?:-[ \t]*){3,}$|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$)/;
/** A line CommonMark may start an HTML block with. */
const HTML_START = /^ {0,3}<[A-Za-z/!?]/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A fence inside a block quote: its lines are code too. */
const QUOTED_FENCE = /^(?: {0,3}>)+ {0,4}(`{3,}|~{3,})/;
const QUOTED = /^ {0,3}>/;
/** A line that closes any fence to Redcarpet: a run of backticks or tildes and nothing else. */
const CLOSING_FENCE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*$/;
/** Raw HTML that runs to its closing tag (CommonMark's first kind of HTML block). */
const RAW_OPEN = /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i;
const RAW_CLOSE = /<\/(pre|script|style|textarea)>/i;
/** Any other HTML block: it runs to the line that closes its first element, as in Slate (remark-html-block-end.ts), or to a blank line. */
const HTML_BLOCK = /^ {0,3}<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/;
/** HTML indented by one to three blanks: a paragraph to Redcarpet (micromark-redcarpet-html.ts), unless inside an open element. */
const INDENTED_TAG = /^ {1,3}<[A-Za-z/]/;
const closes = (line: string, tag: string) => new RegExp(`</${tag}\\s*>\\s*$`, 'i').test(line);

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
/** A line that can only be a table's delimiter row: pipes, dashes, colons and blanks. */
const DELIMITER_ROW = /^ {0,3}[|:-][ \t|:-]*$/;
/** Delimiter cells, then more on the line: a first cell of dashes (or colons) with no pipe before it. */
const DELIMITER_THEN_MORE = /^ {0,3}[:-][ \t:-]*\|[ \t|:-]*[^ \t|:-]/;
const TABLE_HEAD_THEN_MORE = /^([^\n]*\|[^\n]*)\n( {0,3}[:-][ \t:-]*\|[ \t|:-]*[^ \t|:\n-][^\n]*)$/gm;
/** A head row that starts with blanks, then a pipe. */
const LEADING_BLANKS_THEN_PIPE = /^ +\|/;
/** A delimiter row that starts as a list item: `- | -`. */
const LIST_LIKE_DELIMITER = /^ {0,3}-[ \t][ \t|:-]*\|[ \t|:-]*$/;
/** A line with a pipe, then a delimiter row: a table's head, to Redcarpet or GFM. */
const TABLE_HEAD = /^([^\n]*\|[^\n]*)\n( {0,3}[|:-][ \t|:-]*)$/gm;
/**
 * A line indented four columns or more (a tab is four) that CommonMark without indented code would
 * start a list item, a heading or a quote with. (A table is left to the table's own reading above:
 * Redcarpet read an indented head as one.)
 */
const INDENTED_BLOCK = /^(?: {4}| {0,3}\t)[ \t]*(?:[-*+](?=[ \t]|$)|#{1,6}(?=[ \t]|$)|>|\d{1,9}[.)](?=[ \t]|$))/;

/** An indented line (INDENTED_BLOCK) as the text Redcarpet made of it: its marker escaped. */
function indentedAsText(line: string): string {
  const start = line.search(/[^ \t]/);
  const [indent, text] = [line.slice(0, start), line.slice(start)];
  const ordered = /^\d{1,9}(?=[.)])/.exec(text);
  return ordered ? `${indent}${ordered[0]}\\${text.slice(ordered[0].length)}` : `${indent}\\${text}`;
}

/** A row of a table, then a row that starts with an HTML tag, or as a block (a list item, a quote, a heading). */
const TAG_ROW = /\|[^\n]*\n {0,3}(?:<[A-Za-z]|[-*+][ \t]|\d{1,9}[.)][ \t]|>|#{1,6}[ \t])[^\n]*\|/;

type Block = { fence: string; quoted?: true } | { html: string } | 'raw' | 'comment' | undefined;

export function redcarpetLines(body: string): string {
  if (!ANY_LINE.test(body) && !TAG_ROW.test(body) && !tableToRewrite(body)) return body;
  const lines = body.split('\n');
  const labels = new Set(Array.from(body.matchAll(DEFINITION), ([, label]) => normalLabel(label!)));
  let block: Block;
  // What the line above is: text of a paragraph begun after a blank line, something else, or blank.
  let above: 'blank' | 'paragraph' | 'other' = 'blank';
  // Whether the line is in a table Redcarpet read (one whose head this function has seen).
  let inTable = false;
  const lists = new RedcarpetLists();
  // A raw element opened at the margin and not closed yet (`<aside>` over blank lines): Redcarpet's
  // HTML block ran on to its closing tag, so HTML indented inside it was raw too.
  let openElement: string | undefined;
  // The last line that was HTML closing on its own line (`<h3>Headers</h3>`).
  let htmlClosedAbove = -1;
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!;
    if (openElement && line.toLowerCase().includes(`</${openElement}`)) openElement = undefined;
    if (block !== undefined) above = 'other';
    if (typeof block === 'object' && 'html' in block) {
      if (!line.trim() || closes(line, block.html)) block = undefined;
      continue;
    }
    // A quoted fence ends where the quote does, and the line after it is read as any other.
    if (typeof block === 'object' && block.quoted && !QUOTED.test(line)) block = undefined;
    if (typeof block === 'object') {
      const closing = (block.quoted ? QUOTED_FENCE : FENCE).exec(line);
      if (closing && closing[1]![0] === block.fence[0] && closing[1]!.length >= block.fence.length && !line.slice(closing[0].length).trim()) block = undefined;
      continue;
    }
    if (block === 'raw') {
      if (RAW_CLOSE.test(line)) block = undefined;
      continue;
    }
    if (block === 'comment') {
      if (line.includes('-->')) block = undefined;
      continue;
    }
    if (!line.trim()) {
      above = 'blank';
      inTable = false;
      lists.blank();
      continue;
    }
    // Redcarpet's table went on while its lines had a pipe.
    if (inTable && !line.includes('|')) inTable = false;
    // A table starts a block: after a blank line, a heading line or an HTML line that closes its
    // element (the HTML block ends there: remark-html-block-end.ts), not in a paragraph.
    const startsBlock = above === 'blank' || ATX_HEADING.test(lines[index - 1] ?? '') || htmlClosedAbove === index - 1;
    if (!inTable && startsBlock && line.includes('|')) {
      // Redcarpet took a pipe after blanks for a separator (` | |` is two empty cells), GFM for the row's leading pipe.
      const head = LEADING_BLANKS_THEN_PIPE.test(line) ? `|${line}` : line;
      const delimiter = redcarpetDelimiter(head, lines[index + 1]);
      if (delimiter !== undefined) {
        inTable = true;
        if (!/^[ \t]/.test(line)) lists.end();
        if (!readAsGfm(head, lines[index + 1]!)) lines[index + 1] = delimiter;
        lines[index] = inlineAsRedcarpet(tableRow(head), labels);
        index++;
        above = 'other';
        continue;
      }
    }
    if (inTable) {
      lines[index] = inlineAsRedcarpet(tableRow(line), labels);
      continue;
    }
    // Indented four columns or more outside a list, a line was text of a paragraph to Redcarpet
    // (its indented code was off), where CommonMark without indented code reads a list item, a
    // heading or a quote there (Widdershins indents OAuth flows as `    - Flow: …`).
    if (!lists.inList && INDENTED_BLOCK.test(line)) {
      lines[index] = inlineAsRedcarpet(lists.line(indentedAsText(line)), labels);
      above = above === 'other' ? 'other' : 'paragraph';
      continue;
    }
    // `- | -` under a line of text with pipes is a list item to GFM, which ends the paragraph there
    // and makes a list of the rows (Redcarpet kept them text of the paragraph). Written with pipes, it
    // is the table GFM makes of `--- | ---` in that place: what its writer meant.
    if (line.includes('|') && LIST_LIKE_DELIMITER.test(lines[index + 1] ?? '')) {
      lines[index + 1] = redcarpetDelimiter(line, lines[index + 1]) ?? lines[index + 1]!;
    }
    if (above === 'paragraph' && HTML_START.test(line)) {
      lines[index] = inlineAsRedcarpet(line, labels);
      continue;
    }
    if (openElement && INDENTED_TAG.test(line)) lines[index] = line = line.trimStart();
    block = opening(line);
    if (typeof block === 'object' && 'html' in block && !/^\s/.test(line)) openElement = block.html.toLowerCase();
    if (typeof block === 'object' && 'fence' in block && !block.quoted && above === 'paragraph' && runsOverAnOpening(lines, index, block.fence)) {
      // A fence right under a line of text was text of the paragraph to Redcarpet. Shale shows the
      // code its writer meant, but not one that runs on over the opening of another (```` ```php ````,
      // its own closing forgotten): it would swallow the headings and code between, which Slate showed.
      lines[index] = line.replace(/[`~]/g, '\\$&');
      block = undefined;
      continue;
    }
    if (typeof block === 'object' && 'fence' in block && block.quoted) quoteLazyFence(lines, index);
    if (block !== undefined) continue;
    // HTML that closes on its own line is an HTML block to CommonMark, its text raw: left as written.
    if (HTML_START.test(line)) {
      above = 'other';
      htmlClosedAbove = index;
      continue;
    }
    const written = headingAsRedcarpet(lists.line(line))
      .replace(PAREN_ITEM, '$1\\)')
      .replace(PAREN_TITLE_DEFINITION, (_, head: string, title: string, end: string) => `${head}${title.replace(/(?<!\\)[()]/g, '\\$&')}${end}`);
    above = BLOCK_START.test(written) || above === 'other' ? 'other' : 'paragraph';
    lines[index] = inlineAsRedcarpet(written, labels);
  }
  return lines.join('\n');
}

/** A line that would start a block of its own in a table's body: a list item, a quote, a heading. */
const BLOCK_IN_ROW = /^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|#{1,6}[ \t])/;

/**
 * A table row as it is, or with a leading pipe if it starts with an HTML tag or as a block
 * (`1. disabled for all | false`, `- x | y`: Redcarpet's rows, where GFM ended the table), so that
 * CommonMark reads it as a row.
 */
const tableRow = (line: string) => (HTML_START.test(line) || BLOCK_IN_ROW.test(line) ? `| ${line}` : line);

/** A row's cells as GFM splits them: at pipes not escaped, a leading and a trailing pipe left out. */
function cells(row: string): string[] {
  const parts = row.trim().split(/(?<!\\)\|/);
  if (parts[0]!.trim() === '' && parts.length > 1) parts.shift();
  if (parts.at(-1)!.trim() === '' && parts.length > 1) parts.pop();
  return parts;
}

/** A delimiter cell as Redcarpet read it: blanks, an optional colon, dashes, an optional colon, at least one of them. */
const REDCARPET_DELIMITER_CELL = /^[ \t]*(:?)-*(:?)[ \t]*$/;

/**
 * The delimiter row under `head` written as GFM reads what Redcarpet did, if Redcarpet read a table
 * there and GFM would not, or undefined. Redcarpet counted the head's pipes, escaped ones too, and
 * read as many delimiter cells, whatever followed them on the line (`- | - | - | -filter[x] | …`, a
 * body row run into the delimiter row: Confetti's docs); the rest of the line is lost, as in Slate.
 */
function redcarpetDelimiter(head: string, delimiter: string | undefined): string | undefined {
  if (delimiter === undefined || !(DELIMITER_ROW.test(delimiter) || DELIMITER_THEN_MORE.test(delimiter))) return undefined;
  const headCells = cells(head).length;
  const trimmedHead = head.trim();
  const redcarpetHeadCells = (head.match(/\|/g)?.length ?? 0) + 1 - (trimmedHead.startsWith('|') ? 1 : 0) - (trimmedHead.endsWith('|') ? 1 : 0);
  const given = cells(delimiter).slice(0, redcarpetHeadCells);
  if (given.length < redcarpetHeadCells || given.some((cell) => !REDCARPET_DELIMITER_CELL.test(cell) || !cell.trim())) return undefined;
  const written = given.slice(0, headCells).map((cell) => {
    const [, left, right] = REDCARPET_DELIMITER_CELL.exec(cell)!;
    return `${left}---${right}`;
  });
  return `| ${written.join(' | ')} |`;
}

/**
 * Whether GFM reads the delimiter row under `head` as Redcarpet did: as many cells, each with a dash,
 * and not a list item (`- | -` starts a list that ends the paragraph; Welkin's docs wrote 141 such rows).
 */
const readAsGfm = (head: string, delimiter: string) =>
  !/^ {0,3}-[ \t]/.test(delimiter) && cells(delimiter).length === cells(head).length && cells(delimiter).every((cell) => cell.includes('-'));

/** Whether a table's head or delimiter row needs rewriting for CommonMark to read them as Redcarpet did. */
function tableToRewrite(body: string): boolean {
  for (const [, head, delimiter] of [...body.matchAll(TABLE_HEAD), ...body.matchAll(TABLE_HEAD_THEN_MORE)]) {
    if (redcarpetDelimiter(head!, delimiter) !== undefined && (HTML_START.test(head!) || !readAsGfm(head!, delimiter!))) return true;
  }
  return false;
}

/** The line with its spaced links and Redcarpet's idle backslashes rewritten, outside its code spans. */
function inlineAsRedcarpet(line: string, labels: Set<string>): string {
  if (!line.includes(']') && !line.includes('\\') && !(line.includes('<') && /[\s"'],[\s/>]/.test(line))) return line;
  let written = '';
  let from = 0;
  for (const span of line.matchAll(CODE_SPAN)) {
    written += outsideCode(line.slice(from, span.index), labels) + span[0];
    from = span.index + span[0].length;
  }
  return written + outsideCode(line.slice(from), labels);
}

/** An opening tag with a stray comma among its attributes: `<span style="color:Green" , bold >`, `<b class="a",>`. */
const TAG_WITH_COMMA = /<[A-Za-z][A-Za-z0-9-]*[\s"'][^<>]*?[\s"'],(?=[\s/>])[^<>]*>/g;

/**
 * The tag without its stray commas. Redcarpet passed such a tag on (browsers take the comma for an
 * attribute of no meaning); CommonMark's inline HTML allows no comma there and showed the tag as
 * text (RevenueMonster's docs: the method of every endpoint, 55 times).
 */
const withoutStrayCommas = (tag: string): string => tag.replace(/("[^"]*"|'[^']*')|\s*,(?=[\s/>])/g, (found, quoted?: string) => quoted ?? '');

const outsideCode = (text: string, labels: Set<string>): string =>
  text
    .replace(TAG_WITH_COMMA, withoutStrayCommas)
    .replace(SPACED_INLINE_LINK, '$1$2')
    .replace(SPACED_REFERENCE_LINK, (link, linkText: string, label: string) => (labels.has(normalLabel(label)) ? `${linkText}[${label}]` : link))
    .replace(SPACED_DESTINATION, '](<$1>$2)')
    .replace(ESCAPE_PAIR, (pair, character: string) => (REDCARPET_UNESCAPED.has(character) ? `\\${pair}` : pair));

/** A reference's label as definitions are looked up: case and runs of blanks do not count. */
const normalLabel = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** The block a line opens that is not Markdown, if any (one that closes on the same line opens none). */
/**
 * A fence opened on a quote's line (`> ```` ```) whose code and closing fence follow without `>`:
 * Redcarpet's quote took the lines after it up to a blank line, so the quote held the code block.
 * CommonMark ends the quote at the first line without `>`: an empty code block, the code as text,
 * and its closing fence opening another that swallowed the headings after it (qbill's docs). The
 * lines up to the closing fence are quoted, when it comes before a blank line.
 */
function quoteLazyFence(lines: string[], index: number): void {
  if (QUOTED.test(lines[index + 1] ?? '>')) return;
  for (let next = index + 1; next < lines.length && lines[next]!.trim(); next++) {
    if (!CLOSING_FENCE.test(lines[next]!)) continue;
    for (let line = index + 1; line <= next; line++) lines[line] = `> ${lines[line]}`;
    return;
  }
}

/** Whether the fence opened at `index` with `fence` holds, before CommonMark closes it, a line that opens a fence with a language. */
function runsOverAnOpening(lines: string[], index: number, fence: string): boolean {
  for (let next = index + 1; next < lines.length; next++) {
    const run = FENCE.exec(lines[next]!);
    if (!run) continue;
    const rest = lines[next]!.slice(run[0].length);
    if (run[1]![0] === fence[0] && run[1]!.length >= fence.length && !rest.trim()) return false;
    if (rest.trim()) return true;
  }
  return false;
}

function opening(line: string): Block {
  const fence = FENCE.exec(line);
  // A backtick fence's info may not hold a backtick: ```` ```GET /x``` ```` is a code span in a paragraph.
  if (fence && !(fence[1]![0] === '`' && line.slice(fence[0].length).includes('`'))) return { fence: fence[1]! };
  const quotedFence = QUOTED_FENCE.exec(line);
  if (quotedFence && !(quotedFence[1]![0] === '`' && line.slice(quotedFence[0].length).includes('`'))) return { fence: quotedFence[1]!, quoted: true };
  const raw = RAW_OPEN.exec(line);
  if (raw) return RAW_CLOSE.test(line.slice(raw[0].length)) ? undefined : 'raw';
  if (/^ {0,3}<!--/.test(line)) return line.includes('-->') ? undefined : 'comment';
  const html = HTML_BLOCK.exec(line);
  if (html) return closes(line, html[1]!) ? undefined : { html: html[1]! };
  return undefined;
}
