import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempContent } from '../support/temp-content';
import { checkFolder } from '../support/render';

describe("the build's check of the content", () => {
  afterEach(() => {
    vi.doUnmock('../../src/markdown/render-page');
    vi.resetModules();
  });

  it('turns a crash while rendering a page into an error naming the page, not a stack trace', async () => {
    vi.doMock('../../src/markdown/render-page', async (original) => ({
      ...(await original<typeof import('../../src/markdown/render-page')>()),
      renderMarkdownPage: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'children')")),
    }));
    const dir = tempContent({ 'index.md': '# Hello\n' });
    const { problems } = await checkFolder(dir);
    expect(problems).toEqual([
      {
        kind: 'render-failed',
        severity: 'error',
        file: `${dir}/index.md`,
        message: "Shale failed to render this page (internal error: Cannot read properties of undefined (reading 'children')).",
        fix: 'this is a bug in Shale; please report it with this page. Meanwhile, find the part of the page that triggers it by removing parts.',
      },
    ]);
  });

  it('reports an h2 before any h1 at its own file and line', async () => {
    const dir = tempContent({ 'index.md': '---\nincludes: [a]\n---\n# Top\n', 'includes/_a.md': 'Text.\n' });
    const early = tempContent({ 'index.md': '---\ntitle: T\n---\n\n## Too early\n\n# Then\n' });
    expect((await checkFolder(dir)).problems).toEqual([]);
    expect((await checkFolder(early)).problems).toEqual([
      expect.objectContaining({
        kind: 'heading-before-h1',
        severity: 'warning',
        file: `${early}/index.md`,
        line: 5,
        message: 'heading "Too early" (h2) comes before any h1, so the table of contents leaves it out.',
      }),
    ]);
  });

  it('renders each page once: the content loader gets the page the check rendered', async () => {
    const dir = tempContent({ 'index.md': '# Top\n' });
    const { content } = await checkFolder(dir);
    const page = content.site.pages[0]!;
    expect(content.render(page)).toBe(content.render(page));
    const first = content.render(page);
    content.release(page);
    expect(content.render(page)).not.toBe(first);
  });
});
