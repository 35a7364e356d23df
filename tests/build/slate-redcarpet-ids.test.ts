import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, reportOf, snapshot, tempDir, type BuildResult } from './support/build';
import { is, readPage, text } from './support/html';

/**
 * tests/fixtures/slate-redcarpet-ids is a Slate project as Slate was before UniqueHeadCounter: its
 * config.rb sets `with_toc_data: true` and no renderer, so Redcarpet made the heading ids, and its
 * links use them (`#crear-una-aplicaci-n`, as CentryCL's docs do). They keep working.
 */
const FIXTURE = 'tests/fixtures/slate-redcarpet-ids';
let build: BuildResult;

beforeAll(async () => {
  build = await astroBuild({ content: `${FIXTURE}/source`, outDir: tempDir('redcarpet-ids') });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
});
afterAll(() => fs.rmSync(build.outDir, { recursive: true, force: true }));

describe("a Slate project whose headings had Redcarpet's own ids", () => {
  it('gives its headings those ids, so its links resolve (no warning)', () => {
    expect(reportOf(build.stdout)).toBeUndefined();
    const index = readPage(path.join(build.outDir, 'index.html'));
    expect(index.headingIds()).toEqual(['introducci-n', 'whats-new', 'autenticaci-n', 'crear-una-aplicaci-n', 'par-metros-l-mites']);
  });

  it("curls its quotes and makes dashes as Redcarpet's SmartyPants did (its config.rb has smartypants: true), in the TOC too, not in code", () => {
    const index = readPage(path.join(build.outDir, 'index.html'));
    const heading = index.all(is('h1'), index.main()).find((h1) => h1.properties.id === 'whats-new');
    expect(heading && text(heading)).toBe('What’s new');
    expect(index.toc().map((entry) => entry.entry)).toContain('What’s new#whats-new');
    expect(text(index.main())).toContain('Nothing — yet.');
    expect(index.all(is('code'), index.main()).map(text)).toContain('curl \'https://api.example.com/apps\' -- no "quotes" here');
  });

  it("gives them Slate's ids once its config.rb names UniqueHeadCounter, though no page changed", async () => {
    const copy = tempDir('redcarpet-ids-source');
    fs.cpSync(FIXTURE, copy, { recursive: true });
    const config = path.join(copy, 'config.rb');
    const outDir = tempDir('redcarpet-ids-out');
    try {
      expect((await astroBuild({ content: path.join(copy, 'source'), outDir, quickRebuild: true })).status).toBe(0);
      fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('no_intra_emphasis: true', 'no_intra_emphasis: true,\n    renderer: UniqueHeadCounter'));
      const again = await astroBuild({ content: path.join(copy, 'source'), outDir, quickRebuild: true });
      // A quick rebuild: the ids, the TOC and, without SmartyPants, the first paragraph (the page's description) changed, all put in place.
      expect(again.stdout).toMatch(/quick rebuild: 1 of 1 page\(s\) rewritten/);
      expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toMatch(/<meta name="description" content="[^"]*What's new is below\.">/);
      expect(readPage(path.join(outDir, 'index.html')).headingIds()).toEqual([
        'introduccion',
        'what-39-s-new',
        'autenticacion',
        'crear-una-aplicacion',
        'parametros-amp-limites',
      ]);
      // The links written for Redcarpet's ids now point nowhere, as they would have in Slate. One
      // still lands: `#crear-una-aplicaci-n` is also the id Shins gave that heading, which it answers to.
      expect(reportOf(again.stdout)).toContain('link "#whats-new" points to no id on this page');
      expect(reportOf(again.stdout)).not.toContain('#crear-una-aplicaci-n');
      // What a full build of the same project publishes.
      const full = await astroBuild({ content: path.join(copy, 'source'), outDir: tempDir('redcarpet-ids-full'), quickRebuild: false });
      expect(snapshot(outDir)).toEqual(snapshot(full.outDir));
      fs.rmSync(full.outDir, { recursive: true, force: true });
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe('a Slate project whose config.rb names NestingUniqueHeadCounter', () => {
  it('gives each heading the titles above it before its own id, across the page and its includes, so its links resolve', async () => {
    const outDir = tempDir('nesting-ids');
    try {
      const nested = await astroBuild({ content: 'tests/fixtures/slate-nesting-ids/source', outDir });
      expect(nested.status).toBe(0);
      expect(reportOf(nested.stdout)).toBeUndefined();
      expect(readPage(path.join(outDir, 'index.html')).headingIds()).toEqual([
        'bills',
        'bills-create-a-bill',
        'bills-create-a-bill-http-request',
        'bills-get-a-bill',
        'the-collection',
        'the-code-collection-code-get-a-bill-arguments',
      ]);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });

  it("leaves the h1s' titles out when the project's lib/nesting_unique_head.rb walks the titles above down to the h2s", async () => {
    const copy = tempDir('nesting-below-h1');
    const outDir = tempDir('nesting-below-h1-out');
    try {
      fs.cpSync('tests/fixtures/slate-nesting-ids', copy, { recursive: true });
      fs.mkdirSync(path.join(copy, 'lib'));
      // The loop of Slate's renderer, as a project changed it (Welkin's docs): `downto(2)` for Slate's `downto(1)`.
      const loop = 'for i in (header_level - 1).downto(2)\n  friendly_text.prepend("#{@@headers_history[i]}-") if @@headers_history.key?(i)\nend\n';
      fs.writeFileSync(path.join(copy, 'lib', 'nesting_unique_head.rb'), loop);
      const nested = await astroBuild({ content: path.join(copy, 'source'), outDir });
      expect(nested.status).toBe(0);
      expect(readPage(path.join(outDir, 'index.html')).headingIds()).toEqual([
        'bills',
        'create-a-bill',
        'create-a-bill-http-request',
        'get-a-bill',
        'the-collection',
        'get-a-bill-arguments',
      ]);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
