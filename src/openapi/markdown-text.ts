import type { Code, Heading, Parent, Root, Text } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { htmlText, sanitizeHtml } from './safe-html';
import { isKnownLanguage, splitTabName } from '../schema/languages';

/**
 * Text from a spec, written into the Markdown (or MDX) that Shale renders with the page. A spec's
 * descriptions are CommonMark with GitHub's tables; whatever they hold reaches the page only as
 * Markdown Shale wrote back, with raw HTML rebuilt from an allowlist (safe-html.ts), and in MDX
 * without raw HTML at all (an MDX tag must be balanced JSX, which a description's is not).
 */
export type Dialect = 'md' | 'mdx';

/** CommonMark with GitHub's tables, made once: micromark combines its extensions on every call otherwise. */
const PARSE_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/**
 * Descriptions already written back, by dialect, heading shift and text: a big spec repeats them
 * (GitHub's shows its repository schema's hundred descriptions under dozens of operations), and
 * parsing and writing Markdown is most of compiling a spec. Cleared when it grows past a size.
 */
const written = new Map<string, WrittenDescription>();
const WRITTEN_LIMIT = 50_000;

/**
 * A description as Markdown for the page: what unsafe HTML was taken out of it (`removed`), and the
 * languages of its code blocks that Shale does not know (`languages`: the block is shown as plain
 * text, as other renderers show it; Kubernetes' spec opens a block with "``` <quantity> ::= …").
 */
export interface WrittenDescription {
  markdown: string;
  removed: string[];
  languages?: string[];
}

/** What writing a description noted, with the JSON pointer of the description: unsafe HTML removed, or a language unknown. */
export interface DescriptionNote {
  pointer: string;
  what: string;
  language?: true;
}

/** A written description's notes at its pointer. */
export const notesAt = (pointer: string, { removed, languages = [] }: WrittenDescription): DescriptionNote[] => [
  ...removed.map((what) => ({ pointer, what })),
  ...languages.map((what) => ({ pointer, what, language: true as const })),
];

/** A description as Markdown for the page, and what was noted on the way (WrittenDescription). */
export function descriptionMarkdown(raw: string, dialect: Dialect, options: { headingShift?: number } = {}): WrittenDescription {
  // Windows line ends (Azure's descriptions): a carriage return is a line end to Markdown, which one
  // left in a table cell or a property's line would break, running the rest of the page as code.
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  const key = `${dialect}${options.headingShift ?? 0}\u0000${text}`;
  let result = written.get(key);
  if (!result) {
    if (written.size >= WRITTEN_LIMIT) written.clear();
    result = writeDescription(text, dialect, options);
    written.set(key, result);
    if (tracking) tracking.added = true;
  }
  tracking?.written.add(key);
  return { ...result, removed: [...result.removed] };
}

/** The texts written back for one spec, kept for its next compiling (spec-parts.ts): only what that spec used. */
export interface TextMemo {
  written: Array<[string, WrittenDescription]>;
  lineHtml: Array<[string, string]>;
}

/** While a spec compiles: the memo entries it used, and whether it had to make any (else its memo is as it was). */
let tracking: { written: Set<string>; lineHtml: Set<string>; added: boolean } | undefined;

/**
 * Starts compiling a spec with what its last compiling wrote back (a rebuild after one edit writes
 * back only the new texts: parsing and writing descriptions is 4–5 s of compiling GitHub's spec).
 * The entries are pure functions of their text and Shale's code, which names the memo's file.
 */
export function beginTextMemo(memo: TextMemo | undefined): void {
  for (const [key, value] of memo?.written ?? []) if (!written.has(key)) written.set(key, value);
  for (const [key, value] of memo?.lineHtml ?? []) if (!lineHtml.has(key)) lineHtml.set(key, value);
  tracking = { written: new Set(), lineHtml: new Set(), added: false };
}

