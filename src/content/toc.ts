/** A heading of the page as the TOC needs it. */
export interface Heading {
  level: number;
  id: string;
  /** The heading's inline HTML (keeps `<code>`), shown as the link text. */
  html: string;
  /** The heading's plain text, for the document title and search. */
  text: string;
}

export interface TocEntry extends Heading {
  children: TocEntry[];
  /** Where the entry links: `#id` on this page, or `kittens.html#kittens` on another page of a split set. */
  href?: string;
}

/** One page of a split set, as the table of contents needs it. */
export interface SetPage {
  /** How the other pages of the set link to this one (`kittens.html`, `./`). */
  href: string;
  headings: readonly Heading[];
  /** Its h1 entries as the other pages list them (see setPage()). */
  h1: TocEntry[];
  /** A page that continues an h1 group too large for one page: the index of the page holding its h1. */
  parent?: number;
}

/** A page of a split set, with the h1 entries the other pages list for it (made once per page). */
export function setPage(href: string, headings: readonly Heading[], parent?: number): SetPage {
  return {
    href,
    headings,
    h1: headings.filter((heading) => heading.level === 1).map((heading) => ({ ...heading, href: `${href}#${heading.id}`, children: [] })),
    ...(parent === undefined ? {} : { parent }),
  };
}

/**
 * The table of contents of one page of a split set: the whole set's h1 entries, in order, with the
 * current page's own entries below its h1s. Other pages' h2s are left out (they would make every
 * page grow with the whole docs); they show once the reader is on that page. An h1 group too large
 * for one page is continued on more pages: on each page of such a group, its h1 lists the current
 * page's h2s (and h3s) and, in their place among them, one entry for each other page of the group,
 * named by its first and last h2 and leading to that page, so every page of the group is a click
 * away. Listing every h2 of the group on each page made each of GitHub's schema pages 180 KB and
 * 3,000 elements heavier, and 200 ms slower to settle.
 */
export function buildSetToc(pages: readonly SetPage[], current: number, depth: 2 | 3 = 2): TocEntry[] {
  const group = pages[current]?.parent ?? current;
  const continued = pages.flatMap((page, index) => (page.parent === group ? [index] : []));
  return pages.flatMap((page, index) => {
    if (page.parent !== undefined) return []; // listed under the h1 it continues
    if (index !== group) return page.h1;
    const entries = index === current ? buildToc(page.headings, depth) : page.h1.map((entry) => ({ ...entry, children: [] as TocEntry[] }));
    const last = entries.at(-1);
    if (!last) return entries;
    // The last h1 is the one its continuations continue.
    if (index !== current) last.children = [...pageEntry(page)];
    for (const more of continued) {
      last.children.push(...(more === current ? buildToc([last, ...pages[more]!.headings], depth)[0]!.children : pageEntry(pages[more]!)));
    }
    return entries;
  });
}

/**
 * The entry of each page of a continued group as the group's other pages list it, made once per page
 * (toc-html.ts then serializes it once): its h2s after its last h1, as one entry named "first – last"
 * leading to the first, or the one h2 itself. Read only: copy the list before adding to it.
 */
const pageEntries = new WeakMap<SetPage, readonly TocEntry[]>();

function pageEntry(page: SetPage): readonly TocEntry[] {
  let entries = pageEntries.get(page);
  if (!entries) {
    const lastH1 = page.headings.findLastIndex((heading) => heading.level === 1);
    const h2s = page.headings.slice(lastH1 + 1).filter((heading) => heading.level === 2);
    const [first, last] = [h2s[0], h2s.at(-1)];
    entries = !first || !last ? [] : [{ ...first, ...(first === last ? {} : { html: `${first.html} – ${last.html}`, text: `${first.text} – ${last.text}` }), href: `${page.href}#${first.id}`, children: [] }];
    pageEntries.set(page, entries);
  }
  return entries;
}

/**
 * The TOC tree of a page, as Slate builds it (its `toc_data.rb`: each h3 goes under the closest
 * earlier h1 or h2, each h2 under the closest earlier h1): h1 entries with their h2 children (and,
 * with depth 3, the h3 children of each h2). An h3 directly under an h1, with no h2 between, shows
 * as one of the h1's children at either depth, as in Slate's two-level TOC; a heading with no
 * earlier parent (an h2 before the first h1) is left out, as in Slate.
 */
export function buildToc(headings: readonly Heading[], depth: 2 | 3 = 2): TocEntry[] {
  const toc: TocEntry[] = [];
  let h1: TocEntry | undefined;
  let h2: TocEntry | undefined;
  for (const heading of headings) {
    const entry: TocEntry = { ...heading, children: [] };
    if (heading.level === 1) {
      toc.push(entry);
      h1 = entry;
      h2 = undefined;
    } else if (heading.level === 2) {
      if (!h1) continue;
      h1.children.push(entry);
      h2 = entry;
    } else if (heading.level === 3) {
      if (h2) {
        if (depth === 3) h2.children.push(entry);
      } else if (h1) h1.children.push(entry);
    }
  }
  return toc;
}

/** Headings a TOC of this depth leaves out because they have no parent (worth a warning). */
export function orphanHeadings(headings: readonly Heading[], depth: 2 | 3 = 2): Heading[] {
  const orphans: Heading[] = [];
  let seenH1 = false;
  let seenH2 = false;
  for (const heading of headings) {
    if (heading.level === 1) {
      seenH1 = true;
      seenH2 = false;
    } else if (heading.level === 2) {
      if (!seenH1) orphans.push(heading);
      else seenH2 = true;
    } else if (heading.level === 3 && depth === 3 && !seenH1 && !seenH2) orphans.push(heading);
  }
  return orphans;
}
