import type { Definition, Image, ImageReference, Root } from 'mdast';
import { walk } from './walk';
import type { VFile } from 'vfile';
import { resolveImage } from '../content/assets';
import { pageContext } from './context';

/**
 * Markdown images (`![a](images/x.png)`) of the content folder get their root-absolute site path
 * (`/images/x.png`) before anything else sees them. Astro's MDX pipeline would otherwise turn a
 * relative image into an import from the generated page in `.shale/generated/`, where it does not
 * exist. rehype-images then adds the base path and checks the file (for raw HTML images too). In a
 * Slate page a Markdown image is also looked for under `images/`, as Middleman's image_tag did.
 */
export default function remarkImagePaths() {
  return (tree: Root, file: VFile) => {
    const { contentDir, pageFile, slate } = pageContext(file);
    if (!contentDir) return;
    const referenced = new Set<string>();
    walk(tree, (node) => void (node.type === 'imageReference' && referenced.add((node as ImageReference).identifier)));
    walk(tree, (node) => {
      if (node.type !== 'image' && !(node.type === 'definition' && referenced.has((node as Definition).identifier))) return;
      const image = node as Image | Definition;
      const target = resolveImage(contentDir, pageFile, image.url, slate);
      if (target.kind === 'local') image.url = target.url;
    });
  };
}
