import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, tempDir } from './support/build';

/** tests/fixtures/broken/slate-leniency: what Slate built, Shale builds (its report: checks.test.ts). */
describe("a Slate source with its layout's own keys and repeated raw-HTML ids", () => {
  let html: string;
  beforeAll(async () => {
    const build = await astroBuild({ content: 'tests/fixtures/broken/slate-leniency', outDir: tempDir('slate-leniency') });
    expect(build.status, build.stderr).toBe(0);
    html = fs.readFileSync(path.join(build.outDir, 'index.html'), 'utf8');
  });

  it('gives every element a unique id: the later repeat takes the next free -2', () => {
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(expect.arrayContaining(['list-secrets', 'list-secrets-2', 'note', 'note-2']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sends links, in the content and in toc_footers, to the first of the repeated ids, and lists both headings in the TOC', () => {
    expect(html).toContain('<a href="#list-secrets">listing them</a>');
    expect(html).toMatch(/<footer[^]*<a href="#list-secrets">Secrets<\/a>/);
    const toc = [...html.matchAll(/class="toc-link toc-h2" href="#([^"]+)"/g)].map((match) => match[1]);
    expect(toc).toEqual(['list-secrets', 'list-secrets-2']);
  });

  it("reads the tabs it knows and ignores the layout's keys", () => {
    expect([...html.matchAll(/role="tab"[^>]*>\s*([^<]+?)\s*</g)].map((match) => match[1])).toEqual(['Shell']);
    expect(html).not.toContain('deprecated');
    // `head: |` with a block of HTML: Shale's own `head` is a list of tags, so a Slate layout's value is left out.
    expect(html).not.toContain('manifest.json');
  });
});
