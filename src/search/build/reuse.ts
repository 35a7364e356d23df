import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fragmentFile, PAGEFIND_VERSION, readEntry, readFragmentNames, readFragmentUrl } from './pagefind-format';

/**
 * A rebuild reuses the previous index's fragment files: one per section, named by a hash of its
 * content, which Pagefind leaves alone when a file of that name is already there (it skips
 * "immutable" files that exist). At 5,000 endpoints that saves compressing and writing about
 * 10,500 files when one include changed. The files are hard links to the published site's, so
 * that site is never written to, and replacing it later frees almost no inodes.
 *
 * Names are only 7 hex digits, so a reused file is trusted only for the very section it was made
 * from: a manifest kept beside the build (`.shale/search-manifests`) says which section each
 * fragment of the published index came from, and after Pagefind wrote, every linked file must be
 * referred to again, by the same section. If not (a changed section whose short hash equals an
 * unchanged one's), or if anything cannot be read, the index is written afresh.
 */

/** Where the previous index is, and where the manifests are kept. */
export interface IndexReuse {
  previous: string;
  manifests: string;
}

/** A section as Pagefind was given it, in the order it was given. */
export interface IndexedRecord {
  url: string;
  language: string;
  /** Of the URL and the HTML document Pagefind indexed: equal digests give equal fragments. */
  digest: string;
}

export const recordDigest = (url: string, document: string) => createHash('sha1').update(url).update('\0').update(document).digest('hex');

/**
 * Manifests kept, newest first: one per index shard written (search-shards.ts), so builds into other
 * output folders (or failed ones) in between do not lose the published site's. A manifest of a shard
 * reused whole is touched, so it stays among the newest. About 0.2 MB each at 5,000 endpoints.
 */
const MANIFESTS_KEPT = 60;
/** Fragments read back to confirm that Pagefind kept the order the sections were given in. */
const ORDER_SAMPLES = 8;

/**
 * Links into `folder/fragment/` the previous index's fragments of the sections that did not
 * change. Returns fragment name → section digest of what it linked (empty when nothing can be
 * reused: no previous index, no manifest for it, another disk).
 */
export function seedFragments(reuse: IndexReuse, folder: string, records: readonly IndexedRecord[]): Map<string, string> {
  const seeded = new Map<string, string>();
  const manifest = readManifest(reuse);
  if (!manifest) return seeded;
  const wanted = new Set(records.map((record) => record.digest));
  try {
    fs.mkdirSync(path.join(folder, 'fragment'), { recursive: true });
    for (const [name, digest] of manifest.fragments) {
      if (!wanted.has(digest)) continue;
      fs.linkSync(fragmentFile(reuse.previous, name), fragmentFile(folder, name));
      seeded.set(name, digest);
    }
    return seeded;
  } catch {
    // Another disk, a file missing from the previous site: Pagefind writes every file itself.
    fs.rmSync(path.join(folder, 'fragment'), { recursive: true, force: true });
    return new Map();
  }
}

/**
 * After Pagefind wrote `folder`: checks that every linked file is its section's own, and keeps the
 * manifest of the new index for the next build. Returns false when the index must be written again
 * without linked files.
 */
export function settleFragments(folder: string, records: readonly IndexedRecord[], seeded: ReadonlyMap<string, string>, reuse: IndexReuse): boolean {
  const index = fragmentsOf(folder, records, seeded);
  if (!index) return seeded.size === 0;
  // Every linked file must be referred to, for the section it was made from. Pagefind would have
  // written a changed section's fragment over nothing else, so this is the only way to go wrong.
  const sectionOf = new Map(index.pages.map(([name, record]) => [name, record.digest]));
  if (![...seeded].every(([name, digest]) => sectionOf.get(name) === digest)) return false;
  writeManifest(reuse, index.entryText, index.pages, sectionsDigest(records));
  return true;
}

/** Of every section of an index, in order, and of the Pagefind that indexes them: equal digests, equal indexes. */
function sectionsDigest(records: readonly IndexedRecord[]): string {
  const hash = createHash('sha1').update(`pagefind ${PAGEFIND_VERSION}\n`);
  for (const record of records) hash.update(`${record.language} ${record.digest}\n`);
  return hash.digest('hex');
}

