import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fragmentFile, readEntry, readFragmentNames, readFragmentUrl } from '../../src/search/build/pagefind-format';
import { indexSite, startSearchIndex } from '../../src/search/build/search-index';
import { shardOf } from '../../src/search/build/shards';
import { recordDigest, settleFragments, type IndexReuse } from '../../src/search/build/reuse';
import { recordDocument } from '../../src/search/build/record-document';
import { sectionRecords } from '../../src/search/build/records';

const docsPage = (refresh: string) =>
  `<!doctype html><html lang="en"><head><title>Docs</title></head><body><div class="sidebar"><shale-search></shale-search></div><main id="content">` +
  `<section class="section section-h1"><div class="prose"><h1 id="tokens">Tokens</h1><p>Send the Bearer Token.</p></div></section>` +
  `<section class="section section-h2"><div class="prose"><h2 id="refresh">Refresh</h2><p>${refresh}</p></div></section>` +
  `</main></body></html>`;

let work: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-reuse-'));
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

/** Builds a one-page site into `work/<name>`, reusing the index of `work/<previous>` when given. */
async function build(name: string, html: string, previous?: string): Promise<string> {
  const site = path.join(work, name);
  fs.mkdirSync(site);
  fs.writeFileSync(path.join(site, 'index.html'), html);
  const reuse: IndexReuse = { previous: path.join(work, previous ?? 'none', 'pagefind'), manifests: path.join(work, 'manifests') };
  const pending = startSearchIndex(new Map([['index.html', sectionRecords(html, 'index.html')]]), { writeTo: `${site}-early`, reuse });
  await indexSite(site, pending, new Set());
  return path.join(site, 'pagefind');
}

/** Fragment name → URL of the section it holds, for the pages the index refers to. */
function fragments(index: string): Map<string, string> {
  const [metaHash] = [...readEntry(index)!.languages.values()];
  return new Map(readFragmentNames(index, metaHash!).map((name) => [name, readFragmentUrl(fragmentFile(index, name))]));
}

/** Every file of a folder with the hash of its content. */
const snapshot = (folder: string) =>
  fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .sort()
    .filter((file) => fs.statSync(path.join(folder, file)).isFile())
    .map(
      (file) =>
        `${file} ${createHash('sha1')
          .update(fs.readFileSync(path.join(folder, file)))
          .digest('hex')}`,
    );

const inode = (file: string) => fs.statSync(file).ino;

// These run Pagefind's indexer for real: seconds, not milliseconds.
describe('reusing the published index’s fragment files', () => {
  test('an unchanged section keeps its file (a hard link), a changed one gets a new file, and the published index is not touched', async () => {
    const first = await build('first', docsPage('Refresh it every hour.'));
    const published = snapshot(first);
    const second = await build('second', docsPage('Refresh it every day.'), 'first');

    const before = fragments(first);
    const after = fragments(second);
    expect([...after.values()]).toEqual(['/#tokens', '/#refresh']);
    const [tokens, refresh] = [...after.keys()];
    expect(before.has(tokens!)).toBe(true);
    expect(inode(fragmentFile(second, tokens!))).toBe(inode(fragmentFile(first, tokens!)));
    expect(before.has(refresh!)).toBe(false);
    // Only the files the new index refers to: the old fragment of the changed section is not carried over.
    expect(fs.readdirSync(path.join(second, 'fragment')).sort()).toEqual([...after.keys()].map((name) => `${name}.pf_fragment`).sort());
    expect(snapshot(first)).toEqual(published);
  });

  test('an index written around reused files is the one written afresh, file for file and byte for byte', async () => {
    // Around reused files, Pagefind skips writing those (it leaves an existing fragment alone).
    await build('first', docsPage('Refresh it every hour.'));
    const around = await build('second', docsPage('Refresh it every day.'), 'first');
    const afresh = await build('third', docsPage('Refresh it every day.'));
    expect(snapshot(around)).toEqual(snapshot(afresh));
    expect(snapshot(afresh).filter((file) => /^(pagefind\.js|wasm\.en\.pagefind|pagefind-entry\.json|fragment\/)/.test(file))).toHaveLength(5);
    expect(snapshot(afresh).filter((file) => /pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file))).toEqual([]);
  });

  test('without a record of which section each published file holds, every file is written afresh', async () => {
    const first = await build('first', docsPage('Refresh it every hour.'));
    fs.rmSync(path.join(work, 'manifests'), { recursive: true });
    const second = await build('second', docsPage('Refresh it every hour.'), 'first');
    for (const name of fragments(second).keys()) expect(inode(fragmentFile(second, name))).not.toBe(inode(fragmentFile(first, name)));
  });

  test('a file is reused only for the section it was made from, even when a changed section’s fragment has its name', async () => {
    // Pagefind names fragments by 7 hex digits of a hash: two sections can meet on one name. Make that
    // happen: the published index gets a file under the name of the changed section's new fragment,
    // holding another section's fragment, and the manifest says so, as after a real collision.
    const changed = docsPage('Refresh it every day.');
    const first = await build('first', docsPage('Refresh it every hour.'));
    const [manifestFile] = fs.readdirSync(path.join(work, 'manifests')).map((file) => path.join(work, 'manifests', file));
    const [newName] = [...fragments(await build('probe', changed)).entries()].filter(([, url]) => url === '/#refresh').map(([name]) => name);
    const [tokensName] = [...fragments(first).entries()].filter(([, url]) => url === '/#tokens').map(([name]) => name);
    fs.copyFileSync(fragmentFile(first, tokensName!), fragmentFile(first, newName!));
    const manifest = JSON.parse(fs.readFileSync(manifestFile!, 'utf8')) as { fragments: Array<[string, string]> };
    const tokensRecord = sectionRecords(changed, 'index.html').find((record) => record.url === '/#tokens')!;
    manifest.fragments.push([newName!, recordDigest(tokensRecord.url, recordDocument(tokensRecord))]);
    fs.writeFileSync(manifestFile!, JSON.stringify(manifest));

    const second = await build('second', changed, 'first');
    expect(readFragmentUrl(fragmentFile(second, newName!))).toBe('/#refresh');
    expect(readFragmentUrl(fragmentFile(first, newName!))).toBe('/#tokens');
  });

  test('keeps no record of the sections when the index’s pages are not in the order the sections were given', async () => {
    const html = docsPage('Refresh it every hour.');
    const index = await build('first', html);
    const given = sectionRecords(html, 'index.html').map((record) => ({
      url: record.url,
      language: record.language,
      digest: recordDigest(record.url, recordDocument(record)),
    }));
    const manifests = path.join(work, 'elsewhere');
    expect(settleFragments(index, given, new Map(), { previous: index, manifests })).toBe(true);
    expect(fs.readdirSync(manifests)).toHaveLength(1);
    fs.rmSync(manifests, { recursive: true });
    expect(settleFragments(index, [...given].reverse(), new Map(), { previous: index, manifests })).toBe(true);
    expect(fs.existsSync(manifests)).toBe(false);
  });
});

