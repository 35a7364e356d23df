/**
 * The Markdown pipeline, stated once. Order matters:
 *   remark: Slate's dialect (tables, strikethrough, no indented code, no intra-word emphasis)
 *           → HTML blocks end where Redcarpet ends them → unclosed fences → image paths (before Astro's MDX image handling sees a relative path)
 *   rehype: collect headings (first: before other steps change them) → SmartyPants (older Slate
 *           projects only) → unclosed raw HTML → lang-specific
 *           → images → links (base path) → collect ids and #links → code blocks (shiki, tabs: late, because
 *           highlighting adds a node per token that the steps before need not walk) → long tables marked
 *           (laid out near the viewport only) → sections (last: it regroups the tree)
 * Nothing here gives ids or checks links: the collectors gather headings, ids and #links for the
 * settle step (src/settle/), which decides them for the whole page. Shale's Markdown renderer
 * (render-part.ts) runs these lists for each file of a `.md` page and settles the page afterwards;
 * Astro's MDX integration runs them for an `.mdx` page (astro-config.ts) with the settle step as
 * its last plugin (`mdxRehypePlugins`), since an MDX page is rendered as one document.
 */
import rehypeMdxDescription from './rehype-mdx-description';
import remarkSlateSyntax from './remark-slate-syntax';
import rehypeCollectHeadings from './rehype-collect-headings';
import rehypeCodeBlocks from './rehype-code-blocks';
import rehypeLongTables from './rehype-long-tables';
import rehypeLangSpecific from './rehype-lang-specific';
import rehypeLinks from './rehype-links';
import rehypeImages from './rehype-images';
import remarkImagePaths from './remark-image-paths';
import remarkCheckFences from './remark-check-fences';
import remarkRedcarpetBlocks from './remark-redcarpet-blocks';
import remarkGeneratedSamples from './remark-generated-samples';
import remarkHtmlBlockEnd from './remark-html-block-end';
import rehypeCollectAnchors from './rehype-collect-anchors';
import rehypeSections from './rehype-sections';
import rehypeCheckUnclosedHtml from './rehype-check-unclosed-html';
import rehypeSettleDocument from './rehype-settle-document';
import rehypeSmartypants from './rehype-smartypants';

export const remarkPlugins = [remarkSlateSyntax, remarkHtmlBlockEnd, remarkRedcarpetBlocks, remarkCheckFences, remarkGeneratedSamples, remarkImagePaths];

export const rehypePlugins = [
  rehypeCollectHeadings,
  rehypeSmartypants,
  rehypeCheckUnclosedHtml,
  rehypeLangSpecific,
  rehypeImages,
  rehypeLinks,
  rehypeCollectAnchors,
  rehypeCodeBlocks,
  rehypeLongTables,
  rehypeSections,
];

/** An MDX page is one document: settled in its own tree, after the rest of the pipeline. */
export const mdxRehypePlugins = [...rehypePlugins, rehypeSettleDocument, rehypeMdxDescription];
