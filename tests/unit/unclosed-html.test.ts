import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/content/site';
import { renderMarkdown } from '../support/render';
import { tempContent } from '../support/temp-content';

async function problemsOf(file: string, body: string) {
  const site = loadSite(tempContent({ [file]: `---\ntitle: T\n---\n${body}` }));
  return (await renderMarkdown(site.pages[0]!)).problems.map(({ severity, line, message }) => ({ severity, line, message }));
}

describe('raw HTML left open', () => {
  it('is an error when headings end up inside it', async () => {
    expect(await problemsOf('index.md', '# One\n\n<aside class="notice">\nOpen.\n\n## Two\n')).toEqual([
      {
        severity: 'error',
        line: 6,
        message: '<aside> is never closed, so the headings after it (and their code) end up inside it instead of in sections of their own.',
      },
    ]);
  });

  it("is a warning in Slate's own format", async () => {
    expect((await problemsOf('index.html.md', '# One\n\n<div>\n\n# Two\n')).map((p) => p.severity)).toEqual(['warning']);
  });

  it('is fine when closed, even around headings, and for headings in lists and blockquotes', async () => {
    expect(
      await problemsOf(
        'index.md',
        '# One\n\n<div class="x">\n\n# Inside\n\n</div>\n\n- item\n\n  ### In a list\n\n> # In a quote\n\n<p>Open paragraph\n\n# Closed by the heading\n',
      ),
    ).toEqual([]);
  });
});
