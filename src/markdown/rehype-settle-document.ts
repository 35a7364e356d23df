import type { VFile } from 'vfile';
import { settlePage } from '../settle/settle-page';
import { facts, output, pageContext } from './context';
import { setAttribute } from './hast-nodes';

/**
 * The settle step (src/settle/) for a page rendered as one document (MDX, through Astro's MDX
 * integration): last in that pipeline, it gives the collected headings their ids in the tree itself
 * and reports what settling finds. Markdown files are rendered one by one instead and settled
 * together afterwards (compose-page.ts), so their pipeline ends before this step.
 */
export default function rehypeSettleDocument() {
  return (_tree: unknown, file: VFile) => {
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
