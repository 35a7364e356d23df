import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { buildSearchIndex, indexSite, startSearchIndex } from '../../src/search/build/search-index';
import { SearchIndexError, sectionRecords } from '../../src/search/build/records';
import { fragmentFile, readEntry, readFragmentNames, readFragmentUrl } from '../../src/search/build/pagefind-format';
import { shardOf } from '../../src/search/build/shards';
import { pipelineVersion } from '../../src/markdown/part-cache';

const docsPage = (sections: string) =>
  `<!doctype html><html lang="en"><head><title>Docs</title></head><body><div class="sidebar"></div><main id="content">${sections}</main></body></html>`;
/** An index with no sections known before the pages are built. */
const nothingKnown = () => startSearchIndex(new Map());

const twoSections =
  `<section class="section section-h1"><div class="prose"><h1 id="tokens">Tokens</h1><p>Send the Bearer Token.</p></div></section>` +
  `<section class="section section-h2"><div class="prose"><h2 id="refresh">Refresh</h2><p>Refresh it every hour.</p></div></section>`;

// These run Pagefind's indexer for real (a native binary): seconds, not milliseconds.
describe('buildSearchIndex', () => {
  test('builds nothing when no page wants search', async () => {
    expect(await buildSearchIndex([])).toBeUndefined();
  });

  test('indexes one record per section, without Pagefind’s own UIs', async () => {
    const built = await buildSearchIndex([{ outputPath: 'index.html', html: docsPage(twoSections) }]);
    expect(built?.summary).toEqual({ pages: 1, records: 2 });
    const files = [...built!.files.keys()];
    expect(files).toContain('pagefind.js');
    expect(files).toContain('pagefind-entry.json');
    expect(files.filter((file) => file.startsWith('fragment/'))).toHaveLength(2);
    expect(files.filter((file) => /pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file))).toEqual([]);
  });

  test('fails when a page asks for search but has nothing to index, instead of shipping an empty index', async () => {
    const empty = buildSearchIndex([{ outputPath: 'index.html', html: docsPage('') }]);
    await expect(empty).rejects.toThrow(SearchIndexError);
    await expect(buildSearchIndex([{ outputPath: 'index.html', html: docsPage('') }])).rejects.toThrow(
      'index.html has `search: true` but nothing to index: add a heading with some text, or set `search: false`.',
    );
  });
});