/** Ends what beginTextMemo started: the entries the spec used, or none when nothing new was made (the stored memo still holds). */
export function endTextMemo(): TextMemo | undefined {
  const used = tracking;
  tracking = undefined;
  if (!used?.added) return undefined;
  return {
    written: [...used.written].flatMap((key) => (written.has(key) ? [[key, written.get(key)!] as [string, WrittenDescription]] : [])),
    lineHtml: [...used.lineHtml].flatMap((key) => (lineHtml.has(key) ? [[key, lineHtml.get(key)!] as [string, string]] : [])),
  };
}

/**
 * A one-line description made only of letters, digits, spaces and punctuation that starts no
 * Markdown, HTML, MDX expression or GFM autolink: parsing it and writing it back gives the text
 * itself. Seven in ten of GitHub's 6,799 distinct descriptions are such (every one of them came
 * back unchanged when this was measured); parsing and writing descriptions was 40 % of compiling it.
 */
const PLAIN_TEXT = /^[A-Za-z0-9(“"'‘][A-Za-z0-9 ,.;'"?()/%=$’‘“”-]*$/;
const isPlainText = (text: string): boolean => PLAIN_TEXT.test(text) && !/^\d+[.)]|\s{2}|\s$|www\./i.test(text);

function writeDescription(text: string, dialect: Dialect, options: { headingShift?: number }): WrittenDescription {
  if (isPlainText(text)) return { markdown: text, removed: [] };
  const tree = fromMarkdown(text, PARSE_OPTIONS);
  const removed: string[] = [];
  sanitizeChildren(tree, dialect, removed);
  const languages: string[] = [];
  visit(tree, 'code', (node: Code) => {
    if (!node.lang || isKnownLanguage(splitTabName(node.lang).language)) return;
    languages.push(node.lang);
    node.lang = 'text';
    node.meta = null;
  });
  asideForQuotes(tree);
  const shift = options.headingShift ?? 0;
  if (shift) visit(tree, 'heading', (node: Heading) => void (node.depth = Math.min(6, node.depth + shift) as Heading['depth']));
  return { markdown: serialize(tree, dialect), removed, ...(languages.length ? { languages } : {}) };
}

/**
 * Rebuilds the raw HTML among a node's children (and theirs). What a removed element holds goes
 * with it, even across nodes: the text between an inline `<script>` and `</script>` is removed too.
 */
function sanitizeChildren(parent: Parent, dialect: Dialect, removed: string[]): void {
  let dropping: string | undefined;
  const kept: Parent['children'] = [];
  for (const child of parent.children) {
    if (child.type === 'html') {
      const safe = sanitizeHtml(child.value, dropping);
      removed.push(...safe.removed);
      dropping = safe.dropping;
      if (dialect === 'md') kept.push({ ...child, value: safe.html });
      else kept.push({ type: 'text', value: decodeBasicEntities(htmlText(safe.html)) } as Text);
      continue;
    }
    if (dropping) continue;
    if ('children' in child) sanitizeChildren(child as Parent, dialect, removed);
    kept.push(child);
  }
  parent.children = (dialect === 'md' ? balanced(kept) : kept) as never;
}

/** Elements with no closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The raw HTML among one node's children with every element it opens closed there, and no closing
 * tag of an element it did not open: eBay's `<b>Minimum: </b>1<b><br /><br /><b>Maximum: </b>31`
 * left a `<b>` open, which the browser carries on into every heading after the description (and
 * Shale's check stopped the build on it); a stray `</div>` would close one of Shale's own.
 */
function balanced(children: Parent['children']): Parent['children'] {
  const open: string[] = [];
  const out = children.map((child) => {
    if (child.type !== 'html') return child;
    const value = child.value.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g, (tag, closing: string, rawName: string, selfClosing: string) => {
      const name = rawName.toLowerCase();
      if (VOID.has(name) || selfClosing) return tag;
      if (!closing) {
        open.push(name);
        return tag;
      }
      const at = open.lastIndexOf(name);
      if (at < 0) return '';
      // Elements opened inside it and left open close with it, as the browser would close them.
      const inner = open.splice(at).slice(1).reverse();
      return `${inner.map((element) => `</${element}>`).join('')}${tag}`;
    });
    return { ...child, value };
  });
  for (const name of open.reverse()) out.push({ type: 'html', value: `</${name}>` } as Parent['children'][number]);
  return out;
}

