import fs from 'node:fs';
import path from 'node:path';

/**
 * Files of the content folder that Shale publishes as they are, at the same path: images, fonts and
 * other media (Slate keeps them in `images/` beside the page). Markdown, Slate's own theme code and
 * anything else stay private.
 */
const ASSET_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  // Fonts, for a custom.css that brings its own (theme/custom-css.ts).
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** The writer's own stylesheet at the root of the content folder, published beside the pages (theme/custom-css.ts). */
export const CUSTOM_CSS = 'custom.css';

/** Where Slate keeps its logo; Slate shows it at the top of the navigation, in place of a title. */
export const SLATE_LOGO = 'images/logo.png';

/** Folders never searched for assets. */
const SKIPPED = new Set(['node_modules']);

/**
 * Whether a file of the content folder is published as it is. `relative` is its path from the
 * content folder when known: of stylesheets, only the root's custom.css is published (a Slate
 * source's `stylesheets/*.css` are its theme's, and stay private).
 */
export const isAssetFile = (file: string, relative?: string): boolean =>
  Object.hasOwn(ASSET_TYPES, path.extname(file).toLowerCase()) || (relative ?? path.basename(file)).split(path.sep).join('/') === CUSTOM_CSS;

/** The Content-Type an asset is served with. */
export const assetType = (file: string): string =>
  path.basename(file) === CUSTOM_CSS ? 'text/css; charset=utf-8' : (ASSET_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');

/** Every asset of a content folder, as paths relative to it with `/` separators, sorted. */
export function listAssets(contentDir: string): string[] {
  const assets: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isAssetFile(entry.name, path.relative(contentDir, full))) assets.push(path.relative(contentDir, full).split(path.sep).join('/'));
    }
  };
  // A spec file given as the content (zero-config OpenAPI) has no assets beside it.
  if (fs.existsSync(contentDir) && fs.statSync(contentDir).isDirectory()) walk(contentDir);
  return assets.sort();
}

/** Whether `file` is inside `dir` (not the folder itself, not outside it through `..`). */
export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Where an image of a page points. */
export type ImageTarget =
  /** Another site, a data: URL, or nothing to resolve: left as written. */
  | { kind: 'external' }
  /** A file of the content folder: `sitePath` is where the site serves it (relative to the site root). */
  | { kind: 'local'; sitePath: string; url: string; file: string; exists: boolean; tried: string[] }
  /** A path that leaves the content folder (`../x.png`): never published. */
  | { kind: 'outside'; file: string };

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Resolves an image URL of a page the way Slate (Middleman's image_tag) does: a root-absolute
 * `/images/x.png` is the content folder's `images/x.png`; a relative `images/x.png` is looked up
 * beside the page first, then from the content folder's root (so `v3/index.html.md` finds the
 * shared `images/`). The returned `url` is root-absolute without the base path.
 * `inImagesFolder`: a Markdown image of a Slate page, which Middleman's image_tag also looked up
 * under `images/` (`![x](flow/a.png)` showed `images/flow/a.png`); raw `<img>` tags it left alone.
 */
export function resolveImage(contentDir: string, pageFile: string, src: string, inImagesFolder = false): ImageTarget {
  const value = src.trim();
  if (!value || value.startsWith('//') || value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value)) return { kind: 'external' };
  const cut = value.search(/[?#]/);
  const pathPart = safeDecode(cut < 0 ? value : value.slice(0, cut));
  const suffix = cut < 0 ? '' : value.slice(cut);
  if (!pathPart) return { kind: 'external' };
  // As files: where the writer may have meant it. As the browser reads the URL, which climbs no
  // higher than the site's root: Accelo's includes show `../images/x.png` from a page at the root,
  // which Slate's browsers found at /images/x.png.
  const asFiles = pathPart.startsWith('/')
    ? [path.join(contentDir, pathPart)]
    : [...new Set([path.join(path.dirname(pageFile), pathPart), path.join(contentDir, pathPart)])];
  const pageDir = path.relative(contentDir, path.dirname(pageFile)).split(path.sep).join('/');
  const asUrl = (sitePath: string) => path.join(contentDir, path.posix.join('/', sitePath));
  const inside = pathPart.startsWith('/')
    ? [asUrl(pathPart)]
    : [...new Set([asUrl(`${pageDir}/${pathPart}`), asUrl(pathPart), ...(inImagesFolder ? [asUrl(`images/${pathPart}`)] : [])])];
  const isFile = (candidate: string) => fs.existsSync(candidate) && fs.statSync(candidate).isFile();
  // A path that leaves the content folder names a file the site cannot serve, unless the URL finds one in it.
  if (asFiles.every((candidate) => !isInside(contentDir, candidate)) && !inside.some(isFile)) return { kind: 'outside', file: asFiles.at(-1)! };
  const file = inside.find(isFile) ?? inside.at(-1)!;
  const sitePath = path.relative(contentDir, file).split(path.sep).join('/');
  const url = `/${sitePath.split('/').map(encodeURIComponent).join('/')}${suffix}`;
  const exists = fs.existsSync(file) && fs.statSync(file).isFile() && isAssetFile(file);
  return { kind: 'local', sitePath, url, file, exists, tried: inside.map((candidate) => path.relative(contentDir, candidate).split(path.sep).join('/')) };
}
