import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

/** A built page, parsed, with what the build tests look at. */
export interface BuiltPage {
  tree: Root;
  /** Every element matching the test, in document order (below `within` when given). */
  all(test: (element: Element) => boolean, within?: Element | Root): Element[];
  /** The ids of the headings (h1–h6) of the content, in order. */
  headingIds(): string[];
  /** The table of contents: each h1 entry with its children, as `text#id`. */
  toc(): Array<{ entry: string; children: string[] }>;
  /** The language tabs: key and label. */
  tabs(): Array<{ key: string; label: string }>;
  /** The code blocks of the content: their fence language and the tab they belong to ('' = every tab). */
  codeBlocks(): Array<{ language: string; tab: string }>;
  /** The main content element. */
  main(): Element;
}

export const classes = (element: Element): string[] => ((element.properties.className as string[] | undefined) ?? []).map(String);
export const hasClass = (element: Element, name: string) => classes(element).includes(name);
export const is = (name: string) => (element: Element) => element.tagName === name;
export const text = (node: Element | Root) => toText(node).trim();

export function readPage(file: string): BuiltPage {
  return pageOf(fromHtml(fs.readFileSync(file, 'utf8')), file);
}

/**
 * A page as the reader sees it, whether it was built as one page or split into one page per h1
 * (its TOC then links to the other pages): every page's content in reading order, as one page.
 */
export function readDocs(dir: string, first = 'index.html'): BuiltPage {
  const start = readPage(path.join(dir, first));
  // Every page of a split set in reading order: the pager's "next" links go through the pages of
  // each h1 group, a group continued on further pages (split.ts) included.
  const files = [first];
  const pages = [start];
  for (let page = start; ;) {
    const next = page.all((e) => e.tagName === 'a' && e.properties.rel?.toString() === 'next')[0];
    if (!next) break;
    const target = path.posix.join(path.posix.dirname(files.at(-1)!), String(next.properties.href).split('#')[0]!);
    if (files.includes(target)) break;
    files.push(target);
    pages.push((page = readPage(path.join(dir, target))));
  }
  if (files.length === 1) return start;
  const main: Element = { type: 'element', tagName: 'main', properties: { id: 'content' }, children: pages.flatMap((page) => page.main().children) };
  const merged = pageOf({ type: 'root', children: [main] }, dir);
  // The TOC of the set: every h1 (from the first page), each with the children each page lists for
  // its own headings (a page of a continued group names the group's other pages too: those are left
  // to their own pages), in order.
  const local = new Map<string, string[]>();
  for (const page of pages) {
    const own = new Set(page.headingIds());
    for (const group of page.toc()) {
      const children = local.get(group.entry) ?? [];
      children.push(...group.children.filter((child) => own.has(child.slice(child.lastIndexOf('#') + 1)) && !children.includes(child)));
      local.set(group.entry, children);
    }
  }
  return { ...merged, toc: () => start.toc().map((group) => ({ entry: group.entry, children: local.get(group.entry) ?? [] })), tabs: start.tabs };
}

function pageOf(tree: Root, file: string): BuiltPage {
  const all = (test: (element: Element) => boolean, within: Element | Root = tree) => {
    const found: Element[] = [];
    visit(within, 'element', (element: Element) => void (test(element) && found.push(element)));
    return found;
  };
  const main = () => {
    const [element] = all((e) => e.tagName === 'main' && e.properties.id === 'content');
    if (!element) throw new Error(`${file} has no <main id="content">`);
    return element;
  };
  // `text#id`, whether the entry links on this page (`#id`) or to another page of a split set (`x.html#id`).
  const link = (anchor: Element) => {
    const href = String(anchor.properties.href);
    return `${text(anchor)}${href.slice(href.indexOf('#'))}`;
  };
  return {
    tree,
    all,
    main,
    headingIds: () => all((e) => /^h[1-6]$/.test(e.tagName), main()).map((e) => String(e.properties.id)),
    toc: () => {
      const [list] = all((e) => e.tagName === 'ul' && hasClass(e, 'toc-list-h1'));
      if (!list) return [];
      return list.children
        .filter((child): child is Element => child.type === 'element' && child.tagName === 'li')
        .map((item) => {
          const [entry] = all((e) => e.tagName === 'a' && hasClass(e, 'toc-h1'), item);
          const children = all((e) => e.tagName === 'a' && (hasClass(e, 'toc-h2') || hasClass(e, 'toc-h3')), item);
          return { entry: link(entry!), children: children.map(link) };
        });
    },
    tabs: () => all((e) => e.properties.role === 'tab').map((e) => ({ key: String(e.properties.dataTabKey), label: text(e) })),
    codeBlocks: () =>
      all((e) => e.tagName === 'div' && hasClass(e, 'code-block'), main()).map((e) => ({
        language: String(e.properties.dataLanguage ?? ''),
        tab: String(e.properties.dataTab ?? ''),
      })),
  };
}

/** How many items of a list have each value of `key`. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
