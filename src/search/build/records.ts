import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { identifierWords } from '../shared/identifiers';

/** One search result: a section of a page (h1, h2 or h3 and what follows it up to the next one). */
export interface SectionRecord {
  /** The section's address relative to the site root, always starting with `/`: `/#oauth`, `/v2.html#oauth`. */
  url: string;
  /** The heading's text (the page title for text before the first heading). */
  title: string;
  /** The title of the closest section above it (an h1 for an h2, an h2 or h1 for an h3), or `''`. */
  parent: string;
  /** The title of the doc it belongs to (front matter `title`): results from another doc (`v2.html`) name it. */
  doc: string;
  /** 1–3 for a heading's section, 0 for text before the first heading. */
  level: number;
  /** The middle column's text and the notes (blockquotes) of the code column. */
  prose: string;
  /** The code samples, every language. */
  code: string;
  /** Identifier parts and joined runs (see identifiers.ts), searchable but never shown. */
  keywords: string[];
  /** An OpenAPI operation's method and path template (`GET /repos/{owner}/{repo}`), when the section shows one. */
  endpoint?: string;
  /** The page's language (`<html lang>`), which picks Pagefind's stemmer. */
  language: string;
}

/** A built page that cannot be indexed: says which page and why. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** The address of a built page relative to the site root: `index.html` → `/`, `v3/index.html` → `/v3/`. */
export function pageUrl(outputPath: string): string {
  return `/${outputPath.replace(/^\/+/, '').replace(/(^|\/)index\.html$/, '$1')}`;
}

const isElement = (node: RootContent | ElementContent | Root | undefined): node is Element => node?.type === 'element';
const hasClass = (node: Element, name: string) => {
  const value = node.properties.className;
  return Array.isArray(value) && value.includes(name);
};

/** Every element under `node` (depth first, document order) for which `test` holds; does not look inside matches. */
function findAll(node: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (test(child)) found.push(child);
    else found.push(...findAll(child, test));
  }
  return found;
}

const childElements = (node: Element) => node.children.filter(isElement);
const HEADING = /^h[1-3]$/;
/** Text of the given nodes, blocks separated by line breaks and runs of spaces collapsed. */
const textOfAll = (nodes: ElementContent[]) =>
  nodes
    .map((node) => toText(node).trim())
    .filter(Boolean)
    .join('\n');

/**
 * Code's lines, each once (trimmed), in order of first appearance. Search needs each word of the
 * code, not each time it is written: a JSON example repeats its lines (GitHub's REST API's
 * `"type": "User"`, `"site_admin": false` in every nested user), and a section's samples repeat one
 * another. In GitHub's spec this is a third of the code Pagefind is given; every word stays
 * findable, and an excerpt cut from code still shows lines as written.
 */
function distinctLines(code: string): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const line of code.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || seen.has(trimmed)) continue;
    seen.add(trimmed);
    kept.push(trimmed);
  }
  return kept.join('\n');
}

/**
 * The search records of one built page: one per section (`<section class="section">` inside
 * `<main id="content">`, as `rehype-sections` lays them out), each linking to its heading's id.
 * Copy buttons and other controls are left out; code is kept apart from prose so the index can
 * weigh it less and show prose in excerpts.
 */
export function sectionRecords(html: string, outputPath: string): SectionRecord[] {
  const { head, main } = parsePage(html);
  if (!main) throw new SearchIndexError(`${outputPath} has no <main id="content">: it is not a Shale docs page.`);
  const root = findAll(head, (element) => element.tagName === 'html')[0];
  const language = String(root?.properties.lang ?? '').trim() || 'en';
  const pageTitle = toText(findAll(head, (element) => element.tagName === 'title')[0] ?? { type: 'root', children: [] }).trim();
  const base = pageUrl(outputPath);

  const records: SectionRecord[] = [];
  const above: Array<{ level: number; title: string }> = [];
  for (const section of findAll(main, (element) => element.tagName === 'section' && hasClass(element, 'section'))) {
    const content = sectionContent(section);
    if (content.level > 0 && !content.id) throw new SearchIndexError(`${outputPath}: the heading "${content.title}" has no id, so search cannot link to it.`);
    const record = toRecord(content, above, { pageUrl: base, pageTitle, language });
    if (record) records.push(record);
  }
  return records;
}