/**
 * Reuses the previous index whole when it was made from the very same sections (by the manifest
 * kept when it was written): links all its files into `folder`, and nothing is indexed. Index
 * shards in its subfolders and `skip` are left out. Returns false, with what it linked into
 * `folder` removed (the entries `skip` names stay), when it cannot.
 */
export function reuseWholeIndex(reuse: IndexReuse, folder: string, records: readonly IndexedRecord[], skip: (name: string) => boolean): boolean {
  const manifest = readManifest(reuse);
  if (!manifest || manifest.sections !== sectionsDigest(records)) return false;
  try {
    linkTree(reuse.previous, folder, skip);
    const now = new Date();
    fs.utimesSync(manifest.file, now, now);
    return true;
  } catch {
    removeEntries(folder, skip);
    return false;
  }
}

/**
 * Removes what `folder` holds but the top-level entries `keep` names: the first shard's folder holds
 * the others, which another thread may be writing at the same time (write-shards.ts).
 */
export function removeEntries(folder: string, keep: (name: string) => boolean): void {
  if (!fs.existsSync(folder)) return;
  for (const name of fs.readdirSync(folder)) if (!keep(name)) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
}

/** Hard-links every file of `from` into `to`, folders included; `skip` names top-level entries left out. */
function linkTree(from: string, to: string, skip: (name: string) => boolean): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) linkTree(source, path.join(to, entry.name), () => false);
    else fs.linkSync(source, path.join(to, entry.name));
  }
}

/**
 * Each fragment of the index with the section it was made from, or undefined when that cannot be
 * told. Pagefind numbers pages in the order they were added: a few of the files it wrote itself
 * (not linked ones, which the caller checks) are read back to confirm it.
 */
function fragmentsOf(
  folder: string,
  records: readonly IndexedRecord[],
  seeded: ReadonlyMap<string, string>,
): { entryText: string; pages: Array<[string, IndexedRecord]> } | undefined {
  try {
    const entry = readEntry(folder);
    if (!entry) return undefined;
    const pages: Array<[string, IndexedRecord]> = [];
    for (const [language, metaHash] of entry.languages) {
      const names = readFragmentNames(folder, metaHash);
      const ours = records.filter((record) => record.language === language);
      if (ours.length !== names.length) return undefined;
      pages.push(...names.map((name, i): [string, IndexedRecord] => [name, ours[i]!]));
    }
    const written = pages.filter(([name]) => !seeded.has(name));
    const step = Math.max(1, Math.floor(written.length / ORDER_SAMPLES));
    for (let i = 0; i < written.length; i += step) {
      const [name, record] = written[i]!;
      if (readFragmentUrl(fragmentFile(folder, name)) !== record.url) return undefined;
    }
    return { entryText: entry.text, pages };
  } catch {
    return undefined;
  }
}

const manifestFile = (reuse: IndexReuse, entryText: string) => path.join(reuse.manifests, `${createHash('sha1').update(entryText).digest('hex')}.json`);

interface Manifest {
  file: string;
  /** `sectionsDigest` of the sections the index was made from. */
  sections?: string;
  fragments: Array<[string, string]>;
}

function readManifest(reuse: IndexReuse): Manifest | undefined {
  try {
    const entry = readEntry(reuse.previous);
    if (!entry) return undefined;
    const file = manifestFile(reuse, entry.text);
    const { sections, fragments } = JSON.parse(fs.readFileSync(file, 'utf8')) as Omit<Manifest, 'file'>;
    return { file, sections, fragments };
  } catch {
    return undefined;
  }
}

function writeManifest(reuse: IndexReuse, entryText: string, pages: Array<[string, IndexedRecord]>, sections: string): void {
  fs.mkdirSync(reuse.manifests, { recursive: true });
  const file = manifestFile(reuse, entryText);
  fs.writeFileSync(file, JSON.stringify({ sections, fragments: pages.map(([name, record]) => [name, record.digest]) }));
  const older = fs
    .readdirSync(reuse.manifests)
    .map((name) => path.join(reuse.manifests, name))
    .filter((candidate) => candidate !== file)
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  for (const stale of older.slice(MANIFESTS_KEPT - 1)) fs.rmSync(stale, { force: true });
}
