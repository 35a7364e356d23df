import type { Element, Root } from 'hast';
import { SKIP, walkElements } from './walk';
import type { Problem } from '../validation/problem';
import { sectionContent, type SectionContent } from '../search/build/records';
import type { HeadingFact, MentionFact } from '../settle/facts';
import { attributeText, templateOf, type Mark, type Template } from '../settle/template';
import type { SettleFacts } from './context';
import type { AnyElement } from './hast-nodes';

/** One section of a file, rendered: its HTML with holes for ids and #links, and what search needs. */
interface PartSection {
  level: number;
  /** Index of the section's heading in the file's headings, when it has one. */
  heading?: number;
  template: Template;
  search: Omit<SectionContent, 'id'>;
}

/** Where a heading, id or link of a file sits: the index of its section (none when it left the tree). */
type Placed<T> = T & { section?: number };

/**
 * One file of a page, rendered on its own, as the settle step takes it (compose-page.ts): plain
 * data, so it can be cached on disk. Any source of sections makes these: Markdown files
 * (render-part.ts), and a new source only has to give a tree of sections and what the collectors found.
 */
export interface RenderedPart {
  file: string;
  headings: Array<Placed<HeadingFact>>;
  ids: Array<Placed<MentionFact>>;
  links: Array<Placed<MentionFact>>;
  sections: PartSection[];
  problems: Problem[];
}

const hasClass = (element: Element, name: string) => Array.isArray(element.properties.className) && element.properties.className.includes(name);

/**
 * A rendered file from its tree, laid out in sections (rehype-sections), and the facts the
 * collectors found in it: each section serialised with holes where the settle step writes heading
 * ids and #link addresses (settle/template.ts), and each heading, id and link placed in its section.
 */
export function partFromTree(file: string, tree: Root, found: SettleFacts, problems: Problem[]): RenderedPart {
  // Which section each collected node ended up in (rehype-sections regrouped the tree).
  const kinds = new Map<AnyElement, { kind: 'heading' | 'id' | 'link'; index: number }>();
  found.headings.forEach(({ node }, index) => kinds.set(node, { kind: 'heading', index }));
  found.ids.forEach(({ node }, index) => kinds.set(node, { kind: 'id', index }));
  found.links.forEach(({ node }, index) => kinds.set(node, { kind: 'link', index }));
  const sectionOf = { heading: new Map<number, number>(), id: new Map<number, number>(), link: new Map<number, number>() };

  const sectionElements = tree.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'section');
  const sections = sectionElements.map((section, sectionIndex): PartSection => {
    const marks: Mark[] = [];
    walkElements(section, (element: Element) => {
      // Highlighted code (rehype-code-blocks) is Shale's own markup: nothing was collected in it.
      if (hasClass(element, 'code-block')) return SKIP;
      const placed = kinds.get(element);
      if (!placed) return undefined;
      sectionOf[placed.kind].set(placed.index, sectionIndex);
      if (placed.kind === 'heading') marks.push({ node: element, attribute: 'id', hole: { heading: placed.index } });
      if (placed.kind === 'id') marks.push({ node: element, attribute: 'id', hole: { id: placed.index } });
      if (placed.kind === 'link')
        marks.push({ node: element, attribute: 'href', hole: { link: placed.index, href: attributeText(String(element.properties.href)) } });
      return undefined;
    });
    const { id: _none, ...search } = sectionContent(section);
    return { level: search.level, heading: search.level > 0 ? ownHeading(section, kinds) : undefined, template: templateOf(section, marks), search };
  });

  const withSection = <T extends { node: AnyElement }>(list: T[], kind: 'heading' | 'id' | 'link') =>
    list.map(({ node: _node, ...fact }, index) => {
      const section = sectionOf[kind].get(index);
      return section === undefined ? fact : { ...fact, section };
    });
  return {
    file,
    headings: withSection(found.headings, 'heading'),
    ids: withSection(found.ids, 'id'),
    links: withSection(found.links, 'link'),
    sections,
    problems,
  };
}

/** The index of the heading a section starts with: the first element of its prose column. */
function ownHeading(section: Element, kinds: ReadonlyMap<AnyElement, { kind: string; index: number }>): number | undefined {
  const prose = section.children.find((child): child is Element => child.type === 'element');
  const first = prose?.children.find((child): child is Element => child.type === 'element');
  const placed = first && kinds.get(first);
  return placed?.kind === 'heading' ? placed.index : undefined;
}
