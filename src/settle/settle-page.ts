import { allocateIds, nestedBases, slateIdsOf } from '../content/slug';
import { groupPaths, MAX_PAGE_BYTES, MAX_PAGE_ELEMENTS, MAX_SPLIT_PAGE_BYTES, shouldSplit } from '../content/split';
import { orphanHeadings, type Heading } from '../content/toc';
import { shinsIdsOf, type ShinsHeading } from '../content/shins-ids';
import { problem, type Problem } from '../validation/problem';
import { attributeText } from './template';
import { NearestIds } from './nearest-id';
import type { HeadingFact, MentionFact } from './facts';

/** A section of the page (one per h1, h2 and h3, and the text before the first): what splitting needs. */
export interface SectionFact {
  level: number;
  /** Its size as written (UTF-8 bytes) without the ids the page gives its headings, for the automatic split of large pages. */
  bytes: number;
  /** How many elements its HTML has (unknown: none), for the same. */
  elements?: number;
  /** The ids written into it (of headings and of other elements, by index), which add to its size. */
  holes?: ReadonlyArray<{ heading: number } | { id: number }>;
  /** The index of its own heading in the page's headings, when it has one. */
  heading?: number;
}

/** Where a heading, id or link sits: its section (none for a heading that left the tree, such as one in a code block). */
type InSection<T> = T & { section?: number };

/** Everything the settle step needs to know about a page, from any source of sections. */
export interface SettleInput {
  /** The page's own file, its path in the site, whether it is in Slate's own format, and its TOC depth. */
  page: { file: string; outputPath: string; slate: boolean; tocDepth: 2 | 3 };
  /** The page's files in reading order: ids repeated across them are reported in this order. */
  files: readonly string[];
  headings: ReadonlyArray<InSection<HeadingFact>>;
  /** Ids of other elements, and `#links` (by their decoded anchor). */
  ids: ReadonlyArray<InSection<MentionFact>>;
  links: ReadonlyArray<InSection<MentionFact>>;
  sections: readonly SectionFact[];
  /**
   * The page's files whose text is a spec's (sections made from it): an id its descriptions repeat
   * (one description under two operations) is treated as in Slate's own format, the spec being
   * third-party text written for renderers that built such pages.
   */
  specFiles?: ReadonlySet<string>;
  /** The `#anchors` of the page's toc_footers, with their front-matter line. */
  footers: ReadonlyArray<{ anchors: readonly string[]; line?: number }>;
  /**
   * Whether the page may become one page per h1 group: `split` is the front matter's setting, and
   * `takenPaths` the output paths of the site's other pages, which the groups must not take.
   * Absent for a page that is always one page (MDX).
   */
  splitting?: { split: 'h1' | false | undefined; takenPaths: ReadonlySet<string> };
}

/** What the settle step decided. */
export interface Settlement {
  /** Each heading with its id, unique across the page (in the order of `input.headings`). */
  headings: Heading[];
  /** The id Slate itself gave each heading, where it differs (slate#952). */
  slateIds: Array<string | undefined>;
  /**
   * In Slate's format, the id Shins gave each heading where it differs from the heading's own and no
   * other element of the page has it: the heading answers to it too (content/shins-ids.ts).
   */
  aliases: Array<string | undefined>;
  /** Each other element's id (in the order of `input.ids`): as written, or renamed when it repeats an earlier id (Slate's own format). */
  ids: string[];
  problems: Problem[];
  split: boolean;
  /** The output path of each group: one, or one per h1 group when split. */
  paths: string[];
  /** The group of each section. */
  groupOf: number[];
  /**
   * Where a `#link` from a group goes: `undefined` when its target is on that same page (or nowhere),
   * else the path of the page of the set that holds it.
   */
  target(anchor: string, fromGroup: number): string | undefined;
  /** The headings each group holds (every heading when the page is not split). */
  headingsOf(group: number): Heading[];
  /** The title of the h1 a group starts with (groups after the first of a split page). */
  titleOf(group: number): string | undefined;
  /** For a page that continues an h1 group too large for one page: the group of the page holding its h1. */
  parentOf(group: number): number | undefined;
}

