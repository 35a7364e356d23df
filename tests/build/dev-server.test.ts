import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempContent } from '../support/temp-content';
import { ROOT } from './support/build';

// A tiny PNG (1×1) and another one, told apart by their bytes.
const PNG_A = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PNG_B = Buffer.concat([PNG_A, Buffer.from('00')]);

/** A one-operation spec whose operation's summary is `summary`. */
const SPEC = (summary: string) =>
  `openapi: 3.1.0\ninfo: { title: Dev, version: '1' }\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      summary: ${summary}\n      responses:\n        '200': { description: OK }\n`;

/**
 * `npm run dev` in this process, on a content folder of its own: a change in the folder must show on
 * the next request, however the change was made (the build drops what it loaded: ShaleBuild.invalidate).
 */
describe('the dev server after a change in the content folder', () => {
  let content: string;
  let origin: string;
  let stop: () => Promise<void>;
  let workDir: string;
  let watcherIgnores: (file: string) => boolean;
  const get = (url: string) => fetch(origin + url);
  const page = async () => (await get('/')).text();

  beforeAll(async () => {
    content = tempContent({
      'index.md': '---\ntitle: Dev\nlanguage_tabs: [shell, ruby]\n---\n# Pictures\n\n![pic](images/pic.png)\n',
      'specs/api.yaml': SPEC('List pets'),
    });
    fs.mkdirSync(path.join(content, 'images'));
    fs.writeFileSync(path.join(content, 'images', 'pic.png'), PNG_A);
    const { dev } = await import('astro');
    const { shaleAstroConfig } = await import('../../src/integration/astro-config');
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-dev-work-'));
    const server = await dev({
      ...shaleAstroConfig({ content, workDir }, { env: {}, cwd: ROOT }),
      root: ROOT,
      configFile: false,
      logLevel: 'error',
      server: { port: 0, host: '127.0.0.1' },
    });
    origin = `http://127.0.0.1:${server.address.port}`;
    stop = () => server.stop();
    // What the watcher was told to leave alone (chokidar's matchers: globs and functions).
    const ignored = (server.watcher as unknown as { options: { ignored: unknown[] } }).options.ignored;
    watcherIgnores = (file) => ignored.some((matcher) => typeof matcher === 'function' && matcher(file) === true);
    // The content folder is added to the file watcher when the pages first load; its files are
    // watched once the watcher has read the folder (a change before that goes unseen, as in any Vite watcher).
    await page();
    await vi.waitFor(
      () => {
        expect(server.watcher.getWatched()[content]).toEqual(expect.arrayContaining(['index.md', 'images']));
        expect(server.watcher.getWatched()[path.join(content, 'images')]).toContain('pic.png');
      },
      { timeout: 20_000, interval: 50 },
    );
  }, 120_000);
  afterAll(async () => {
    await stop?.();
    fs.rmSync(content, { recursive: true, force: true });
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("leaves Shale's work folder out of its file watcher, but not the generated MDX pages or the content", () => {
    expect(watcherIgnores(path.join(workDir, 'cache', 'parts', 'a.json'))).toBe(true);
    expect(watcherIgnores(path.join(workDir, 'generated', 'index.mdx'))).toBe(false);
    expect(watcherIgnores(path.join(content, 'index.md'))).toBe(false);
  });

  it('serves an edited image as it is now', async () => {
    expect(await page()).toContain('<img src="/images/pic.png"');
    expect(Buffer.from(await (await get('/images/pic.png')).arrayBuffer()).equals(PNG_A)).toBe(true);
    fs.writeFileSync(path.join(content, 'images', 'pic.png'), PNG_B);
    expect(Buffer.from(await (await get('/images/pic.png')).arrayBuffer()).equals(PNG_B)).toBe(true);
  });

  it('shows a logo added to the folder in place of the title', async () => {
    expect(await page()).not.toContain('class="site-logo"');
    fs.writeFileSync(path.join(content, 'images', 'logo.png'), PNG_A);
    await expect.poll(page, { timeout: 20_000 }).toContain('class="site-logo"');
  });

  it('shows an edit to the page, with the tabs it now has', async () => {
    fs.writeFileSync(path.join(content, 'index.md'), '---\ntitle: Dev\nlanguage_tabs: [shell, ruby, python]\nopenapi: specs/api.yaml\n---\n# Pictures again\n');
    await expect.poll(page, { timeout: 20_000 }).toContain('Pictures again');
    // The page's HTML is read from its file, its tabs from Astro's store once the sync is done: poll for both.
    await expect.poll(page, { timeout: 20_000 }).toMatch(/role="tab"[^>]*>\s*python\s*</);
    expect(await page()).toContain('<h2 id="list-pets">List pets</h2>');
  });

  it("serves a page's Markdown (index.md) as the build writes it, for Copy page", async () => {
    const answer = await get('/index.md');
    expect(answer.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await answer.text()).toMatch(/^# Pictures/);
    expect((await get('/no-such-page.md')).status).toBe(404);
  });

  it('shows an edit to an OpenAPI spec the page names', async () => {
    await expect.poll(page, { timeout: 20_000 }).toContain('List pets');
    fs.writeFileSync(path.join(content, 'specs', 'api.yaml'), SPEC('List every pet'));
    await expect.poll(page, { timeout: 20_000 }).toContain('<h2 id="list-every-pet">List every pet</h2>');
  });

  it('shows an edit to an ERB include', async () => {
    fs.mkdirSync(path.join(content, 'includes'), { recursive: true });
    fs.writeFileSync(path.join(content, 'includes', '_extra.md.erb'), '# Extra\n\nFirst words.\n');
    fs.writeFileSync(path.join(content, 'index.md'), '---\ntitle: Dev\nincludes: [extra]\n---\n# Home\n');
    await expect.poll(page, { timeout: 20_000 }).toContain('First words.');
    fs.writeFileSync(path.join(content, 'includes', '_extra.md.erb'), '# Extra\n\nSecond words.\n');
    await expect.poll(page, { timeout: 20_000 }).toContain('Second words.');
  });

  it('serves a Slate page that asks for search with nothing to index without a search box, as the build writes it', async () => {
    fs.rmSync(path.join(content, 'index.md'));
    fs.writeFileSync(path.join(content, 'index.html.md'), '---\ntitle: Nothing to search yet\nsearch: true\n---\n');
    // The title and the search flag come from Astro's store together.
    await expect.poll(page, { timeout: 20_000 }).toContain('<title>Nothing to search yet');
    expect(await page()).not.toContain('data-search-slot');
    fs.writeFileSync(path.join(content, 'index.html.md'), '---\ntitle: Something to search\nsearch: true\n---\n# Pets\n\nCats and dogs.\n');
    await expect.poll(page, { timeout: 20_000 }).toContain('Cats and dogs.');
    // The page's HTML is read from its file, its search flag from Astro's store once the sync is done: poll for both.
    await expect.poll(page, { timeout: 20_000 }).toContain('data-search-slot');
  });
});