/** What search needs from one `<section class="section">`: its heading, prose (with the notes of the code column) and code. */
export interface SectionContent {
  /** 1–3 for a heading's section, 0 for text before the first heading. */
  level: number;
  /** The heading's text ('' for text before the first heading). */
  title: string;
  /** The heading's id ('' for text before the first heading). */
  id: string;
  prose: string;
  code: string;
  /**
   * The identifier words of prose and code (identifiers.ts). Made here, with the section, so a
   * rendered file's cache keeps them: a rebuild then does not tokenize 10,500 sections again.
   */
  keywords: string[];
  /** The method and path of the operation it shows (`<p class="endpoint">`, compile-spec.ts), if any. */
  endpoint?: string;
}

/** The searchable content of one section element, as `rehype-sections` lays it out. */
export function sectionContent(section: Element): SectionContent {
  const columns = childElements(section);
  const prose = columns.find((column) => hasClass(column, 'prose'));
  const examples = columns.find((column) => hasClass(column, 'examples'));
  const proseBlocks = (prose?.children ?? []).filter((node) => node.type !== 'comment');
  const heading = proseBlocks.find(isElement);
  const isHeading = !!heading && HEADING.test(heading.tagName);
  const notes = examples ? findAll(examples, (element) => element.tagName === 'blockquote') : [];
  // A request sample Shale generated is left out (content/generated-sample.ts says why): not looked into.
  const isGenerated = (element: Element) => hasClass(element, 'code-block') && element.properties.dataSample === 'generated';
  const code = examples ? findAll(examples, (element) => element.tagName === 'pre' || isGenerated(element)).filter((element) => element.tagName === 'pre') : [];
  const proseText = textOfAll([...proseBlocks.filter((node) => node !== heading || !isHeading).map(withoutControls), ...notes]);
  const codeText = distinctLines(textOfAll(code));
  const endpoint = proseBlocks.find((node): node is Element => isElement(node) && node.tagName === 'p' && hasClass(node, 'endpoint'));
  const endpointCode = endpoint && childElements(endpoint).find((element) => element.tagName === 'code');
  return {
    level: isHeading ? Number(heading.tagName[1]) : 0,
    title: isHeading ? toText(heading).trim() : '',
    id: isHeading ? String(heading.properties.id ?? '') : '',
    prose: proseText,
    code: codeText,
    keywords: identifierWords(`${proseText}\n${codeText}`),
    ...(endpointCode ? { endpoint: toText(endpointCode).trim() } : {}),
  };
}

/**
 * The record of a section, given the sections above it (`above`, updated here: the open h1/h2
 * titles, for the parent). `undefined` for text before the first heading when it is empty.
 */
export function toRecord(
  content: SectionContent,
  above: Array<{ level: number; title: string }>,
  page: { pageUrl: string; pageTitle: string; language: string },
): SectionRecord | undefined {
  const { level, prose, code } = content;
  const title = level > 0 ? content.title : page.pageTitle;
  while (above.length && above.at(-1)!.level >= level) above.pop();
  const parent = level > 0 ? (above.at(-1)?.title ?? '') : '';
  if (level > 0) above.push({ level, title });
  if (level === 0 && !prose && !code) return undefined;
  return {
    url: content.id ? `${page.pageUrl}#${content.id}` : page.pageUrl,
    title,
    parent,
    doc: page.pageTitle,
    level,
    prose,
    code,
    // The same words as identifierWords(`${title}\n${prose}\n${code}`): the title's first, then the rest's.
    keywords: [...new Set([...identifierWords(title), ...content.keywords])],
    ...(content.endpoint ? { endpoint: content.endpoint } : {}),
    language: page.language,
  };
}

const isMain = (element: Element) => element.tagName === 'main' && element.properties.id === 'content';

/**
 * Parses what the records need: the page's start (`<html lang>`, `<title>`) and `<main id="content">`.
 * Parsing is most of the indexing time, and the navigation in between grows with the page (a TOC
 * entry per section), so it is skipped when `<main>` can be cut out of the text; otherwise, the
 * whole page is parsed.
 */
function parsePage(html: string): { head: Root; main: Element | undefined } {
  const start = html.search(/<main\b[^>]*\bid="content"/);
  const end = html.lastIndexOf('</main>');
  const body = html.indexOf('<body');
  if (start > body && body >= 0 && end > start) {
    const main = findAll(fromHtml(html.slice(start, end + '</main>'.length), { fragment: true }), isMain)[0];
    if (main) return { head: fromHtml(html.slice(0, body)), main };
  }
  const tree = fromHtml(html);
  return { head: tree, main: findAll(tree, isMain)[0] };
}

/** A copy of a block without buttons (copy buttons carry words that are not content). */
function withoutControls(node: ElementContent): ElementContent {
  if (!isElement(node)) return node;
  return { ...node, children: node.children.filter((child) => !(isElement(child) && child.tagName === 'button')).map(withoutControls) };
}
