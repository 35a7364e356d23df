import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../content/source-file';
import type { PageContext } from './context';
import type { RenderedPart } from './render-part';

/** Rendered files, kept between builds: a rebuild renders only the files that changed. */
const CACHE_DIR = path.join(process.cwd(), '.shale', 'cache', 'parts');
/** Entries not used for this long are removed at the start of a build. */
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

let pipelineVersion: string | undefined;

/** The code that decides what a rendered file holds. */
const PIPELINE_FOLDERS = ['markdown', 'highlight', 'content', 'schema', 'search', 'validation'];

/** A hash of the rendering code and the locked dependencies: any change there makes every entry stale. */
function pipeline(): string {
  if (pipelineVersion) return pipelineVersion;
  const src = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha1');
  const files = PIPELINE_FOLDERS.flatMap((folder) => fs.readdirSync(path.join(src, folder), { recursive: true, encoding: 'utf8' }).map((file) => path.join(folder, file)))
    .filter((file) => /\.(ts|mjs|js)$/.test(file))
    .sort();
  for (const file of files) hash.update(file).update(fs.readFileSync(path.join(src, file)));
  const lock = path.join(src, '..', 'package-lock.json');
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
  pipelineVersion = hash.digest('hex');
  pruneOldEntries();
  return pipelineVersion;
}

const assetStamps = new Map<string, string>();

/** The files beside the docs (images): whether one exists changes a file's problems. */
function assetsOf(contentDir: string): string {
  if (!contentDir || !fs.existsSync(contentDir)) return '';
  let stamp = assetStamps.get(contentDir);
  if (stamp === undefined) {
    const files = fs.readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((file) => !/\.mdx?$/.test(file)).sort();
    stamp = sha1(files.join('\n'));
    assetStamps.set(contentDir, stamp);
  }
  return stamp;
}

/** Forgets the content folder's file list (after a change in `npm run dev`). */
export const forgetAssets = (): void => assetStamps.clear();

function pruneOldEntries(): void {
  if (!fs.existsSync(CACHE_DIR)) return;
  const now = Date.now();
  for (const entry of fs.readdirSync(CACHE_DIR)) {
    const file = path.join(CACHE_DIR, entry);
    if (now - fs.statSync(file).mtimeMs > MAX_AGE_MS) fs.rmSync(file, { force: true });
  }
}

/** The cache key of a file of a page: everything its rendering depends on. */
export function partKey(part: SourceFile, context: Omit<PageContext, 'segments' | 'partMode'>): string {
  return sha1(
    JSON.stringify([pipeline(), part.path, part.bodyLine, part.body, context.tabs, context.codeClipboard, context.slate, context.base, context.contentDir, assetsOf(context.contentDir)]),
  );
}

/** The rendered file kept under this key, if any. */
export function readCachedPart(key: string): RenderedPart | undefined {
  const file = path.join(CACHE_DIR, `${key}.json`);
  try {
    const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as RenderedPart;
    const now = new Date();
    fs.utimesSync(file, now, now);
    return cached;
  } catch {
    return undefined; // Not cached yet (or unreadable): it will be rendered.
  }
}

/** Keeps a rendered file for the next build (written whole, then renamed: builds may overlap). */
export function writeCachedPart(key: string, rendered: RenderedPart): void {
  const file = path.join(CACHE_DIR, `${key}.json`);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(rendered));
  fs.renameSync(temporary, file);
}

/** Where the render pool keeps its bundled worker script, and the version that names it. */
export const poolSetup = () => ({ cacheDir: path.dirname(CACHE_DIR), version: pipeline() });