/** GitHub's alert kinds (`> [!WARNING]`) and the aside of Slate's that shows each. */
const ALERTS: Record<string, string> = { NOTE: 'notice', TIP: 'success', IMPORTANT: 'notice', WARNING: 'warning', CAUTION: 'warning' };

/**
 * A quote in a description becomes one of Slate's asides: in a Slate page, `>` puts text in the
 * code column, and a description's note belongs beside the text it qualifies. GitHub's alert
 * marker (`> [!NOTE]`, which GitHub's own spec uses) chooses the aside's kind and is dropped.
 */
function asideForQuotes(parent: Parent): void {
  parent.children = parent.children.flatMap((child) => {
    if ('children' in child) asideForQuotes(child as Parent);
    if (child.type !== 'blockquote') return [child];
    let kind = 'notice';
    const first = child.children[0];
    const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
    const marker = lead?.type === 'text' ? /^\[!(\w+)\]\s*/.exec(lead.value) : null;
    if (marker && lead?.type === 'text' && first?.type === 'paragraph') {
      kind = ALERTS[marker[1]!.toUpperCase()] ?? 'notice';
      lead.value = lead.value.slice(marker[0].length);
      if (!lead.value && first.children.length === 1) child.children.shift();
      else if (!lead.value) first.children.shift();
      // A soft break right after the marker would start the aside with an empty line.
      if (first.children[0]?.type === 'break') first.children.shift();
    }
    return [{ type: 'html', value: `<aside class="${kind}">` }, ...child.children, { type: 'html', value: '</aside>' }] as Parent['children'];
  }) as never;
}

/**
 * Plain text (a name, a type, a summary) escaped so Markdown shows it as written: every ASCII
 * punctuation mark that can start Markdown (or, in MDX, an expression or a tag) gets a backslash,
 * which CommonMark and MDX both read as the mark itself. The same in both dialects. A `|` only
 * matters in a table, whose cells escape it (compile-spec.ts, table).
 */
export function inlineText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]<>()#+\-.!~&]/g, (mark, offset: number, whole: string) => (needsEscape(mark, offset, whole) ? `\\${mark}` : mark));
}

/** Whether a mark must be escaped where it is: `.`, `-`, `+`, `#`, `(` and `)` only start Markdown at the start of a line or after a digit run. */
function needsEscape(mark: string, offset: number, whole: string): boolean {
  if (!'.-+#()'.includes(mark)) return true;
  const before = whole.slice(0, offset);
  return before === '' || /^\d+$/.test(before) || (mark === '(' && whole[offset - 1] === ']');
}

/** Inline code (`GET /pets/{id}`), with a fence long enough for the backticks inside it. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r\n?|\n/g, ' ')}${pad}${fence}`;
}

/**
 * The h1 and h2 headings of Markdown Shale wrote (none in code): their text as a reader sees it
 * (emphasis and link marks gone) and the line each ends on (1-based).
 */
export function topHeadings(markdown: string): Array<{ depth: 1 | 2; text: string; endLine: number }> {
  const found: Array<{ depth: 1 | 2; text: string; endLine: number }> = [];
  visit(fromMarkdown(markdown, PARSE_OPTIONS), 'heading', (heading: Heading) => {
    if (heading.depth > 2 || !heading.position) return;
    let text = '';
    visit(heading, (node) => void (node.type === 'text' || node.type === 'inlineCode' ? (text += node.value) : undefined));
    found.push({ depth: heading.depth as 1 | 2, text, endLine: heading.position.end.line });
  });
  return found;
}

/** Lines already turned to HTML: a big spec repeats its property lines as it repeats descriptions. */
const lineHtml = new Map<string, string>();

/**
 * A line of Markdown Shale wrote (its raw HTML already made safe) as HTML to put inside an HTML
 * block: a lone paragraph loses its `<p>`, and no line of it is blank, since a blank line would end
 * the block and let Markdown read the rest (a newline before one is written `&#10;`, which reads as
 * the same character, in a `<pre>` too).
 */