/**
 * The one settle step every source of sections goes through (Markdown files rendered one by one,
 * an MDX document, later an OpenAPI description): gives every heading its id, unique across the
 * page (Slate's ids first, slate#952: content/slug.ts); reports ids used twice, `#links` and
 * toc_footers links to no id (with the nearest id), and headings the TOC leaves out; splits the page
 * into one page per h1 group when asked or when it is large (content/split.ts), and says which page
 * of the set holds each id, so links can follow it. It decides; applying the decision is the
 * source's: holes in serialised HTML (settle/template.ts) or nodes of a tree (rehype-settle-document).
 */
export function settlePage(input: SettleInput): Settlement {
  const { page } = input;
  const bases = nestedBases(input.headings);
  const requests = input.headings.map((heading, index) => ({ file: heading.file, base: bases[index]!, fixed: heading.fixed, raw: heading.raw }));
  const ids = allocateIds(requests);
  const slateIds = slateIdsOf(requests);
  const headings: Heading[] = input.headings.map((heading, index) => ({ level: heading.level, id: ids[index]!, html: heading.html, text: heading.text }));
  const problems: Problem[] = [];
  const where = (file: string, line?: number) => ({ file, line, slate: page.slate });

  // Every id of the page in reading order (each file's headings and other ids by line, files in order):
  // the later of two equal ids is the one reported. In Slate's own format, which Slate built with
  // repeated ids (Widdershins repeats raw-HTML headings), and in a spec's text (specFiles), it is a
  // warning and the later element takes the next free `-2`, `-3`: every id stays unique, and a link
  // goes to the first, as in a browser.
  const rawIds = input.ids.map((mention) => mention.id);
  const fileOrder = new Map(input.files.map((file, index) => [file, index]));
  const occurrences = [
    ...input.headings.map((heading, index) => ({
      id: ids[index]!,
      file: heading.file,
      line: heading.line,
      named: false,
      rename: (id: string) => (ids[index] = headings[index]!.id = id),
    })),
    ...input.ids.map((mention, index) => ({ ...mention, named: mention.named === true, rename: (id: string) => (rawIds[index] = id) })),
  ].map((mention, order) => ({ ...mention, order }));
  occurrences.sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || (a.line ?? 0) - (b.line ?? 0) || a.order - b.order);
  const seen = new Set<string>();
  const every = new Set(occurrences.map((occurrence) => occurrence.id));
  const nextFree = (id: string) => {
    let suffix = 2;
    while (every.has(`${id}-${suffix}`)) suffix++;
    const renamed = `${id}-${suffix}`;
    every.add(renamed);
    seen.add(renamed);
    return renamed;
  };
  // An `<a name="x">` never takes `#x` from an element whose id is x, wherever it is (`# <a name="calls"></a>Calls`
  // beside the heading's own `calls`: Sellf's docs): a browser goes to the id. It is given the next
  // free id, with no warning. (Two names alike are repeated ids as any other.)
  const names = new Set<string>();
  for (const { id, file, line, rename, named } of [...occurrences.filter((mention) => !mention.named), ...occurrences.filter((mention) => mention.named)]) {
    if (!seen.has(id)) {
      seen.add(id);
      if (named) names.add(id);
      continue;
    }
    if (named && !names.has(id)) {
      rename(nextFree(id));
      continue;
    }
    const tolerated = page.slate || input.specFiles?.has(file) === true;
    if (!tolerated) {
      problems.push(problem('id-duplicate', where(file, line), { id }));
      continue;
    }
    const renamed = nextFree(id);
    rename(renamed);
    problems.push(problem('id-duplicate', { ...where(file, line), slate: true }, { id, renamed }));
  }
  // Broken links are told of the page's own ids, not of the aliases, which are for old links only.
  const suggestions = new NearestIds(seen);
  // A spec's sections carry their own (peer-anchors.ts): Widdershins' page of a spec had other headings.
  const aliases = page.slate ? shinsAliases(input.headings, ids, seen, input.specFiles ?? new Set()) : [];
  const nearest = (anchor: string) => suggestions.nearest(anchor);
  for (const link of input.links) {
    if (!seen.has(link.id)) {
      const spec = input.specFiles?.has(link.file) === true;
      problems.push(problem('link-broken', where(link.file, link.line), { anchor: link.id, nearest: nearest(link.id), ...(spec ? { spec } : {}) }));
    }
  }
  for (const footer of input.footers) {
    for (const anchor of footer.anchors) {
      if (!seen.has(anchor)) problems.push(problem('footer-link-broken', where(page.file, footer.line), { anchor, nearest: nearest(anchor) }));
    }
  }
  for (const orphan of orphanHeadings(headings, page.tocDepth)) {
    const index = headings.indexOf(orphan);
    const fact = input.headings[index]!;
    problems.push(problem('heading-before-h1', where(fact.file, fact.line), { text: orphan.text, level: orphan.level }));
  }

  // Each section's size as written, its ids included.
  const sizes = input.sections.map(
    (section) =>
      section.bytes +
      (section.holes ?? []).reduce((size, hole) => size + Buffer.byteLength(attributeText('heading' in hole ? ids[hole.heading]! : rawIds[hole.id]!)), 0),
  );
  const bytes = sizes.reduce((total, size) => total + size, 0);
  const h1Groups = Math.max(1, input.sections.filter((section) => section.level === 1).length);
  const split = !!input.splitting && input.splitting.split !== false && (shouldSplit(input.splitting.split, bytes, h1Groups) || bytes > MAX_PAGE_BYTES);
  const pages = split ? pagesOf(input.sections, sizes) : { groupOf: input.sections.map(() => 0), starts: [0], parents: [undefined] };
  const { groupOf } = pages;
  const headingOf = (section: number | undefined) => {
    const index = section === undefined ? undefined : input.sections[section]?.heading;
    return index === undefined ? undefined : headings[index];
  };
  // A page that continues an h1 group is named after that h1 and its place in the group
  // (`repos-3.html`), not after its first h2: editing that h2 (an operation's summary) then moves
  // no page, so links to the page hold and the rebuild stays quick.
  const pageName = (index: number): string | undefined => {
    const parent = pages.parents[index];
    if (parent === undefined) return undefined;
    // The group's page may open with text without a heading (a spec's description) before its h1.
    let h1 = pages.starts[parent]!;
    while (h1 < input.sections.length && input.sections[h1]!.level !== 1) h1++;
    const stem = headingOf(h1)?.id ?? page.outputPath.replace(/^.*\//, '').replace(/\.html$/, '');
    return `${stem}-${index - parent + 1}`;
  };
  const paths = split
    ? groupPaths(
        page.outputPath,
        pages.starts.map((start, index) => pageName(index) ?? headingOf(start)?.id ?? `part-${index + 1}`),
        input.splitting!.takenPaths,
      )
    : [page.outputPath];
  const firstH1 = (index: number) => headingOf(pages.starts[pages.parents[index] ?? index]);

  // Which group holds each id (the first element with it), so #links across the set can follow it.
  const idGroup = new Map<string, number>();
  const claim = (id: string, section: number | undefined) => {
    if (section !== undefined && !idGroup.has(id)) idGroup.set(id, groupOf[section]!);
  };
  const placed = [
    ...input.headings.map((heading, index) => ({ id: ids[index]!, section: heading.section })),
    ...input.ids.map((mention, index) => ({ id: rawIds[index]!, section: mention.section })),
  ].sort((a, b) => (a.section ?? -1) - (b.section ?? -1));
  for (const { id, section } of placed) claim(id, section);
  aliases.forEach((alias, index) => alias && claim(alias, input.headings[index]!.section));

  // Every heading (h4–h6 and headings nested in raw HTML too) belongs to the page that holds its id.
  const byGroup: Heading[][] = paths.map(() => []);
  if (split) {
    for (const heading of headings) {
      const holder = idGroup.get(heading.id);
      if (holder !== undefined) byGroup[holder]!.push(heading);
    }
  }

  return {
    headings,
    slateIds: slateIds.map((id, index) => (id === ids[index] || requests[index]!.raw ? undefined : id)),
    aliases,
    ids: rawIds,
    problems,
    split,
    paths,
    groupOf,
    target: (anchor, fromGroup) => {
      if (!split) return undefined;
      const holder = idGroup.get(anchor);
      return holder === undefined || holder === fromGroup ? undefined : paths[holder];
    },
    headingsOf: (index) => (split ? byGroup[index]! : headings),
    // A page that continues an h1 group is named after the h1 and its own first h2.
    titleOf: (index) =>
      index === 0 ? undefined : pages.parents[index] === undefined ? firstH1(index)?.text : `${firstH1(index)?.text}: ${headingOf(pages.starts[index])?.text}`,
    parentOf: (index) => pages.parents[index],
  };
}

