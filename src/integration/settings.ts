import path from 'node:path';

/** The folder with the docs: `SHALE_CONTENT`, else `content/` in the project. */
export function contentDirectory(root = process.cwd()): string {
  return path.resolve(root, process.env.SHALE_CONTENT || 'content');
}

/** The base path the site is served under (`SHALE_BASE=/docs` → `/docs/`), always with slashes at both ends. */
export function basePath(value = process.env.SHALE_BASE): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Where generated files (MDX pages assembled from their includes) live, inside the project. */
export const generatedDirectory = (root = process.cwd()) => path.join(root, '.shale', 'generated');

/** Where the HTML of Markdown pages is kept between the content loader and the page route. */
export const renderedDirectory = (root = process.cwd()) => path.join(root, '.shale', 'rendered');

/** Which section each fragment of a published search index came from (search-reuse.ts). */
export const searchManifestsDirectory = (root = process.cwd()) => path.join(root, '.shale', 'search-manifests');

/**
 * Sections per search-index shard (search-shards.ts): `SHALE_SEARCH_SHARD_SECTIONS`, else undefined
 * (the default). Throws when it is set to anything but a whole number from 1 up.
 */
export function sectionsPerShard(value = process.env.SHALE_SEARCH_SHARD_SECTIONS): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`SHALE_SEARCH_SHARD_SECTIONS is "${value}": set it to a whole number of sections from 1 up, or leave it unset.`);
  return number;
}
