import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { pageContext, report } from './context';
import { OPERATION_PART } from '../content/operation-part';
import { classList, isElementLike, isEmptyHeading, tagName, textOf, type AnyElement } from './hast-nodes';

const SECTION_HEADING = /^h[1-3]$/;

/** Blocks that belong to the code column, as in Slate: code and blockquotes. */
function isExample(node: RootContent): boolean {
  if (!isElementLike(node as ElementContent)) return false;
  const element = node as AnyElement;
  const name = tagName(element);
  return name === 'blockquote' || name === 'pre' || (name === 'div' && classList(element).includes('code-block'));
}

const isBlank = (node: RootContent) => node.type === 'text' && !node.value.trim();

const div = (className: string, children: ElementContent[]): Element => ({
  type: 'element',
  tagName: 'div',
  properties: { className: [className] },
  children,
});

/**
 * Groups the page into sections, one per h1, h2 and h3 (but the h3s of an OpenAPI operation's parts,
 * which stay in its section), each with a prose side and an examples side
 * (code and blockquotes). The layout puts the two side by side, so code written first in a section
 * sits beside its heading and never drifts away from it (slate#1532); on a phone it follows its
 * prose. An h3 whose code does not come first is marked `continues` (see below).
 */
export default function rehypeSections() {
  return (tree: Root, file: VFile) => {
    const { tabs } = pageContext(file);
    // codeFirst: the first block after the heading is code (Kittn's "code, then the text beside it");
    // written: a block of text has come after the heading.
    const sections: Array<{ level: number; prose: RootContent[]; examples: RootContent[]; codeFirst: boolean; written: boolean }> = [];
    const moduleCode: RootContent[] = [];
    let current: (typeof sections)[number] | undefined;
    for (const node of tree.children) {
      if (isBlank(node)) continue;
      // MDX imports and exports render nothing and must stay at the top level of the document.
      if (node.type === 'mdxjsEsm' || node.type === 'doctype') {
        moduleCode.push(node);
        continue;
      }
      const element = isElementLike(node as ElementContent) ? (node as AnyElement) : undefined;
      const heading = element && !classList(element).includes(OPERATION_PART) && !isEmptyHeading(element) ? SECTION_HEADING.exec(tagName(element)) : null;
      if (heading || !current) {
        current = { level: heading ? Number(tagName(node as AnyElement)[1]) : 0, prose: [], examples: [], codeFirst: false, written: false };
        sections.push(current);
      }
      const example = isExample(node);
      if (example && !current.written) current.codeFirst = true;
      if (!example && !heading && node.type !== 'comment') current.written = true;
      (example ? current.examples : current.prose).push(node);
    }

    if (tabs.length > 1)
      warnMissingLanguages(
        sections,
        tabs.map((tab) => tab.key),
        file,
      );

    const wrapped = sections.map(({ level, prose, examples, codeFirst }): Element => {
      const children: ElementContent[] = [div('prose', prose as ElementContent[])];
      if (examples.length) children.push(div('examples', examples as ElementContent[]));
      // An h3 whose code does not come first goes on where the columns stand (layout.css): Slate's
      // rule is that code sits beside the text after it, so code written after a section's text
      // (Widdershins' "Example responses" before its Responses h3) belongs lower down, not beside the heading.
      const className = ['section', `section-h${level}`, ...(level === 3 && !codeFirst ? ['continues'] : [])];
      return { type: 'element', tagName: 'section', properties: { className }, children };
    });
    tree.children = [...moduleCode, ...wrapped];
  };
}

/** A section with code for some tabs but not all is legal, but likely a forgotten sample. */
function warnMissingLanguages(sections: Array<{ prose: RootContent[]; examples: RootContent[] }>, keys: string[], file: VFile) {
  for (const { prose, examples } of sections) {
    const present = new Set(
      examples.flatMap((node) => (node.type === 'element' && typeof node.properties.dataTab === 'string' ? [node.properties.dataTab] : [])),
    );
    if (present.size === 0) continue;
    const missing = keys.filter((key) => !present.has(key));
    if (missing.length === 0) continue;
    const heading = prose[0] && isElementLike(prose[0] as ElementContent) ? (prose[0] as AnyElement) : undefined;
    const name = heading && SECTION_HEADING.test(tagName(heading)) ? `section "${textOf(heading).trim()}"` : 'the opening section';
    const line = (heading ?? examples[0])?.position?.start.line;
    report(file, 'tab-code-missing', line, { section: name, present: [...present], missing });
  }
}
