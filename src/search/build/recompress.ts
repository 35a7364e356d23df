import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';

/**
 * Pagefind gzips its files at the usual level. The first search of a visit fetches the engine
 * (`wasm.<language>.pagefind`) and every shard's `.pf_meta` whatever was typed: Zopfli writes the
 * same bytes as gzip 13 % smaller for a meta file and 5 % for the engine (5,000 endpoints: 12 KB of
 * the first search's 206 KB). The files stay gzip, which Pagefind's own gunzip reads.
 *
 * Only those files: the hundreds of index chunks (7 % smaller) would cost a build a minute. The
 * engine is the same for every build of a Pagefind version, so it is compressed once and kept in
 * `ENGINE_CACHE` under a hash of its bytes.
 */

/**
 * Zopfli's effort. Its splitting of the output into blocks takes most of the time: three blocks at
 * most instead of 15 give the first search's meta and engine files 0.2 % more bytes in a third of
 * the time (about 0.15 s for a meta file of 60 KB).
 */
const EFFORT = { numiterations: 5, blocksplittingmax: 3 };

/** Where the engine's recompressed file is kept (a worker bundled elsewhere is told it: index-worker.ts). */
export const ENGINE_CACHE = fileURLToPath(new URL('../../../node_modules/.cache/shale/search-engine/', import.meta.url));

const isMeta = (name: string) => name.endsWith('.pf_meta');
const isEngine = (name: string) => /^wasm\..+\.pagefind$/.test(name);

/** Compresses again the meta and engine files that Pagefind wrote into `folder` (not its subfolders). */
export async function recompressIndexFiles(folder: string, engineCache = ENGINE_CACHE): Promise<void> {
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    if (isMeta(name)) replace(file, await recompress(fs.readFileSync(file)));
    else if (isEngine(name)) replace(file, await recompressCached(fs.readFileSync(file), engineCache));
  }
}

/** The same content as `gzipped`, gzipped by Zopfli; `gzipped` itself when that is not smaller. */
export async function recompress(gzipped: Buffer): Promise<Buffer> {
  const content = zlib.gunzipSync(gzipped);
  const smaller = Buffer.from(await gzipAsync(content, EFFORT));
  // An index that does not decompress would break every search: check rather than trust.
  if (smaller.length >= gzipped.length || !zlib.gunzipSync(smaller).equals(content)) return gzipped;
  return smaller;
}

async function recompressCached(gzipped: Buffer, cacheDir: string): Promise<Buffer> {
  const cached = path.join(cacheDir, `${createHash('sha1').update(gzipped).digest('hex')}.gz`);
  if (fs.existsSync(cached)) {
    const kept = fs.readFileSync(cached);
    if (sameContent(kept, gzipped)) return kept;
  }
  const smaller = await recompress(gzipped);
  fs.mkdirSync(cacheDir, { recursive: true });
  replace(cached, smaller);
  return smaller;
}

function sameContent(a: Buffer, b: Buffer): boolean {
  try {
    return zlib.gunzipSync(a).equals(zlib.gunzipSync(b));
  } catch {
    return false;
  }
}

/** Writes beside and renames: `file` may be a hard link into a published site, which must not change. */
function replace(file: string, content: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}