export function markdownLineHtml(markdown: string): string {
  let html = lineHtml.get(markdown);
  if (html === undefined) {
    if (lineHtml.size >= WRITTEN_LIMIT) lineHtml.clear();
    html = plainLineHtml(markdown) ?? parsedLineHtml(markdown);
    lineHtml.set(markdown, html);
    if (tracking) tracking.added = true;
  }
  tracking?.lineHtml.add(markdown);
  return html;
}

/** A line of Markdown as HTML, by parsing it (markdownLineHtml's way for a line plainLineHtml leaves). */
export function parsedLineHtml(markdown: string): string {
  const tree = fromMarkdown(markdown, PARSE_OPTIONS);
  let html = toHtml(toHast(tree, { allowDangerousHtml: true }), { allowDangerousHtml: true }).trim();
  const lone = /^<p>([\s\S]*)<\/p>$/.exec(html);
  if (lone && !lone[1]!.includes('<p>')) html = lone[1]!;
  return html.replace(/\n(?=[ \t]*(?:\n|$))/g, '&#10;');
}

/**
 * A line's pieces when it is only plain text, backslash escapes (`\_`, as inlineText writes them) and
 * code spans of one backtick: what a property's line is in most specs (`` `id` (integer, required):
 * The ID. ``). Parsing such a line as Markdown and writing it as HTML gives its text with `&` and `<`
 * escaped and each code span as `<code>`, so it is written so directly (parsing the lines of GitHub's
 * spec's property lists was a quarter of compiling it). Anything else Markdown might read otherwise
 * (a list marker or digits and a dot at the start, an autolink, an entity, an emphasis mark, a line
 * break) is left to the parser: undefined.
 */
const PLAIN_LINE = /^(?:[A-Za-z0-9 ,.;:'"?()/%=$|&’‘“”-]|\\[!-/:-@[-`{-~]|`[^`\n]+`)+$/;
const PLAIN_PIECE = /\\([!-/:-@[-`{-~])|`([^`]+)`|[^\\`]+/g;

export function plainLineHtml(markdown: string): string | undefined {
  if (!PLAIN_LINE.test(markdown) || !/^[A-Za-z0-9(“"'‘`\\]/.test(markdown) || /\s$|\s{2}|^\d+[.)]|``|&[#A-Za-z0-9]|https?:|www\./i.test(markdown))
    return undefined;
  let html = '';
  for (const [piece, escaped, code] of markdown.matchAll(PLAIN_PIECE)) {
    if (escaped !== undefined) html += escapeHtmlText(escaped);
    else if (code !== undefined) {
      // CommonMark strips one space from each end of a code span's text that has both (and more than spaces).
      const text = code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() ? code.slice(1, -1) : code;
      html += `<code>${escapeHtmlText(text)}</code>`;
    } else html += escapeHtmlText(piece);
  }
  return html;
}

/** As hast-util-to-html writes text: `&` and `<` as hexadecimal references. */
const escapeHtmlText = (text: string): string => text.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;');

/** Text for a raw-HTML or JSX element's content (a heading written as `<h2 id=…>`): entities for what HTML and JSX read. */
export function elementText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\{/g, '&#123;').replace(/\}/g, '&#125;');
}

/** A fenced code block whose fence no line of the code can close; `meta` follows the language on the opening line. */
export function codeFence(language: string, code: string, meta?: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/^\s*(`{3,})/gm)].map((run) => run[1]!.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}${meta ? ` ${meta}` : ''}\n${code.replace(/\n+$/, '')}\n${fence}`;
}

function serialize(tree: Root, dialect: Dialect): string {
  return toMarkdown(tree, {
    extensions: dialect === 'mdx' ? [gfmToMarkdown(), mdxToMarkdown()] : [gfmToMarkdown()],
    bullet: '-',
    emphasis: '*',
    fences: true,
  }).trim();
}

const decodeBasicEntities = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
