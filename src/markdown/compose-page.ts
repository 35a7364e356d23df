import { toHtml } from 'hast-util-to-html';
import { editLinkElement } from './edit-link';
import type { Page } from '../content/site';
import type { Heading } from '../content/toc';
import { siblingHref } from '../content/split';
import { pageUrl, toRecord, type SectionRecord } from '../search/build/records';
import { settlePage, type SectionFact } from '../settle/settle-page';
import { attributeText, fillTemplate, linkTemplate, templateBytes, templateElements, type Hole } from '../settle/template';
import type { Problem } from '../validation/problem';
import type { HeadingOrigin } from './context';
import type { RenderedPart } from './render-part';

/** One output page: the whole Markdown page, or one h1 group of it when it is split. */
export interface ComposedGroup {
  outputPath: string;
  /** The text of the h1 the page starts with (groups after the first of a split page). */
  title?: string;
  /** A page that continues an h1 group too large for one page: the index of the page holding its h1. */
  parent?: number;
  html: string;
  headings: Heading[];
  /**
   * The other ids on the page (`<a id>`, `<span id>`: Widdershins' `opId…`, a spec's Redoc-style
   * aliases) when the page is one of a split set: old links to them are followed to this page too.
   */
  ids: string[];
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

/** A section with its Edit link (edit-link.ts) right after its heading. */
function withEditLink(html: string, href: string, title: string): string {
  const end = /<\/h[1-6]>/.exec(html);
  if (!end) return html;
  const at = end.index + end[0].length;
  return `${html.slice(0, at)}${toHtml(editLinkElement(href, title))}${html.slice(at)}`;
}

/**
 * A Markdown page from its files rendered on their own (render-part.ts): the settle step
 * (src/settle/) decides ids, reports what is broken and splits the page; this fills each file's
 * holes with what it decided and makes the search records.
 */
export function composePage(
  page: Page,
  parts: RenderedPart[],
  takenPaths: ReadonlySet<string> = new Set(),
  editLink?: (file: string) => string | undefined,
): ComposedPage {
  // The files' headings, ids and sections, numbered across the page.
  const firstHeading: number[] = [];
  const firstId: number[] = [];
  const firstSection: number[] = [];
  let headingCount = 0;
  let idCount = 0;
  let sectionCount = 0;
  for (const part of parts) {
    firstHeading.push(headingCount);
    firstId.push(idCount);
    firstSection.push(sectionCount);
    headingCount += part.headings.length;
    idCount += part.ids.length;
    sectionCount += part.sections.length;
  }
  const placed = <T extends { section?: number }>(fact: T, index: number): T =>
    fact.section === undefined ? fact : { ...fact, section: fact.section + firstSection[index]! };
  const sections: SectionFact[] = parts.flatMap((part, index) =>
    part.sections.map((section) => ({
      level: section.level,
      bytes: templateBytes(section.template),
      elements: templateElements(section.template),
      holes: section.template.holes.flatMap((hole): Array<{ heading: number } | { id: number }> =>
        'heading' in hole ? [{ heading: hole.heading + firstHeading[index]! }] : 'id' in hole ? [{ id: hole.id + firstId[index]! }] : [],
      ),
      ...(section.heading === undefined ? {} : { heading: section.heading + firstHeading[index]! }),
    })),
  );
  const headingFacts = parts.flatMap((part, index) => part.headings.map((heading) => placed(heading, index)));
  const idFacts = parts.flatMap((part, index) => part.ids.map((id) => placed(id, index)));
  const settled = settlePage({
    page: { file: page.file, outputPath: page.outputPath, slate: page.slate, tocDepth: page.frontMatter.toc_depth },
    files: parts.map((part) => part.file),
    specFiles: new Set(page.parts.filter((part) => part.generated).map((part) => part.path)),
    headings: headingFacts,
    ids: idFacts,
    links: parts.flatMap((part, index) => part.links.map((link) => placed(link, index))),
    sections,
    footers: page.footers,
    splitting: { split: page.frontMatter.split, takenPaths },
  });

  // The footers' #links follow their ids to the pages of a split set too.
  const footers = settled.split
    ? page.footers.map((footer) => linkTemplate(footer.html))
    : page.footers.map((footer) => ({ template: { chunks: [footer.html], holes: [] }, anchors: [] }));
  const chunks: string[][] = settled.paths.map(() => []);
  parts.forEach((part, partIndex) => {
    part.sections.forEach((section, index) => {
      const group = settled.groupOf[firstSection[partIndex]! + index]!;
      const fill = (hole: Hole) => {
        if ('heading' in hole) return attributeText(settled.headings[firstHeading[partIndex]! + hole.heading]!.id);
        if ('id' in hole) return attributeText(settled.ids[firstId[partIndex]! + hole.id]!);
        const target = settled.target(part.links[hole.link]!.id, group);
        // The address as written starts with `#`: a link to another page of the set puts its file in front.
        return target ? `${siblingHref(target)}${hole.href}` : hole.href;
      };
      // A heading Shins gave another id answers to it too: an empty element with it, first inside.
      const alias = (hole: Hole) => {
        const id = 'heading' in hole ? settled.aliases[firstHeading[partIndex]! + hole.heading] : undefined;
        return id && `<span class="alias" id="${attributeText(id)}"></span>`;
      };
      const html = fillTemplate(section.template, fill, alias);
      const heading = section.heading === undefined ? undefined : part.headings[section.heading];
      const edit = heading && editLink?.(part.file);
      chunks[group]!.push(edit ? withEditLink(html, edit, heading.text) : html);
    });
  });

  // The aliases on each page of a split set, for the moved-anchor map.
  const aliasesOn: string[][] = settled.paths.map(() => []);
  settled.aliases.forEach((alias, at) => {
    const section = headingFacts[at]!.section;
    if (alias && section !== undefined) aliasesOn[settled.groupOf[section]!]!.push(alias);
  });
  const groups: ComposedGroup[] = settled.paths.map((outputPath, index) => ({
    outputPath,
    ...(index > 0 ? { title: settled.titleOf(index) } : {}),
    ...(settled.parentOf(index) === undefined ? {} : { parent: settled.parentOf(index) }),
    html: chunks[index]!.join(''),
    headings: settled.headingsOf(index),
    ids: settled.split
      ? [
          ...idFacts.flatMap((fact, at) => (fact.section !== undefined && settled.groupOf[fact.section] === index ? [settled.ids[at]!] : [])),
          ...aliasesOn[index]!,
        ]
      : [],
    footers: footers.map(({ template, anchors }) => fillTemplate(template, (hole) => footerHref(hole, anchors, (anchor) => settled.target(anchor, index)))),
    records: [],
  }));

  // Search records are made when first asked for: the build indexes them, but `npm run dev` never
  // does (it indexes the pages it serves), and they are most of the time composing a big page takes
  // (60 of 70 ms for 500 endpoints), time an edit waits for before it reaches the browser.
  let records: SectionRecord[][] | undefined;
  const makeRecords = (): SectionRecord[][] => {
    if (records) return records;
    records = settled.paths.map(() => []);
    if (!page.frontMatter.search) return records;
    const above: Array<{ level: number; title: string }> = [];
    let index = 0;
    for (const [partIndex, part] of parts.entries()) {
      for (const section of part.sections) {
        const group = settled.groupOf[index++]!;
        const heading = section.heading === undefined ? undefined : settled.headings[firstHeading[partIndex]! + section.heading];
        const record = toRecord({ ...section.search, id: heading?.id ?? '' }, above, {
          pageUrl: pageUrl(settled.paths[group]!),
          pageTitle: page.frontMatter.title,
          language: 'en',
        });
        if (record) records[group]!.push(record);
      }
    }
    return records;
  };
  groups.forEach((group, index) => Object.defineProperty(group, 'records', { enumerable: true, configurable: true, get: () => makeRecords()[index]! }));

  const origins: HeadingOrigin[] = parts.flatMap((part, partIndex) =>
    part.headings.map((heading, index) => {
      const slateId = settled.slateIds[firstHeading[partIndex]! + index];
      return { file: part.file, line: heading.line, ...(slateId ? { slateId } : {}) };
    }),
  );
  return { headings: settled.headings, origins, problems: [...parts.flatMap((part) => part.problems), ...settled.problems], split: settled.split, groups };
}

/** A toc_footers link's address: its anchor, with the page of the set that holds it in front when that is another page. */
function footerHref(hole: Hole, anchors: readonly string[], target: (anchor: string) => string | undefined): string {
  if (!('link' in hole)) return '';
  const moved = target(anchors[hole.link]!);
  return moved ? `${siblingHref(moved)}${hole.href}` : hole.href;
}
