import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indexSite, startSearchIndex } from '../../src/search/build/search-index';
import { sectionRecords } from '../../src/search/build/records';
import { fragmentFile, PAGEFIND_VERSION, readEntry, readFragmentNames, readFragmentUrl } from '../../src/search/build/pagefind-format';

/**
 * The contract between Shale and the files Pagefind 1.6.0 writes (src/search/build/pagefind-format.ts
 * reads them to reuse an index's files in a rebuild). Pagefind's files are its own, not a public
 * format: before another Pagefind version is taken, this must pass with it, and be renamed.
 */
const PINNED = '1.6.0';

const page = (sections: string) => `<!doctype html><html lang="en"><head><title>Docs</title></head><body><main id="content">${sections}</main></body></html>`;
const section = (id: string, text: string) => `<section class="section section-h2"><div class="prose"><h2 id="${id}">${id}</h2><p>${text}</p></div></section>`;

let site: string;
beforeAll(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-pagefind-contract-'));
  const html = page(section('tokens', 'Send the Bearer Token.') + section('refresh', 'Refresh it every hour.') + section('errors', 'Codes.'));
  fs.writeFileSync(path.join(site, 'index.html'), html);
  await indexSite(site, startSearchIndex(new Map([['index.html', sectionRecords(html, 'index.html')]])), new Set());
});
afterAll(() => fs.rmSync(site, { recursive: true, force: true }));

describe(`Pagefind ${PINNED}: the files Shale reads`, () => {
  test(`is the Pagefind installed (package.json pins ${PINNED})`, () => {
    expect(PAGEFIND_VERSION).toBe(PINNED);
    const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies.pagefind).toBe(PINNED);
  });

  test('pagefind-entry.json names one meta file per language, which exists', () => {
    const entry = readEntry(path.join(site, 'pagefind'))!;
    expect([...entry.languages.keys()]).toEqual(['en']);
    const hash = entry.languages.get('en')!;
    expect(fs.existsSync(path.join(site, 'pagefind', `pagefind.${hash}.pf_meta`))).toBe(true);
  });

  test('the meta file lists the fragments in the order the sections were given, each a file holding its URL', () => {
    const folder = path.join(site, 'pagefind');
    const names = readFragmentNames(folder, readEntry(folder)!.languages.get('en')!);
    expect(names).toHaveLength(3);
    expect(names.map((name) => readFragmentUrl(fragmentFile(folder, name)))).toEqual(['/#tokens', '/#refresh', '/#errors']);
    expect(fs.readdirSync(path.join(folder, 'fragment')).sort()).toEqual(names.map((name) => `${name}.pf_fragment`).sort());
  });

  test('a file that is not Pagefind’s is refused, not guessed at', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-pagefind-contract-bad-'));
    try {
      fs.mkdirSync(path.join(folder, 'fragment'));
      fs.writeFileSync(path.join(folder, 'fragment', 'x.pf_fragment'), 'plain text');
      expect(() => readFragmentUrl(fragmentFile(folder, 'x'))).toThrow();
      expect(readEntry(folder)).toBeUndefined();
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
