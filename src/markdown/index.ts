/**
 * The Markdown pipeline, stated once. Order matters:
 *   remark: Slate's dialect (tables, strikethrough, no indented code, no intra-word emphasis)
 *           → HTML blocks end where Redcarpet ends them → unclosed fences → image paths (before Astro's MDX image handling sees a relative path)
 *   rehype: heading ids first (the other steps and the TOC need them) → unclosed raw HTML → lang-specific
 *           → images → links (base path) → anchor check (needs every id) → code blocks (shiki, tabs: late, because
 *           highlighting adds a node per token that the steps before need not walk) → sections (last: it regroups the tree)
 * Astro's MDX integration runs the same lists (astro.config.mjs); Shale's Markdown renderer
 * (render-page.ts) runs them for `.md` pages.
 */
import remarkSlateSyntax from './remark-slate-syntax';
import rehypeHeadingIds from './rehype-heading-ids';
import rehypeCodeBlocks from './rehype-code-blocks';
import rehypeLangSpecific from './rehype-lang-specific';
import rehypeLinks from './rehype-links';
import rehypeImages from './rehype-images';
import remarkImagePaths from './remark-image-paths';
import remarkCheckFences from './remark-check-fences';
import remarkHtmlBlockEnd from './remark-html-block-end';
import rehypeCheckAnchors from './rehype-check-anchors';
import rehypeSections from './rehype-sections';
import rehypeCheckUnclosedHtml from './rehype-check-unclosed-html';

export const remarkPlugins = [remarkSlateSyntax, remarkHtmlBlockEnd, remarkCheckFences, remarkImagePaths];

export const rehypePlugins = [rehypeHeadingIds, rehypeCheckUnclosedHtml, rehypeLangSpecific, rehypeImages, rehypeLinks, rehypeCheckAnchors, rehypeCodeBlocks, rehypeSections];
