import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempContent } from '../support/temp-content';
import { astroBuild, tempDir } from './support/build';
import { readPage } from './support/html';

/** A doc whose second h1 holds about 2 MB of HTML: 600 h2 sections of about 3 KB. */
function bigDoc(): string {
  const words = 'the schema of a webhook payload lists every property with its type and meaning '.repeat(35);
  const sections = Array.from({ length: 600 }, (_, index) => `## Schema ${index + 1}\n\n${words}\n\n\`\`\`json\n{ "id": ${index} }\n\`\`\`\n`).join('\n');
  return tempContent({
    'index.md': '---\ntitle: Big API\nsearch: true\nincludes:\n  - schemas\n---\n# Introduction\n\nWelcome.\n',
    'includes/_schemas.md': `# Schemas\n\n${sections}`,
  });
}

describe('an h1 group too large for one page', () => {
  let out: string;
  beforeAll(async () => {
    out = tempDir('page-size');
    const build = await astroBuild({ content: bigDoc(), outDir: out });
    expect(build.status, build.stderr).toBe(0);
  }, 240_000);

  it('continues on further pages, none with over 120 KB of sections', () => {
    const pages = fs.readdirSync(out).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(17);
    for (const file of pages) {
      const html = fs.readFileSync(path.join(out, file), 'utf8');
      const sections = html.slice(html.indexOf('<section'), html.lastIndexOf('</section>'));
      expect(Buffer.byteLength(sections), file).toBeLessThanOrEqual(120_000);
    }
    expect(pages).toContain('schemas.html');
  });

  it('shows under the h1, on a continuing page, its own h2s and one entry for each other page of the group; the h1 leads to the page holding it', () => {
    const continuing = fs.readdirSync(out).find((file) => /^schemas-\d+\.html$/.test(file))!;
    const page = readPage(path.join(out, continuing));
    const html = fs.readFileSync(path.join(out, continuing), 'utf8');
    expect(html).toMatch(/<title>Schemas: Schema \d+ – Big API<\/title>/);
    const toc = page.toc();
    expect(toc.map((group) => group.entry)).toEqual(['Introduction#introduction', 'Schemas#schemas']);
    // Each entry covers a run of h2s ("Schema 41 – Schema 80#schema-41" for another page, "Schema 81#schema-81" for its own):
    // together, in order, every h2 of the group, with far fewer entries than h2s.
    const runs = toc[1]!.children.map((entry) => {
      const match = /^Schema (\d+)(?: – Schema (\d+))?#schema-(\d+)$/.exec(entry);
      expect(match, entry).not.toBeNull();
      expect(match![3]).toBe(match![1]);
      return [Number(match![1]), Number(match![2] ?? match![1])];
    });
    expect(runs.flatMap(([from, to]) => Array.from({ length: to! - from! + 1 }, (_, index) => from! + index))).toEqual(
      Array.from({ length: 600 }, (_, index) => index + 1),
    );
    expect(runs.length).toBeLessThan(100);
    // Its own h2s link on the page, the other pages' entries to their pages.
    const own = page.headingIds();
    const hrefs = page.all((e) => e.tagName === 'a' && String(e.properties.className).includes('toc-h2')).map((a) => String(a.properties.href));
    expect(hrefs.filter((href) => href.startsWith('#'))).toEqual(own.map((id) => `#${id}`));
    expect(hrefs).toContain('schemas.html#schema-1');
    // The h1's entry leads to the page that holds it.
    expect(html).toContain('href="schemas.html#schemas"');
  });
});
