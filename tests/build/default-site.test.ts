import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, cliBuild, hasStackTrace, tempDir, type BuildResult } from './support/build';
import { tempContent } from '../support/temp-content';

describe('the default content (appointman)', () => {
  let build: BuildResult;
  let html: string;
  beforeAll(async () => {
    build = await astroBuild({ content: 'content', outDir: tempDir('default') });
    html = fs.readFileSync(path.join(build.outDir, 'index.html'), 'utf8');
  });

  it('builds without problems', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  });

  it('has the sections of the seed with Slate ids, in the TOC', () => {
    const ids = [...html.matchAll(/<h[1-3] id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(
      expect.arrayContaining(['introduction', 'authentication', 'oauth', 'what-is-oauth', 'register-an-application', 'quick-reference', 'errors']),
    );
    const toc = [...html.matchAll(/class="toc-link toc-h(\d)" href="#([^"]+)"/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(toc).toEqual([
      '1:introduction',
      '1:authentication',
      '2:oauth',
      '2:what-is-oauth',
      '2:register-an-application',
      '2:quick-reference',
      '1:errors',
      // The reference made from content/openapi.yaml: the two endpoints the text documents.
      '1:oauth-endpoints',
      '2:user-authorization-endpoint',
      '2:token-exchange-endpoint',
    ]);
  });

  it('has four tabs and a sample in each language beside every step that calls an endpoint, and each endpoint of the reference', () => {
    expect([...html.matchAll(/role="tab"[^>]*>\s*([a-z]+)\s*</g)].map((m) => m[1])).toEqual(['shell', 'ruby', 'python', 'javascript']);
    // Four steps of the guide, two endpoints of the reference.
    for (const index of ['0', '1', '2', '3']) expect(html.match(new RegExp(`class="code-block"[^>]*data-tab-index="${index}"`, 'g'))).toHaveLength(6);
  });

  it('points every placeholder link of the seed at a real section', () => {
    const anchors = [...html.matchAll(/<a href="#([^"]+)"/g)].map((m) => m[1]).filter((id) => id && !html.includes(`class="toc-link`));
    for (const id of ['register-an-application', 'quick-reference', 'authorization-code-grant']) expect(html).toContain(`id="${id}"`);
    expect(html).not.toContain('href="#"');
    expect(anchors.every((id) => html.includes(`id="${id}"`))).toBe(true);
  });

  it('has the two TOC footers, hardened, and no inline scripts or styles', () => {
    expect(html).toContain('<a href="mailto:developer@appointman.net">Sign Up for a Developer Key</a>');
    expect(html).toContain('<a href="https://github.com/lord/slate" rel="noopener noreferrer">Documentation Powered by Slate</a>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
  });
});

describe('a build under a base path', () => {
  it('puts every link and asset under the base', async () => {
    const build = await astroBuild({ content: 'content', outDir: tempDir('base'), base: '/docs/' });
    expect(build.status).toBe(0);
    const html = fs.readFileSync(path.join(build.outDir, 'index.html'), 'utf8');
    const urls = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(2);
    expect(
      urls.filter((url) => !url!.startsWith('/docs/')),
      build.stdout,
    ).toEqual([]);
  });
});

describe('a failing `npm run build`', () => {
  it('prints one report, then the error with what to do, exits non-zero and leaves the previous output as it was', async () => {
    const { outDir } = await astroBuild({ content: 'content', outDir: tempDir('previous') });
    const before = fs.readFileSync(path.join(outDir, 'index.html'));
    const broken = tempContent({ 'index.md': '---\nsearch: maybe\n---\n# A\n\n[x](#nowhere)\n' });
    const build = await cliBuild({ content: broken, outDir });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`✗ Found 2 errors in 1 file`);
    expect(build.stderr).toContain('index.md:2  search: Expected boolean, received string. Fix: write true or false.');
    expect(build.stderr).toContain('index.md:6  link "#nowhere" points to no id on this page.');
    expect(build.stderr).toContain(
      '[ShaleBuildError] The content has 2 errors, listed above.\n  Hint:\n    Fix them, then build again. The build stopped; the previous site was left as it was.',
    );
    expect(hasStackTrace(build.stdout + build.stderr)).toBe(false);
    expect(fs.readFileSync(path.join(outDir, 'index.html')).equals(before)).toBe(true);
  });
});

describe('`npm run build` on a fresh clone', () => {
  // Astro loads Shale with its config through Vite's module runner, then closes it: what Shale loads
  // on first use (Redocly for a spec, MDX's compiler) must not be imported through it. In-process
  // builds do not go that way, and with warm caches the spec is never read: this build has neither.
  it('builds the default content (MDX pages and a spec) with empty caches, then rebuilds it', async () => {
    const workDir = tempDir('fresh-work');
    const outDir = tempDir('fresh-out');
    const first = await cliBuild({ content: 'content', outDir, env: { SHALE_WORK_DIR: workDir } });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('id="authentication"');
    // A work folder outside the project: Astro's own files (its build beside the project when the output is outside) stay out of the site.
    for (const astroFile of ['collections', 'content-modules.mjs', 'content-assets.mjs', 'data-store.json'])
      expect(fs.existsSync(path.join(outDir, astroFile))).toBe(false);
    const again = await cliBuild({ content: 'content', outDir, env: { SHALE_WORK_DIR: workDir } });
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
  }, 300_000);
});
