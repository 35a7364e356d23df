import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ignoredByDevWatcher } from '../../src/integration/dev-watch';

const root = path.resolve('/project');
const at = (...parts: string[]) => path.join(root, ...parts);

describe("the dev server's file watcher", () => {
  it("leaves Shale's work folder and the output folder alone, but not the generated MDX pages", () => {
    const ignored = ignoredByDevWatcher({ work: at('.shale'), outDir: at('dist'), content: at('content'), generated: at('.shale', 'generated') });
    expect(ignored(at('.shale', 'cache', 'parts', 'ab.json'))).toBe(true);
    expect(ignored(at('.shale', 'bench'))).toBe(true);
    expect(ignored(at('dist', 'index.html'))).toBe(true);
    expect(ignored(at('dist'))).toBe(true);
    // Astro imports the generated MDX pages: an edit must reach the browser.
    expect(ignored(at('.shale'))).toBe(false);
    expect(ignored(at('.shale', 'generated', 'index.mdx'))).toBe(false);
    expect(ignored(at('content', 'index.md'))).toBe(false);
    expect(ignored(at('src', 'pages', 'index.astro'))).toBe(false);
    // A folder whose name only starts like the work folder's.
    expect(ignored(at('.shale-notes', 'a.md'))).toBe(false);
  });

  it('watches a content folder inside the work folder, and the folders on the way to it', () => {
    const ignored = ignoredByDevWatcher({
      work: at('.shale'),
      outDir: at('dist'),
      content: at('.shale', 'bench', 'corpus-500'),
      generated: at('.shale', 'generated'),
    });
    expect(ignored(at('.shale', 'bench'))).toBe(false);
    expect(ignored(at('.shale', 'bench', 'corpus-500', 'includes', '_a.md'))).toBe(false);
    expect(ignored(at('.shale', 'bench', 'corpus-5000'))).toBe(true);
    expect(ignored(at('.shale', 'rendered', 'index.html'))).toBe(true);
  });
});
