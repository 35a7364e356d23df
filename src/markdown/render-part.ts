import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { VFile } from 'vfile';
import { bodySegments, type SourceFile } from '../content/source-file';
import { facts, output, type PageContext, type PartContext } from './context';
import { holdLines, restoreHeldLines } from './held-lines';
import { rehypePlugins, remarkPlugins } from './index';
import { partFromTree, type RenderedPart } from './part-from-tree';
import rehypeRawRuns from './rehype-raw-runs';
import remarkRedcarpetBreaks from './micromark-redcarpet-breaks';
import remarkRedcarpetHtml from './micromark-redcarpet-html';
import { markedHeading } from './rehype-collect-headings';

export type { RenderedPart } from './part-from-tree';

const pipeline = (slate: boolean) =>
  unified()
    .use(remarkParse)
    .use(slate ? [...remarkPlugins, remarkRedcarpetHtml, remarkRedcarpetBreaks] : remarkPlugins)
    .use(remarkRehype, { allowDangerousHtml: true, handlers: { heading: markedHeading } })
    .use(rehypeRawRuns)
    .use(rehypePlugins)
    .freeze();
/** Shale's own Markdown, and Slate's format (`*.html.md`), whose HTML blocks start and lines break as Redcarpet's did. */
const processors = { shale: pipeline(false), slate: pipeline(true) };

/**
 * Renders one file of a Markdown page (the page body or an include) through the whole pipeline,
 * as Slate renders each include on its own: an unclosed fence cannot swallow the next file. Its
 * headings get no ids yet and its #links may move: the page settles them across its files
 * (src/settle/), so each section's HTML keeps holes for them (part-from-tree.ts).
 */
export async function renderPart(part: SourceFile, partContext: PartContext): Promise<RenderedPart> {
  const body = part.body.endsWith('\n') ? part.body : `${part.body}\n`;
  const context: PageContext = {
    ...partContext,
    // The settle step's, not a file's (compose-page.ts).
    footerAnchors: [],
    tocDepth: 2,
    segments: bodySegments(part, 1, 0, body.split('\n').length - 1),
  };
  const file = new VFile({ path: part.path, value: body, data: { astro: { frontmatter: { shale: context } } } });
  const processor = partContext.slate ? processors.slate : processors.shale;
  const tree = (await processor.run(parseMarkdown(processor, file, body), file)) as HastRoot;
  return partFromTree(part.path, tree, facts(file), output(file).problems);
}

/** The file's Markdown tree, its fenced code and plain table rows held out of the parser's way (held-lines.ts). */
function parseMarkdown(processor: typeof processors.shale, file: VFile, body: string): MdastRoot {
  const held = holdLines(body);
  if (held) {
    const tree = processor.parse(held.text);
    if (restoreHeldLines(tree, held)) return tree;
  }
  return processor.parse(file);
}