describe('reusing the published index’s shards whole', () => {
  /** Two pages in different shards of two. */
  const [one, two] = ['a', 'b', 'c', 'd', 'e', 'f']
    .map((name) => `${name}.html`)
    .filter((page, i, all) => all.findIndex((other) => shardOf(other, 2) === shardOf(page, 2)) === i);
  const folderOf = (index: string, page: string) => {
    const shards = [one!, two!].map((candidate) => shardOf(candidate, 2)).sort();
    return shardOf(page, 2) === shards[0] ? index : path.join(index, `shard-${shardOf(page, 2)}`);
  };
  /** Builds a two-page site of two shards into `work/<name>`, reusing `work/<previous>`'s index when given. */
  async function buildTwo(name: string, refreshOfTwo: string, previous?: string): Promise<string> {
    const site = path.join(work, name);
    fs.mkdirSync(site);
    const pages = new Map([
      [one!, docsPage('Refresh it every hour.')],
      [two!, docsPage(refreshOfTwo)],
    ]);
    for (const [page, html] of pages) fs.writeFileSync(path.join(site, page), html);
    const known = new Map([...pages].map(([page, html]) => [page, sectionRecords(html, page)]));
    const reuse: IndexReuse = { previous: path.join(work, previous ?? 'none', 'pagefind'), manifests: path.join(work, 'manifests') };
    await indexSite(site, startSearchIndex(known, { writeTo: `${site}-early`, reuse, sectionsPerShard: 2 }), new Set());
    return path.join(site, 'pagefind');
  }
  const dataFiles = (folder: string) =>
    fs
      .readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => !file.startsWith('shard-') && file !== 'shale-shards.json' && fs.statSync(path.join(folder, file)).isFile())
      .sort();

  test('a shard whose sections did not change is the published one’s files, linked; the changed shard is indexed again', async () => {
    const first = await buildTwo('first', 'Refresh it every hour.');
    const published = snapshot(first);
    const second = await buildTwo('second', 'Refresh it every day.', 'first');

    const kept = folderOf(second, one!);
    expect(dataFiles(kept)).toEqual(dataFiles(folderOf(first, one!)));
    for (const file of dataFiles(kept)) expect(inode(path.join(kept, file))).toBe(inode(path.join(folderOf(first, one!), file)));
    const changed = folderOf(second, two!);
    expect(readEntry(changed)!.text).not.toBe(readEntry(folderOf(first, two!))!.text);
    expect([...fragments(changed).values()].sort()).toEqual([`/${two}#refresh`, `/${two}#tokens`]);
    expect(snapshot(first)).toEqual(published);
  });

  test('a shard is indexed again when the record kept of its sections does not match them', async () => {
    const first = await buildTwo('first', 'Refresh it every hour.');
    for (const file of fs.readdirSync(path.join(work, 'manifests'))) {
      const manifestFile = path.join(work, 'manifests', file);
      const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { sections: string };
      fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, sections: 'other sections' }));
    }
    const second = await buildTwo('second', 'Refresh it every hour.', 'first');
    for (const page of [one!, two!]) {
      expect(inode(path.join(folderOf(second, page), 'pagefind-entry.json'))).not.toBe(inode(path.join(folderOf(first, page), 'pagefind-entry.json')));
      expect(readEntry(folderOf(second, page))!.text).toBe(readEntry(folderOf(first, page))!.text);
    }
  });
});
