import type { Page } from '../content/site';
import type { Heading } from '../content/toc';
import { allocateIds, slateIdsOf } from '../content/slug';
import { groupPaths, shouldSplit, siblingHref } from '../content/split';
import { nearestNames } from '../schema/languages';
import { pageUrl, toRecord, type SectionRecord } from '../search/records';
import type { Problem } from '../validation/problem';
import type { HeadingOrigin } from './context';
import type { RenderedPart } from './render-part';

/** One output page: the whole Markdown page, or one h1 group of it when it is split. */
export interface ComposedGroup {
  outputPath: string;
  /** The text of the h1 the page starts with (groups after the first of a split page). */
  title?: string;
  html: string;
  headings: Heading[];
  /** toc_footers, with #links pointing at the page of a split set that holds the id. */
  footers: string[];
  /** Search records of the page's sections (empty when the page has `search: false`). */
  records: SectionRecord[];
}

export interface ComposedPage {
  headings: Heading[];
  origins: HeadingOrigin[];
  problems: Problem[];
  split: boolean;
  groups: ComposedGroup[];
}

const PLACEHOLDER = /id="__shale_heading_(\d+)__"/g;
const PLACEHOLDER_ID = /^__shale_heading_(\d+)__$/;
const HASH_LINK = /href="#([^"]+)"/g;

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * Settles a Markdown page from its files rendered on their own (render-part.ts): gives every heading
 * its id, unique across the page (Slate's ids first, slate#952); reports ids used twice and #links to
 * no id; splits the page into one page per h1 group when asked or when it is large (split.ts), and
 * points #links at the page of the set that holds their target; makes the search records.
 */
export function composePage(page: Page, parts: RenderedPart[], takenPaths: ReadonlySet<string> = new Set()): ComposedPage {
  const problems: Problem[] = parts.flatMap((part) => part.problems);
  const requests = parts.flatMap((part) => part.headings.map((heading) => ({ file: part.file, base: heading.base, fixed: heading.fixed })));
  const ids = allocateIds(requests);
  const slateIds = slateIdsOf(requests);

  const headings: Heading[] = [];
  const origins: HeadingOrigin[] = [];
  const sections: Array<{ level: number; html: string; ids: string[]; heading?: Heading; search: RenderedPart['sections'][number]['search'] }> = [];
  let offset = 0;
  for (const part of parts) {
    const first = offset;
    part.headings.forEach((heading, index) => {
      const id = ids[first + index]!;
      headings.push({ level: heading.level, id, html: heading.html, text: heading.text });
      origins.push({ file: part.file, line: heading.line, ...(slateIds[first + index] === id ? {} : { slateId: slateIds[first + index] }) });
    });
    for (const section of part.sections) {
      const html = section.html.replace(PLACEHOLDER, (_, index: string) => `id="${ids[first + Number(index)]}"`);
      const sectionIds = section.ids.map((id) => {
        const heading = PLACEHOLDER_ID.exec(id)?.[1];
        return heading === undefined ? id : ids[first + Number(heading)]!;
      });
      sections.push({ level: section.level, html, ids: sectionIds, heading: section.heading === undefined ? undefined : headings[first + section.heading], search: section.search });
    }
    offset += part.headings.length;
  }

  // Every id of the page, in reading order: each file's headings and other elements with an id.
  const seen = new Set<string>();
  const occurrences = parts.flatMap((part, index) => {
    const first = parts.slice(0, index).reduce((sum, earlier) => sum + earlier.headings.length, 0);
    const own = part.headings.map((heading, k) => ({ id: ids[first + k]!, line: heading.line }));
    return [...own, ...part.ids].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).map((mention) => ({ ...mention, file: part.file }));
  });
  for (const { id, file, line } of occurrences) {
    if (seen.has(id)) problems.push({ severity: 'error', file, line, message: `id "${id}" is used twice on the page.`, fix: 'give one of the elements another id.' });
    seen.add(id);
  }
  const tolerated: Problem['severity'] = page.slate ? 'warning' : 'error';
  const hint = (anchor: string) => {
    const [nearest] = nearestNames(anchor, seen, 1);
    return nearest ? `did you mean "#${nearest}"?` : 'link to the id of a heading on this page.';
  };
  for (const part of parts) {
    for (const { id, line } of part.links) {
      if (!seen.has(id)) problems.push({ severity: tolerated, file: part.file, line, message: `link "#${id}" points to no id on this page.`, fix: hint(id) });
    }
  }
  for (const footer of page.footers) {
    for (const anchor of footer.anchors) {
      if (!seen.has(anchor)) problems.push({ severity: tolerated, file: page.file, line: footer.line, message: `toc_footers link "#${anchor}" points to no id on this page.`, fix: hint(anchor) });
    }
  }

  // h1 groups: everything before the second h1 stays with the first.
  const groupOf: number[] = [];
  let group = 0;
  let seenH1 = false;
  for (const section of sections) {
    if (section.level === 1) {
      if (seenH1) group += 1;
      seenH1 = true;
    }
    groupOf.push(group);
  }
  const groupCount = group + 1;
  // Bytes as written (UTF-8), not string length: a page in Japanese is three times its length.
  const htmlBytes = sections.reduce((sum, section) => sum + Buffer.byteLength(section.html), 0);
  const split = shouldSplit(page.frontMatter.split, htmlBytes, groupCount);
  const firstH1 = (index: number) => sections.find((section, i) => groupOf[i] === index && section.level === 1)?.heading;
  const paths = split
    ? groupPaths(page.outputPath, Array.from({ length: groupCount }, (_, index) => firstH1(index)?.id ?? `part-${index + 1}`), takenPaths)
    : [page.outputPath];
  const pathOfSection = (index: number) => paths[split ? groupOf[index]! : 0]!;

  // Which page holds each id, so #links across the set can follow it.
  const idPage = new Map<string, string>();
  sections.forEach((section, index) => {
    for (const id of section.ids) if (!idPage.has(id)) idPage.set(id, pathOfSection(index));
  });
  const pointLinks = (html: string, from: string) =>
    split
      ? html.replace(HASH_LINK, (whole, anchor: string) => {
          const target = idPage.get(decode(anchor));
          return target && target !== from ? `href="${siblingHref(target)}#${anchor}"` : whole;
        })
      : html;

  const groups: ComposedGroup[] = paths.map((outputPath, index) => ({
    outputPath,
    ...(index > 0 ? { title: firstH1(index)?.text } : {}),
    html: '',
    headings: [],
    footers: page.footers.map((footer) => pointLinks(footer.html, outputPath)),
    records: [],
  }));
  const chunks: string[][] = paths.map(() => []);
  sections.forEach((section, index) => chunks[split ? groupOf[index]! : 0]!.push(pointLinks(section.html, paths[split ? groupOf[index]! : 0]!)));
  // Every heading (h4–h6 and headings nested in raw HTML too) belongs to the page that holds its id:
  // sorted in one pass (filtering all headings once per page took 0.4 s for 501 pages of 10,500).
  const headingsOf = new Map<string, Heading[]>(paths.map((outputPath) => [outputPath, []]));
  if (split) {
    for (const heading of headings) {
      const holder = idPage.get(heading.id);
      if (holder) headingsOf.get(holder)!.push(heading);
    }
  }
  groups.forEach((target, index) => {
    target.html = chunks[index]!.join('');
    target.headings = split ? headingsOf.get(target.outputPath)! : headings;
  });

  // Search records are made when first asked for: the build indexes them, but `npm run dev` never
  // does (it indexes the pages it serves), and they are most of the time composing a big page takes
  // (60 of 70 ms for 500 endpoints), time an edit waits for before it reaches the browser.
  let records: SectionRecord[][] | undefined;
  const makeRecords = (): SectionRecord[][] => {
    if (records) return records;
    records = paths.map(() => []);
    if (!page.frontMatter.search) return records;
    const above: Array<{ level: number; title: string }> = [];
    sections.forEach((section, index) => {
      const at = split ? groupOf[index]! : 0;
      const record = toRecord({ ...section.search, id: section.heading?.id ?? '' }, above, {
        pageUrl: pageUrl(paths[at]!),
        pageTitle: page.frontMatter.title,
        language: 'en',
      });
      if (record) records![at]!.push(record);
    });
    return records;
  };
  groups.forEach((group, index) =>
    Object.defineProperty(group, 'records', { enumerable: true, configurable: true, get: () => makeRecords()[index]! }),
  );
  return { headings, origins, problems, split, groups };
}

