import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { htmlTree } from './html-tree';

/**
 * A built page as clean Markdown, for AI assistants and readers who paste docs into one: the
 * `index.md` beside each `index.html`, the "Copy page" button, and `llms-full.txt`.
 *
 * Made from the built HTML, not from the sources: it is then the same for Slate Markdown, MDX
 * (whose components exist only once rendered) and OpenAPI sections (which have no source text).
 * Each section gives its prose, then the notes and code of its code column; every code sample is a
 * fenced block with its language, and a tab's own name (`cURL`, `Ruby v2`) as its title.
 *
 * A small serializer of its own, for the HTML Shale writes: hast-util-to-mdast with
 * mdast-util-to-markdown took 64 s for GitHub's REST reference (495 pages, most of it in the
 * conversion to mdast); this takes a fraction of it.
 */

type Node = Root | RootContent | ElementContent;

const isElement = (node: Node | undefined): node is Element => node?.type === 'element';
const classesOf = (node: Element): string[] => {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
};
const hasClass = (node: Element, name: string) => classesOf(node).includes(name);

/** What the page shows as controls or for screen readers only: not part of the docs' text. */
const LEFT_OUT_CLASSES = ['edit-link', 'copy-button', 'anchors', 'sr-only', 'page-actions', 'pager'];
const LEFT_OUT_TAGS = new Set(['button', 'script', 'style', 'template', 'nav', 'input', 'select']);
const leftOut = (node: Element) => LEFT_OUT_TAGS.has(node.tagName) || LEFT_OUT_CLASSES.some((name) => hasClass(node, name));

/** Elements that make their own block (everything else is inline, as in HTML). */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'dd',
  'div',
  'dl',
  'dt',
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
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'ul',
]);
const isBlock = (node: Node): boolean => isElement(node) && BLOCK_TAGS.has(node.tagName);

const ASIDE_LABELS: Record<string, string> = { warning: 'Warning', success: 'Success', notice: 'Note' };

