import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { decode } from 'cborg';

/**
 * Everything Shale reads of the files Pagefind writes, which are Pagefind's own and not a public
 * format: which fragment file holds which page, so a rebuild can reuse them (reuse.ts). Nothing
 * else reads them, and `searchReuse: false` (SHALE_SEARCH_REUSE=false) turns the reading off: the
 * index is then written afresh every build. tests/unit/pagefind-1.6.0.contract.test.ts checks
 * this against the pinned Pagefind; a new Pagefind version must pass it before it is taken.
 *
 * Pagefind 1.6's formats, as written by its `output` and `index` modules: `pagefind-entry.json`
 * names one meta file per language; a meta file is gzip of `pagefind_dcd` followed by CBOR,
 * `[version, pages, …]` with each page `[fragment name, word count, …]` in the order the pages
 * were added; a fragment is gzip of `pagefind_dcd` followed by the page's JSON. Anything else
 * throws: the caller then does without.
 */

const PREFIX = 'pagefind_dcd';

/**
 * The version of the Pagefind installed: its output differs from one version to the next. Read
 * from its package.json, found as Node finds the package (its `exports` do not offer the file).
 */
export const PAGEFIND_VERSION: string = (() => {
  for (const folder of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const file = path.join(folder, 'pagefind', 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  throw new Error('Pagefind is not installed: run `npm ci`.');
})();

/** Language → meta file hash, and the entry's text (it changes whenever the index does). */
export function readEntry(folder: string): { text: string; languages: Map<string, string> } | undefined {
  const file = path.join(folder, 'pagefind-entry.json');
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  const entry = JSON.parse(text) as { languages?: Record<string, { hash?: unknown }> };
  const languages = new Map<string, string>();
  for (const [language, meta] of Object.entries(entry.languages ?? {})) {
    if (typeof meta.hash !== 'string') throw new Error(`pagefind-entry.json: no meta hash for ${language}`);
    languages.set(language, meta.hash);
  }
  return { text, languages };
}

/** The fragment names of a language's pages, in page order. */
export function readFragmentNames(folder: string, metaHash: string): string[] {
  const meta = decodeCbor(unpack(fs.readFileSync(path.join(folder, `pagefind.${metaHash}.pf_meta`))));
  const pages = Array.isArray(meta) ? meta[1] : undefined;
  if (!Array.isArray(pages)) throw new Error(`pagefind.${metaHash}.pf_meta has no page list`);
  return pages.map((page) => {
    const name = Array.isArray(page) ? page[0] : undefined;
    if (typeof name !== 'string' || !/^[\w-]+$/.test(name)) throw new Error(`pagefind.${metaHash}.pf_meta: a page without a fragment name`);
    return name;
  });
}

/** The URL a fragment file was written for. */
export function readFragmentUrl(file: string): string {
  const fragment = JSON.parse(unpack(fs.readFileSync(file)).toString('utf8')) as { url?: unknown };
  if (typeof fragment.url !== 'string') throw new Error(`${path.basename(file)} has no url`);
  return fragment.url;
}

export const fragmentFile = (folder: string, name: string) => path.join(folder, 'fragment', `${name}.pf_fragment`);

function unpack(gzipped: Buffer): Buffer {
  const data = zlib.gunzipSync(gzipped);
  if (data.subarray(0, PREFIX.length).toString('latin1') !== PREFIX) throw new Error('not a Pagefind data file');
  return data.subarray(PREFIX.length);
}

/** What Pagefind's CBOR holds, as cborg decodes it (maps as Map, so integer keys stay integers). */
const decodeCbor = (data: Uint8Array): unknown => decode(data, { useMaps: true });
