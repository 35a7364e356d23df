import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempContent } from '../support/temp-content';

describe('checkContent', () => {
  afterEach(() => {
    vi.doUnmock('../../src/integration/render-cache');
    vi.resetModules();
  });

  it('turns a crash while rendering a page into an error naming the page, not a stack trace', async () => {
    vi.doMock('../../src/integration/render-cache', () => ({
      renderCached: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'children')")),
    }));
    const { checkContent } = await import('../../src/integration/check-content');
    const dir = tempContent({ 'index.md': '# Hello\n' });
    const { problems } = await checkContent(dir, '/');
    expect(problems).toEqual([
      {
        severity: 'error',
        file: `${dir}/index.md`,
        line: undefined,
        message: "Shale failed to render this page (internal error: Cannot read properties of undefined (reading 'children')).",
        fix: 'this is a bug in Shale; please report it with this page. Meanwhile, find the part of the page that triggers it by removing parts.',
      },
    ]);
  });

  it('reports an h2 before any h1 at its own file and line', async () => {
    const { checkContent } = await import('../../src/integration/check-content');
    const dir = tempContent({ 'index.md': '---\nincludes: [a]\n---\n# Top\n', 'includes/_a.md': 'Text.\n' });
    const early = tempContent({ 'index.md': '---\ntitle: T\n---\n\n## Too early\n\n# Then\n' });
    expect((await checkContent(dir, '/')).problems).toEqual([]);
    expect((await checkContent(early, '/')).problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: `${early}/index.md`, line: 5, message: 'heading "Too early" (h2) comes before any h1, so the table of contents leaves it out.' }),
    ]);
  });
});