/** Escapes what would otherwise read as Markdown syntax in running text. */
function escapeText(text: string): string {
  return text
    .replace(/[\\`*[\]]/g, '\\$&')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/(^|\W)_|_(?=\W|$)/g, (match) => match.replace('_', '\\_'));
}

/** A code span around `code`, with more backticks than any run inside it. */
function codeSpan(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = code.startsWith('`') || code.endsWith('`') ? ` ${code} ` : code;
  return `${fence}${padded}${fence}`;
}

function codeFence(code: string, info: string): string {
  const longest = Math.max(2, ...(code.match(/^`{3,}/gm) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${code}\n${fence}`;
}

class Serializer {
  constructor(private readonly tabLabels: Map<string, string>) {}

  /** Inline content as one line of Markdown (line breaks only where the HTML has `<br>`). */
  inline(nodes: readonly Node[]): string {
    let out = '';
    for (const node of nodes) {
      if (node.type === 'text') out += escapeText(node.value.replace(/\s+/g, ' '));
      else if (isElement(node) && !leftOut(node)) out += this.inlineElement(node);
    }
    return out;
  }

  private inlineElement(node: Element): string {
    const inner = () => this.inline(node.children).trim();
    switch (node.tagName) {
      case 'br':
        return '\\\n';
      case 'code':
      case 'kbd':
      case 'samp':
        return codeSpan(toText(node).replace(/\s+/g, ' '));
      case 'em':
      case 'i':
        return wrapped(inner(), '_');
      case 'strong':
      case 'b':
        return wrapped(inner(), '**');
      case 'del':
      case 's':
        return wrapped(inner(), '~~');
      case 'a': {
        const href = typeof node.properties.href === 'string' ? node.properties.href : undefined;
        const text = inner();
        return href ? `[${text || href}](${href.replace(/[()\s]/g, encodeURIComponent)})` : text;
      }
      case 'img': {
        const src = node.properties.src;
        return typeof src === 'string' ? `![${escapeText(String(node.properties.alt ?? ''))}](${src.replace(/[()\s]/g, encodeURIComponent)})` : '';
      }
      case 'ul':
      case 'ol':
        // A list inside inline content (a table cell): its items on the same line, each after a dash.
        return node.children.map((item) => (isElement(item) && item.tagName === 'li' ? ` - ${this.blocks(item.children).join(' ')}` : '')).join('');
      default:
        // Another block inside inline content: its text, on the same line.
        return isBlock(node) ? ` ${this.blocks(node.children).join(' ')} ` : this.inline(node.children);
    }
  }

  /** Block content as Markdown blocks (joined with blank lines by the caller). */
  blocks(nodes: readonly Node[]): string[] {
    const out: string[] = [];
    let run: Node[] = [];
    const flush = () => {
      const text = this.inline(run).trim();
      if (text) out.push(paragraph(text));
      run = [];
    };
    for (const node of nodes) {
      if (isElement(node) && leftOut(node)) continue;
      if (!isBlock(node) && !(isElement(node) && node.tagName === 'img' && run.every((n) => n.type === 'text' && !n.value.trim()))) {
        run.push(node);
        continue;
      }
      flush();
      if (isElement(node) && node.tagName === 'img') out.push(this.inlineElement(node));
      else out.push(...this.block(node as Element));
    }
    flush();
    return out.filter((block) => block.trim() !== '');
  }

  private block(node: Element): string[] {
    const tag = node.tagName;
    if (/^h[1-6]$/.test(tag)) return [`${'#'.repeat(Number(tag[1]))} ${this.inline(node.children).trim()}`];
    switch (tag) {
      case 'p': {
        const text = this.inline(node.children).trim();
        return text ? [paragraph(this.forTabs(node) + text)] : [];
      }
      case 'hr':
        return ['---'];
      case 'pre':
        return [codeFence(toText(node, { whitespace: 'pre' }).replace(/\n$/, ''), '')];
      case 'ul':
      case 'ol':
        return [this.list(node)];
      case 'table':
        return [this.table(node)];
      case 'blockquote':
        return [quoted(this.blocks(node.children))];
      case 'aside': {
        const kind = classesOf(node).find((name) => name in ASIDE_LABELS) ?? 'notice';
        return [quoted([`**${ASIDE_LABELS[kind]}:** ${this.blocks(node.children).join('\n\n')}`])];
      }
      case 'dl':
        return node.children
          .filter(isElement)
          .flatMap((item) => (item.tagName === 'dt' ? [`**${this.inline(item.children).trim()}**`] : this.blocks(item.children)));
      case 'summary':
        return [paragraph(this.inline(node.children).trim())];
      case 'div':
        if (hasClass(node, 'code-block')) return [this.codeBlock(node)];
        return this.blocks(node.children);
      default:
        return this.blocks(node.children);
    }
  }

  /** A fenced block with its language, titled with its tab's name where that says more. */
  private codeBlock(node: Element): string {
    const pre = node.children.find(isElement);
    const tab = typeof node.properties.dataTab === 'string' ? node.properties.dataTab : undefined;
    const language = typeof node.properties.dataLanguage === 'string' ? node.properties.dataLanguage : (tab ?? '');
    const label = tab ? this.tabLabels.get(tab) : undefined;
    const info = `${language === 'text' ? '' : language}${label && label !== language ? ` title="${label.replace(/"/g, "'")}"` : ''}`;
    return codeFence((pre ? toText(pre, { whitespace: 'pre' }) : '').replace(/\n$/, ''), info);
  }

  /** Slate's language-specific text says which tabs it is for: "(Ruby, Ruby v2) Only for Ruby readers." */
  private forTabs(node: Element): string {
    if (!hasClass(node, 'lang-specific')) return '';
    const names = classesOf(node).flatMap((name) => this.tabLabels.get(name) ?? []);
    return names.length ? `_(${names.map(escapeText).join(', ')})_ ` : '';
  }

  private list(node: Element): string {
    const ordered = node.tagName === 'ol';
    const start = ordered && typeof node.properties.start === 'number' ? node.properties.start : 1;
    return node.children
      .filter((child): child is Element => isElement(child) && child.tagName === 'li')
      .map((item, index) => {
        const marker = ordered ? `${start + index}. ` : '- ';
        const body = this.blocks(item.children).join('\n\n') || '';
        return marker + body.replace(/\n(?!$)/g, `\n${' '.repeat(marker.length)}`).replace(/\n +\n/g, '\n\n');
      })
      .join('\n');
  }

  private table(node: Element): string {
    const rows: Element[] = [];
    const collect = (parent: Element) => {
      for (const child of parent.children) {
        if (!isElement(child)) continue;
        if (child.tagName === 'tr') rows.push(child);
        else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) collect(child);
      }
    };
    collect(node);
    if (rows.length === 0) return '';
    const cells = rows.map((row) =>
      row.children
        .filter((cell): cell is Element => isElement(cell) && (cell.tagName === 'td' || cell.tagName === 'th'))
        .map((cell) => this.inline(cell.children).replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')),
    );
    const width = Math.max(...cells.map((row) => row.length));
    const line = (row: string[]) => `| ${Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ')} |`;
    const [head = [], ...body] = cells;
    return [line(head), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...body.map(line)].join('\n');
  }
}

const wrapped = (text: string, mark: string) => (text ? `${mark}${text}${mark}` : '');

/** A paragraph that cannot be read as another block (`# `, `> `, `- `, `1. ` at its start). */
const paragraph = (text: string) => text.replace(/^(#{1,6}(?=\s)|>|[-+](?=\s))/, '\\$1').replace(/^(\d+)([.)]\s)/, '$1\\$2');

const quoted = (blocks: string[]) =>
  blocks
    .join('\n\n')
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

/** The tab names of the page's language bar, by tab key: `shell` → `cURL`. */
function tabLabels(root: Root): Map<string, string> {
  const labels = new Map<string, string>();
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      const key = child.properties.dataTabKey;
      if (child.properties.role === 'tab' && typeof key === 'string') labels.set(key, toText(child).trim());
      else visit(child);
    }
  };
  visit(root);
  return labels;
}

/** What markdownSourceRanges reads a page in: a string, or its bytes (a Buffer), which need no decoding to be hashed. */
interface Searchable {
  indexOf(value: string, from?: number): number;
  lastIndexOf(value: string): number;
}

/**
 * Where in a built page its Markdown is made from, as [start, end) offsets: the language bar (for
 * the tabs' names) and the main column. The navigation's table of contents is much of a big
 * reference's page, and is left out. Undefined for a page with no `<main>` (not a docs page).
 */
export function markdownSourceRanges(html: Searchable): Array<[number, number]> | undefined {
  const mainStart = html.indexOf('<main');
  const mainEnd = html.lastIndexOf('</main>');
  if (mainStart < 0 || mainEnd < 0) return undefined;
  const main: [number, number] = [mainStart, mainEnd + '</main>'.length];
  const tabsStart = html.indexOf('<shale-language-tabs');
  const tabsEnd = html.indexOf('</shale-language-tabs>', tabsStart) + '</shale-language-tabs>'.length;
  return tabsStart >= 0 && tabsEnd <= mainStart ? [[tabsStart, tabsEnd], main] : [main];
}

/** What of a built page its Markdown is made from (markdownSourceRanges), as one text. */
export function markdownSource(html: string): string | undefined {
  return markdownSourceRanges(html)
    ?.map(([start, end]) => html.slice(start, end))
    .join('');
}

/** The Markdown of a page's markdownSource: each section's prose and then its code column, in page order. */
export function markdownOf(source: string): string {
  return markdownOfTree(htmlTree(source));
}

/** The Markdown of a page's markdownSource read as a tree. */
export function markdownOfTree(root: Root): string {
  const main = root.children.find((node): node is Element => isElement(node) && node.tagName === 'main');
  if (!main) return '';
  const serializer = new Serializer(tabLabels(root));
  const blocks: string[] = [];
  for (const child of main.children) {
    if (!isElement(child) || leftOut(child)) continue;
    // A section's two columns, one after the other: its prose, then its notes and code.
    const parts = hasClass(child, 'section') ? child.children.filter(isElement).flatMap((column) => column.children) : [child];
    blocks.push(...serializer.blocks(parts));
  }
  return `${blocks.join('\n\n').trim()}\n`;
}

/** The Markdown of one built page, or undefined for a page that is not a docs page. */
export function pageMarkdown(html: string): string | undefined {
  const source = markdownSource(html);
  return source === undefined ? undefined : markdownOf(source);
}