/**
 * The id Shins gave each heading, where a link to it would otherwise land nowhere: it differs from
 * the heading's own, and no element of the page (`taken`: every id, to which each alias is added)
 * has it. A page published with Shins and moved to Shale keeps its deep links. A spec's sections
 * (`specFiles`) neither count nor get one.
 */
function shinsAliases(headings: readonly HeadingFact[], ids: readonly string[], taken: Set<string>, specFiles: ReadonlySet<string>): Array<string | undefined> {
  const shins = shinsIdsOf(
    headings.map((heading): ShinsHeading => {
      if (heading.shins === '' || specFiles.has(heading.file)) return { cleaned: '' };
      return heading.fixed ? { written: heading.shins ?? heading.fixed } : { cleaned: heading.shins ?? heading.base };
    }),
  );
  return shins.map((id, index) => {
    if (id === undefined || id === ids[index] || taken.has(id)) return undefined;
    taken.add(id);
    return id;
  });
}

/** About what a section's entry in the TOC adds to a page (a list item, a link and its text). */
const TOC_ENTRY_BYTES = 250;

/**
 * The pages of a split page: one per h1 group (everything before the second h1 stays with the
 * first), and a group whose HTML would pass MAX_SPLIT_PAGE_BYTES or MAX_PAGE_ELEMENTS continues on further
 * pages, each starting at an h2 (an h2 stays with its h3s), filled up to those limits. Returns each
 * section's page, the section each page starts at, and for a continuing page the page holding its h1.
 */
