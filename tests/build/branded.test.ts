import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempContent } from '../support/temp-content';
import { withContrast } from '../../src/highlight/color';
import { astroBuild, reportOf, ROOT, runScript, tempDir, type BuildResult } from './support/build';

/**
 * tests/fixtures/branded: a Slate source with its own _variables.scss (a light navigation, a green
 * active item, a dark-blue code column, a wider navigation, a narrower code column, its own
 * breakpoints), an edited screen.css.scss, a `theme:` map, `head:` tags and a custom.css.
 */
const FIXTURE = 'tests/fixtures/branded';
let build: BuildResult;
const cleanup: string[] = [];

beforeAll(async () => {
  build = await astroBuild({ content: FIXTURE, outDir: tempDir('branded-out') });
  cleanup.push(build.outDir);
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}\n${build.stderr}`);
}, 120_000);
afterAll(() => cleanup.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const html = (file = 'index.html') => fs.readFileSync(path.join(build.outDir, file), 'utf8');
const stylesheet = () => {
  const href = /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)">/.exec(html())![1]!;
  return fs.readFileSync(path.join(build.outDir, href), 'utf8');
};

describe('a branded Slate source', () => {
  it('builds, warning once of what Shale does not apply: an unmapped variable and an edited stylesheet', () => {
    expect(reportOf(build.stdout + build.stderr)).toBe(`⚠ Found 2 warnings in 2 files

${FIXTURE}/stylesheets/_variables.scss
  ⚠ ${FIXTURE}/stylesheets/_variables.scss:21  $search-notice-bg has no counterpart in Shale's design, so its value is not used. Fix: set the nearest design token in a theme: map or custom.css instead (see the manual, "Theming").

${FIXTURE}/stylesheets/screen.css.scss
  ⚠ ${FIXTURE}/stylesheets/screen.css.scss  stylesheets/screen.css.scss differs from Slate's own, and Shale does not compile Slate's stylesheets: only _variables.scss is read. Fix: move the rules you added into custom.css in the content folder (it is applied after Shale's CSS).`);
  });

  it("puts the variables' tokens after Shale's, the doc's theme: map after them, and its breakpoints in the media queries", () => {
    const css = stylesheet();
    const at = (text: string) => css.indexOf(text);
    expect(at('--nav-bg: light-dark(#2e3336')).toBeGreaterThan(-1);
    expect(at('--nav-bg: #f6f8fa')).toBeGreaterThan(at('--nav-bg: light-dark(#2e3336'));
    expect(css).toContain('--examples-width: 40%');
    expect(at(':root[data-doc="index.html"]{--h1-bg: light-dark(#eef6ff, #22272b)}')).toBeGreaterThan(at('--nav-bg: #f6f8fa'));
    expect(css).toContain('@media(max-width:1000px)');
    expect(css).toContain('@media(max-width:740px)');
    expect(css).not.toMatch(/max-width:\s?(930|700)px/);
    expect(fs.readFileSync(path.join(build.outDir, 'shale-noscript.css'), 'utf8')).toContain('(max-width: 1000px)');
  });

  it('makes the code colours readable on its own code background (#081c33), not on Slate’s', () => {
    // Monokai's comment colour, #75715e, is too dark on either: it is lifted for the background it is on.
    const onNavy = withContrast('#75715e', '#081c33');
    expect(onNavy).not.toBe(withContrast('#75715e', '#1e2224'));
    expect(stylesheet()).toContain(`.hl-75715e{color:${onNavy}}`);
  });

  it('adds the head tags to every page, the 404 page too, and links custom.css after the stylesheet', () => {
    for (const file of ['index.html', '404.html']) {
      const page = html(file);
      expect(page, file).toContain('<meta name="google-site-verification" content="branded-fixture">');
      expect(page, file).toContain('<link rel="me" href="https://social.example/@branded">');
      const custom = page.indexOf('<link rel="stylesheet" href="/custom.css?v=');
      expect(custom, file).toBeGreaterThan(page.indexOf('<link rel="stylesheet" href="/_astro/'));
    }
    expect(fs.readFileSync(path.join(build.outDir, 'custom.css'), 'utf8')).toBe(fs.readFileSync(path.join(FIXTURE, 'custom.css'), 'utf8'));
    expect(fs.existsSync(path.join(build.outDir, 'fonts/branded-mono.woff2'))).toBe(true);
    expect(fs.existsSync(path.join(build.outDir, 'stylesheets'))).toBe(false);
  });
});

describe('head tags and custom.css that cannot be', () => {
  it('stop the build at their line: inline script, a custom.css that does not parse', async () => {
    const content = tempContent({
      'index.md': '---\ntitle: T\nhead:\n  - <script>track()</script>\n---\n# A\n',
      'custom.css': '.prose {\n  color: red;\n',
    });
    const failed = await astroBuild({ content, outDir: tempDir('branded-bad') });
    cleanup.push(content, failed.outDir);
    expect(failed.status).not.toBe(0);
    const report = reportOf(failed.stdout + failed.stderr)!;
    expect(report).toMatch(/index\.md:4 {2}head: <script>track\(\)<\/script> cannot go in the page's <head>: a <script> without src is inline script\./);
    expect(report).toMatch(/custom\.css:1 {2}custom\.css does not parse: Unclosed block\./);
  });
});

describe('import-slate on a branded source', () => {
  it('copies _variables.scss, and names the stylesheet it left out that the team changed', async () => {
    const target = tempDir('branded-import');
    cleanup.push(target);
    const result = await runScript('bin/import-slate.ts', [FIXTURE, '--to', target], { env: { ...process.env, NO_COLOR: '1' }, timeoutMs: 60_000 });
    expect(result.stderr).toBe('');
    expect(fs.readFileSync(path.join(target, 'stylesheets/_variables.scss'), 'utf8')).toBe(
      fs.readFileSync(path.join(FIXTURE, 'stylesheets/_variables.scss'), 'utf8'),
    );
    expect(fs.existsSync(path.join(target, 'stylesheets/screen.css.scss'))).toBe(false);
    const stdout = result.stdout.split(path.relative(ROOT, target)).join('<target>');
    expect(stdout).toContain("Copied stylesheets/_variables.scss: the build maps Slate's variables (colours, widths, fonts) onto Shale's design tokens.");
    expect(stdout).toContain("stylesheets/screen.css.scss  changed from Slate's own: its rules are not applied; move the ones you need into custom.css.");
    expect(stdout).toContain('$search-notice-bg has no counterpart');
  });
});
