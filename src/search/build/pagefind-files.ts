import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * Reads what Shale needs from an index Pagefind wrote: which fragment file holds which page.
 * Pagefind 1.6's formats, as written by its `output` and `index` modules: `pagefind-entry.json`
 * names one meta file per language; a meta file is gzip of `pagefind_dcd` followed by CBOR,
 * `[version, pages, …]` with each page `[fragment name, word count, …]` in the order the pages
 * were added; a fragment is gzip of `pagefind_dcd` followed by the page's JSON. Anything else
 * throws: the caller then does without (see search-reuse.ts).
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

type Cbor = number | string | boolean | null | Uint8Array | Cbor[] | Map<Cbor, Cbor>;

/** A CBOR decoder for what Pagefind's encoder writes: integers, strings, bytes, arrays, maps, booleans, null. */
export function decodeCbor(data: Buffer): Cbor {
  let at = 0;
  const need = (bytes: number) => {
    if (at + bytes > data.length) throw new Error('CBOR ends early');
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const bytes = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (!bytes) throw new Error(`CBOR: unsupported length ${info}`);
    need(bytes);
    const value = bytes === 8 ? Number(data.readBigUInt64BE(at)) : data.readUIntBE(at, bytes);
    at += bytes;
    return value;
  };
  const item = (): Cbor => {
    need(1);
    const head = data[at++]!;
    const info = head & 31;
    switch (head >> 5) {
      case 0:
        return argument(info);
      case 1:
        return -1 - argument(info);
      case 2:
      case 3: {
        const length = argument(info);
        need(length);
        const bytes = data.subarray(at, (at += length));
        return head >> 5 === 2 ? bytes : bytes.toString('utf8');
      }
      case 4:
        return Array.from({ length: argument(info) }, item);
      case 5: {
        const map = new Map<Cbor, Cbor>();
        for (let count = argument(info); count > 0; count--) map.set(item(), item());
        return map;
      }
      default: {
        const simple = { 20: false, 21: true, 22: null } as Record<number, Cbor>;
        if (head >> 5 === 7 && info in simple) return simple[info]!;
        throw new Error(`CBOR: unsupported item 0x${head.toString(16)}`);
      }
    }
  };
  const value = item();
  if (at !== data.length) throw new Error('CBOR: data after the value');
  return value;
}