function pagesOf(
  sections: readonly SectionFact[],
  contentSizes: readonly number[],
): { groupOf: number[]; starts: number[]; parents: Array<number | undefined> } {
  // A page is more than its sections: each heading has an entry in the page's TOC, and the layout
  // around them takes its share, so the sections of a page are kept to 90 % of the limits.
  const weights = sections.map((section, index) => ({ bytes: contentSizes[index]! + TOC_ENTRY_BYTES, elements: (section.elements ?? 0) + 2 }));
  const tooBig = (weight: Weight) => weight.bytes > MAX_SPLIT_PAGE_BYTES * 0.9 || weight.elements > MAX_PAGE_ELEMENTS * 0.9;
  // The weight of each h2 with the h3s under it, and of each h1 group.
  const runs = sections.map(() => ({ bytes: 0, elements: 0 }));
  const groups = sections.map(() => ({ bytes: 0, elements: 0 }));
  let run = -1;
  let group = -1;
  sections.forEach((section, index) => {
    if (section.level === 1 && group >= 0) group = index;
    if (group < 0) group = index;
    if (section.level <= 2) run = index;
    add(runs[run]!, weights[index]!);
    add(groups[group]!, weights[index]!);
  });
  const groupOf: number[] = [];
  const starts: number[] = [0];
  const parents: Array<number | undefined> = [undefined];
  let page = 0;
  let onPage = { bytes: 0, elements: 0 };
  let h1Page = 0;
  let groupWeight = groups[0]!;
  let seenH1 = false;
  sections.forEach((section, index) => {
    if (section.level === 1 && seenH1) {
      page += 1;
      starts.push(index);
      parents.push(undefined);
      h1Page = page;
      onPage = { bytes: 0, elements: 0 };
      groupWeight = groups[index]!;
    } else if (section.level === 1 && index > 0) {
      // The first h1 after text without a heading (a spec's description): the first page holds
      // both, and the h1's group, not the text alone, decides whether it continues on more pages.
      groupWeight = sum(groups[0]!, groups[index]!);
    } else if (section.level === 2 && tooBig(groupWeight) && onPage.bytes > 0 && tooBig(sum(onPage, runs[index]!))) {
      page += 1;
      starts.push(index);
      parents.push(h1Page);
      onPage = { bytes: 0, elements: 0 };
    }
    if (section.level === 1) seenH1 = true;
    groupOf.push(page);
    add(onPage, weights[index]!);
  });
  return { groupOf, starts, parents };
}

interface Weight {
  bytes: number;
  elements: number;
}
const add = (to: Weight, weight: Weight) => {
  to.bytes += weight.bytes;
  to.elements += weight.elements;
};
const sum = (a: Weight, b: Weight): Weight => ({ bytes: a.bytes + b.bytes, elements: a.elements + b.elements });
