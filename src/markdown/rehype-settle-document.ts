import type { VFile } from 'vfile';
import { settlePage } from '../settle/settle-page';
import { facts, output, pageContext } from './context';
import { setAttribute, type AnyElement } from './hast-nodes';
import { editAddress, editLinkElement } from './edit-link';
import { walk } from './walk';
import type { Root } from 'hast';

/**
 * The settle step (src/settle/) for a page rendered as one document (MDX, through Astro's MDX
 * integration): last in that pipeline, it gives the collected headings their ids in the tree itself
 * and reports what settling finds. Markdown files are rendered one by one instead and settled
 * together afterwards (compose-page.ts), so their pipeline ends before this step.
 */
/** Each section heading (h1–h3) followed by its Edit link, to the file it is written in: the include, not the page. */
function addEditLinks(
  tree: Root,
  headings: ReadonlyArray<{ node: AnyElement; level: number; text: string; file: string }>,
  editUrl: string,
  contentDir: string,
): void {
  const wanted = new Map(headings.filter((heading) => heading.level <= 3).map((heading) => [heading.node as unknown, heading]));
  const places: Array<{ parent: { children: unknown[] }; node: unknown; href: string; title: string }> = [];
  walk(tree, (node, _index, parent) => {
    const heading = wanted.get(node);
    const href = heading && editAddress(editUrl, contentDir, heading.file);
    if (heading && href && parent) places.push({ parent: parent as { children: unknown[] }, node, href, title: heading.text });
  });
  // Added once the walk is over: the walk must not see the children it is in change.
  for (const { parent, node, href, title } of places) parent.children.splice(parent.children.indexOf(node) + 1, 0, editLinkElement(href, title));
}

export default function rehypeSettleDocument() {
  return (tree: Root, file: VFile) => {
    const context = pageContext(file);
    const found = facts(file);
    const settled = settlePage({
      page: { file: context.pageFile, outputPath: '', slate: context.slate, tocDepth: context.tocDepth },
      files: context.segments.map((segment) => segment.file),
      headings: found.headings,
      ids: found.ids,
      links: found.links,
      sections: [],
      footers: context.footerAnchors.map(({ anchor, line }) => ({ anchors: [anchor], line })),
    });
    found.headings.forEach(({ node }, index) => setAttribute(node, 'id', settled.headings[index]!.id));
    found.ids.forEach(({ node }, index) => {
      if (settled.ids[index] !== found.ids[index]!.id) setAttribute(node, 'id', settled.ids[index]!);
    });
    if (context.editUrl) addEditLinks(tree, found.headings, context.editUrl, context.contentDir);
    const result = output(file);
    result.headings = settled.headings;
    result.origins = found.headings.map((heading, index) => ({
      file: heading.file,
      line: heading.line,
      ...(settled.slateIds[index] ? { slateId: settled.slateIds[index] } : {}),
    }));
    result.problems.push(...settled.problems);
  };
}
