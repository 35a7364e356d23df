import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { recompress, recompressIndexFiles } from '../../src/search/build/recompress';

/** Something like a meta file: short hashes and counts, which gzip at its usual level leaves room in. */
function metaLike(entries: number): Buffer {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const pages = Array.from({ length: entries }, () => `en_${random().toString(16).padStart(7, '0').slice(0, 7)}:${random() % 900}`);
  return Buffer.from(`pagefind_dcd1.6.0${pages.join(',')}`);
}

const gzip = (content: Buffer) => zlib.gzipSync(content);

describe('recompress', () => {
  test('gives the same content in fewer bytes, still gzip', async () => {
    const content = metaLike(4000);
    const before = gzip(content);
    const after = await recompress(before);
    expect(after.length).toBeLessThan(before.length * 0.95);
    expect(zlib.gunzipSync(after).equals(content)).toBe(true);
  });

  test('gives the same bytes twice (two builds stay byte-identical)', async () => {
    const before = gzip(metaLike(500));
    expect((await recompress(before)).equals(await recompress(before))).toBe(true);
  });

  test('refuses what is not gzip rather than writing a broken index', async () => {
    await expect(recompress(Buffer.from('not gzip'))).rejects.toThrow();
  });
});

describe('recompressIndexFiles', () => {
  let folder: string;
  let cache: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-recompress-'));
    cache = path.join(folder, '.cache');
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const write = (name: string, content: Buffer) => {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), gzip(content));
    return fs.readFileSync(path.join(folder, name));
  };

  test('recompresses the meta and engine files, and leaves the index chunks and fragments as Pagefind wrote them', async () => {
    const meta = write('pagefind.en_0123456789.pf_meta', metaLike(3000));
    const engine = write('wasm.en.pagefind', metaLike(3000));
    const chunk = write('index/en_abcdef0.pf_index', metaLike(3000));
    const fragment = write('fragment/en_abcdef1.pf_fragment', metaLike(300));
    await recompressIndexFiles(folder, cache);
    const read = (name: string) => fs.readFileSync(path.join(folder, name));
    expect(read('pagefind.en_0123456789.pf_meta').length).toBeLessThan(meta.length);
    expect(zlib.gunzipSync(read('pagefind.en_0123456789.pf_meta')).equals(zlib.gunzipSync(meta))).toBe(true);
    expect(read('wasm.en.pagefind').length).toBeLessThan(engine.length);
    expect(read('index/en_abcdef0.pf_index').equals(chunk)).toBe(true);
    expect(read('fragment/en_abcdef1.pf_fragment').equals(fragment)).toBe(true);
    expect(fs.readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('never writes through a hard link: the published file it points to keeps its bytes', async () => {
    const published = path.join(folder, 'published.pf_meta');
    fs.writeFileSync(published, gzip(metaLike(2000)));
    const before = fs.readFileSync(published);
    fs.mkdirSync(path.join(folder, 'next'));
    fs.linkSync(published, path.join(folder, 'next', 'pagefind.en_0123456789.pf_meta'));
    await recompressIndexFiles(path.join(folder, 'next'), cache);
    expect(fs.readFileSync(published).equals(before)).toBe(true);
    expect(fs.readFileSync(path.join(folder, 'next', 'pagefind.en_0123456789.pf_meta')).length).toBeLessThan(before.length);
  });

  test('compresses the engine once: the next build takes it from the cache, unless the cached file is not the same content', async () => {
    const engine = metaLike(3000);
    write('wasm.en.pagefind', engine);
    await recompressIndexFiles(folder, cache);
    const [cached] = fs.readdirSync(cache);
    // A cached file with the same content is used as it is (here: gzip at level 1, to tell it apart).
    const levelOne = zlib.gzipSync(engine, { level: 1 });
    fs.writeFileSync(path.join(cache, cached!), levelOne);
    write('wasm.en.pagefind', engine);
    await recompressIndexFiles(folder, cache);
    expect(fs.readFileSync(path.join(folder, 'wasm.en.pagefind')).equals(levelOne)).toBe(true);
    // One whose content differs (a damaged cache) is not.
    fs.writeFileSync(path.join(cache, cached!), gzip(metaLike(10)));
    write('wasm.en.pagefind', engine);
    await recompressIndexFiles(folder, cache);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(folder, 'wasm.en.pagefind'))).equals(engine)).toBe(true);
  });
});
