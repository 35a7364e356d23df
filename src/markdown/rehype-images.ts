import type { ElementContent, Root } from 'hast';
import { walk } from './walk';
import type { VFile } from 'vfile';
import { resolveImage } from '../content/assets';
import { pageContext, report } from './context';
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
    walk(tree, (node) => {
      if (!isElementLike(node as ElementContent)) return;
      const element = node as AnyElement;
      if (tagName(element) !== 'img') return;
      const src = getAttribute(element, 'src');
      if (src === undefined || !contentDir) return;
      const target = resolveImage(contentDir, pageFile, src);
      if (target.kind === 'outside') {
        report(file, 'image-outside', lineOf(element), { src });
        return;
      }
      if (target.kind !== 'local') return;
      setAttribute(element, 'src', target.url);
      if (!target.exists) {
        report(file, 'image-missing', lineOf(element), { path: target.sitePath, tried: target.tried });
      }
    });
  };
}