describe('indexSite', () => {
  test('writes the index into the site folder, beside the pages', async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-search-'));
    try {
      fs.writeFileSync(path.join(site, 'index.html'), docsPage(twoSections));
      fs.writeFileSync(path.join(site, 'no-search.html'), docsPage(twoSections));
      // Which pages want search is data (their front matter), never read from the built HTML.
      expect(await indexSite(site, nothingKnown(), new Set(['index.html']))).toEqual({ pages: 1, records: 2 });
      expect(fs.existsSync(path.join(site, 'pagefind', 'pagefind.js'))).toBe(true);
      expect(fs.readdirSync(path.join(site, 'pagefind', 'fragment'))).toHaveLength(2);
      // The engine every first search fetches is written smaller than gzip's best (recompress.ts).
      const engine = fs.readFileSync(path.join(site, 'pagefind', 'wasm.en.pagefind'));
      expect(engine.length).toBeLessThan(zlib.gzipSync(zlib.gunzipSync(engine), { level: 9 }).length);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('startSearchIndex with a folder to write to early', () => {
  const inTempSite = async (run: (site: string, early: string) => Promise<void>) => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-search-'));
    try {
      await run(site, `${site}-search`);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
      fs.rmSync(`${site}-search`, { recursive: true, force: true });
    }
  };

  test('writes the index of the known sections before the pages exist, then moves it into the site', async () => {
    await inTempSite(async (site, early) => {
      const pending = startSearchIndex(new Map([['index.html', sectionRecords(docsPage(twoSections), 'index.html')]]), { writeTo: early });
      await pending.ready;
      expect(fs.existsSync(path.join(early, 'pagefind.js'))).toBe(true);
      fs.writeFileSync(path.join(site, 'index.html'), docsPage(twoSections));
      expect(await indexSite(site, pending, new Set())).toEqual({ pages: 1, records: 2 });
      expect(fs.readdirSync(path.join(site, 'pagefind', 'fragment'))).toHaveLength(2);
      expect(fs.readdirSync(path.join(site, 'pagefind')).filter((file) => file.startsWith('pagefind-ui'))).toEqual([]);
      expect(fs.existsSync(early)).toBe(false);
    });
  });

  test('a failure of the early index waits to be reported by indexSite, not as an unhandled rejection', async () => {
    await inTempSite(async (site) => {
      // A folder inside a file cannot be emptied: writing fails as soon as the index starts.
      fs.writeFileSync(path.join(site, 'index.html'), docsPage(twoSections));
      const pending = startSearchIndex(new Map([['index.html', sectionRecords(docsPage(twoSections), 'index.html')]]), {
        writeTo: path.join(site, 'index.html', 'early'),
      });
      // Astro builds the pages meanwhile: the failure happens before anything awaits the index.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      await expect(indexSite(site, pending, new Set())).rejects.toThrow('ENOTDIR');
    });
  });

  test('still indexes a built page it did not know of, and leaves no early folder behind', async () => {
    await inTempSite(async (site, early) => {
      const pending = startSearchIndex(new Map([['index.html', sectionRecords(docsPage(twoSections), 'index.html')]]), { writeTo: early });
      fs.writeFileSync(path.join(site, 'index.html'), docsPage(twoSections));
      fs.writeFileSync(path.join(site, 'guide.html'), docsPage(twoSections));
      fs.writeFileSync(path.join(site, 'no-search.html'), docsPage(twoSections));
      expect(await indexSite(site, pending, new Set(['guide.html']))).toEqual({ pages: 2, records: 4 });
      expect(fs.readdirSync(path.join(site, 'pagefind', 'fragment'))).toHaveLength(4);
      expect(fs.existsSync(early)).toBe(false);
    });
  });
});

describe('an index in shards', () => {
  /** One page in each of three shards. */
  const pages = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
    .map((name) => `${name}.html`)
    .filter((page, i, all) => all.findIndex((other) => shardOf(other, 3) === shardOf(page, 3)) === i);
  /** The URLs of the sections an index (one shard's folder) holds. */
  const urlsIn = (folder: string) => {
    const [metaHash] = [...readEntry(folder)!.languages.values()];
    return readFragmentNames(folder, metaHash!)
      .map((name) => readFragmentUrl(fragmentFile(folder, name)))
      .sort();
  };

  test('puts each page’s sections in its shard: the first in pagefind/, the others in folders listed for the browser, without Pagefind’s scripts', async () => {
    expect(pages).toHaveLength(3);
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-shards-'));
    try {
      const known = new Map(pages.map((page) => [page, sectionRecords(docsPage(twoSections), page)]));
      for (const page of pages) fs.writeFileSync(path.join(site, page), docsPage(twoSections));
      // Six sections, two per shard: three shards.
      expect(await indexSite(site, startSearchIndex(known, { writeTo: `${site}-early`, sectionsPerShard: 2 }), new Set())).toEqual({ pages: 3, records: 6 });
      const index = path.join(site, 'pagefind');
      const [first, ...others] = pages.map((page) => shardOf(page, 3)).sort();
      const list = JSON.parse(fs.readFileSync(path.join(index, 'shale-shards.json'), 'utf8')) as { shards: string[] };
      expect(list.shards).toEqual(others.map((shard) => `shard-${shard}/`));
      const holding = (shard: number) => pages.filter((page) => shardOf(page, 3) === shard).flatMap((page) => [`/${page}#refresh`, `/${page}#tokens`]);
      expect(urlsIn(index)).toEqual(holding(first!));
      for (const shard of others) {
        const folder = path.join(index, `shard-${shard}`);
        expect(urlsIn(folder)).toEqual(holding(shard));
        expect(fs.readdirSync(folder).filter((file) => /\.(js|pagefind)$/.test(file))).toEqual([]);
      }
      expect(fs.existsSync(path.join(index, 'pagefind.js'))).toBe(true);
      expect(fs.readdirSync(index).filter((file) => file.startsWith('wasm.'))).not.toEqual([]);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  });

  test('a worker thread writes the same files as this thread', async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-shards-'));
    /** Every file of a folder, by path, with its bytes. */
    const filesOf = (folder: string) =>
      Object.fromEntries(
        fs
          .readdirSync(folder, { recursive: true, encoding: 'utf8' })
          .filter((file) => fs.statSync(path.join(folder, file)).isFile())
          .sort()
          .map((file) => [file, fs.readFileSync(path.join(folder, file)).toString('base64')]),
      );
    try {
      const known = () => new Map(pages.map((page) => [page, sectionRecords(docsPage(twoSections), page)]));
      const here = startSearchIndex(known(), { writeTo: `${site}-here`, sectionsPerShard: 2 });
      const hereFiles = filesOf((await here.ready).written!);
      await indexSite(site, here, new Set());
      const inWorker = startSearchIndex(known(), { writeTo: `${site}-worker`, sectionsPerShard: 2, workerVersion: pipelineVersion() });
      const workerFiles = filesOf((await inWorker.ready).written!);
      await indexSite(site, inWorker, new Set());
      expect(Object.keys(workerFiles)).toContain('shard-' + Math.max(...pages.map((page) => shardOf(page, 3))) + '/pagefind-entry.json');
      expect(workerFiles).toEqual(hereFiles);
      // Helped by this thread from the start, before the worker is up: this thread takes the shards
      // from the last, the worker the rest, each with its own Pagefind service, into the same places.
      const shared = startSearchIndex(known(), { writeTo: `${site}-shared`, sectionsPerShard: 2, workerVersion: pipelineVersion() });
      const helped = shared.help!();
      expect(fs.existsSync(`${site}-shared/shard-${Math.max(...pages.map((page) => shardOf(page, 3)))}`)).toBe(false);
      await helped;
      expect(fs.existsSync(`${site}-shared/shard-${Math.max(...pages.map((page) => shardOf(page, 3)))}/pagefind-entry.json`)).toBe(true);
      expect(filesOf((await shared.ready).written!)).toEqual(hereFiles);
      await indexSite(site, shared, new Set());
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  });

  test('an index of one shard lists no others, and so does the one kept in memory for `npm run dev`', async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-shards-'));
    try {
      fs.writeFileSync(path.join(site, 'index.html'), docsPage(twoSections));
      await indexSite(site, nothingKnown(), new Set(['index.html']));
      expect(JSON.parse(fs.readFileSync(path.join(site, 'pagefind', 'shale-shards.json'), 'utf8'))).toEqual({ shards: [] });
      expect(fs.readdirSync(path.join(site, 'pagefind')).filter((file) => file.startsWith('shard-'))).toEqual([]);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
    const known = new Map(pages.map((page) => [page, sectionRecords(docsPage(twoSections), page)]));
    const built = await buildSearchIndex(
      pages.map((page) => ({ outputPath: page, html: docsPage(twoSections) })),
      known,
    );
    expect(JSON.parse(new TextDecoder().decode(built!.files.get('shale-shards.json')))).toEqual({ shards: [] });
    expect(built!.files.has('pagefind.js')).toBe(true);
  });
});
