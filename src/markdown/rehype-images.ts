import type { ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveImage } from '../content/assets';
import { pageContext, report, slateTolerated } from './context';
import { getAttribute, isElementLike, lineOf, setAttribute, tagName, type AnyElement } from './hast-nodes';

/**
 * Every image of the page (Markdown or raw HTML) that lives in the content folder is served at its
 * path in that folder: `images/x.png` and `/images/x.png` both become `/images/x.png` (rehype-links,
 * next, puts the base path in front), where the build copies the file. A missing image is a warning
 * (Slate showed a broken image); an image outside the content folder is never published, so it is an
 * error (a warning in Slate's own format, where it was just as broken).
 */
export default function rehypeImages() {
  return (tree: Root, file: VFile) => {
    const { contentDir, pageFile } = pageContext(file);
    visit(tree, (node) => {
      if (!isElementLike(node as ElementContent)) return;
      const element = node as AnyElement;
      if (tagName(element) !== 'img') return;
      const src = getAttribute(element, 'src');
      if (src === undefined || !contentDir) return;
      const target = resolveImage(contentDir, pageFile, src);
      if (target.kind === 'outside') {
        report(file, slateTolerated(file), lineOf(element), `image "${src}" is outside the content folder, so the site cannot serve it.`, 'move the image into the content folder (Slate keeps them in images/) and link to it there.');
        return;
      }
      if (target.kind !== 'local') return;
      setAttribute(element, 'src', target.url);
      if (!target.exists) {
        const looked = target.tried.length > 1 ? ` (looked for ${target.tried.join(' and ')})` : '';
        report(file, 'warning', lineOf(element), `image "${target.sitePath}" does not exist in the content folder${looked}.`, `add the file, or correct the path.`);
      }
    });
  };
}
