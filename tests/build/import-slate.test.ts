import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run, runScript, tempDir } from './support/build';

/**
 * `npm run import-slate -- <source>` on tests/fixtures/import/slate-source: a Slate source with
 * Slate's theme folders, an ERB page (copied: the build reads its partials), a repeated heading across files, alias fences, an h2 before
 * any h1, a broken link and an unknown fence language.
 */
const SOURCE = 'tests/fixtures/import/slate-source';
const targets: string[] = [];
afterAll(() => targets.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Runs the importer as `npm run import-slate -- …` does; paths of the temporary target become `<target>`. */
async function importSlate(...args: string[]) {
  const target = args[args.indexOf('--to') + 1]!;
  const result = await runScript('bin/import-slate.ts', args, { env: { ...process.env, NO_COLOR: '1' }, timeoutMs: 60_000 });
  const placeholder = (text: string) => text.split(path.relative(ROOT, target)).join('<target>');
  return { ...result, stdout: placeholder(result.stdout), stderr: placeholder(result.stderr) };
}

const files = (dir: string) =>
  (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => fs.statSync(path.join(dir, file)).isFile())
    .map((file) => file.split(path.sep).join('/'))
    .sort();

describe('import-slate', () => {
  it('copies the pages, includes and images and says what Shale renders differently', async () => {
    const target = tempDir('import');
    targets.push(target);
    const result = await importSlate(SOURCE, '--to', target);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(files(target)).toEqual(['images/logo.png', 'includes/_errors.md', 'includes/api/_widgets.md', 'index.html.md', 'v2.html.md.erb']);
    expect(fs.readFileSync(path.join(target, 'index.html.md'), 'utf8')).toBe(fs.readFileSync(path.join(SOURCE, 'index.html.md'), 'utf8'));
    expect(result.stdout).toBe(`Imported ${SOURCE} into <target>/: 2 page(s), 2 include(s), 1 image(s).
Not copied:
  layouts/, stylesheets/  Slate's theme: Shale has its own layout, styles and scripts.
  stylesheets/screen.css.scss  changed from Slate's own: its rules are not applied; move the ones you need into custom.css.
  README.txt  not a page, an include or an image.

What Shale renders differently from Slate:
  • <target>/includes/api/_widgets.md:3  heading "Parameters" has the id #parameters-2; Slate gave it #parameters, the id of an earlier heading too (slate#952).
  • 1 code fence(s) in bash show only under the shell tab (the same language); Slate showed them under every tab.
  • 1 code fence(s) in sh show only under the shell tab (the same language); Slate showed them under every tab.

What the build reports (warnings only; the site builds):
⚠ Found 3 warnings in 1 file

<target>/index.html.md
  ⚠ <target>/index.html.md:11  heading "Before any h1" (h2) comes before any h1, so the table of contents leaves it out. Fix: put an h1 above it, or make it an h1.
  ⚠ <target>/index.html.md:17  link "#widget" points to no id on this page. Fix: did you mean "#widgets"?
  ⚠ <target>/index.html.md:29  code fence language "response" is unknown; it is shown as plain text, as in Slate. Fix: use a language shiki knows, or \`text\`.

Next: npm run dev to preview, npm run build to build.
`);
  });

  it('refuses to replace existing content without --force, and replaces it with --force', async () => {
    const target = tempDir('import-existing');
    targets.push(target);
    fs.writeFileSync(path.join(target, 'index.mdx'), '# Our own docs\n');
    const refused = await importSlate(SOURCE, '--to', target);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`✗ <target>/ already holds index.mdx. Nothing was copied.
  To replace it with the Slate source, run again with --force (the files there are deleted first).
`);
    expect(files(target)).toEqual(['index.mdx']);

    const forced = await importSlate(SOURCE, '--to', target, '--force');
    expect(forced.status).toBe(0);
    expect(files(target)).toEqual(['images/logo.png', 'includes/_errors.md', 'includes/api/_widgets.md', 'index.html.md', 'v2.html.md.erb']);
  });

  it('refuses a folder that is not a Slate source, and says so', async () => {
    const target = tempDir('import-none');
    targets.push(target);
    const result = await importSlate('tests/fixtures/broken/empty-content', '--to', target);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('✗ tests/fixtures/broken/empty-content holds no Slate page (index.html.md).\n');
    expect(files(target)).toEqual([]);
  });

  it("keeps the project's config.rb, so the headings keep the ids Slate gave them (Redcarpet's, there)", async () => {
    const target = tempDir('import-config');
    targets.push(target);
    const result = await importSlate('tests/fixtures/slate-redcarpet-ids/source', '--to', target);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Copied the Slate project's config.rb: ERB pages print its strings, and it says which ids Slate gave the headings.");
    expect(files(target)).toEqual(['config.rb', 'includes/_autenticacion.md', 'index.html.md']);
    // Its links to those ids resolve: no report after the import.
    expect(result.stdout).not.toContain('points to no id');
    expect(result.stdout).not.toContain('What Shale renders differently');
  });

  it("keeps the project's lib/unique_head.rb, so ids made by the first UniqueHeadCounter (tags' names kept) stay as its links name them", async () => {
    const target = tempDir('import-renderer');
    targets.push(target);
    const result = await importSlate('tests/fixtures/slate-2017-ids/source', '--to', target);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Copied the Slate project's lib/unique_head.rb: the heading ids follow the renderer it has.");
    expect(files(target)).toEqual(['config.rb', 'index.html.md', 'lib/unique_head.rb']);
    expect(result.stdout).not.toContain('points to no id');
    expect(result.stdout).not.toContain('What Shale renders differently');
  });

  it("copies a lib file of the project's that redefined header and warns that its ids are Slate's usual ones", async () => {
    const target = tempDir('import-custom-renderer');
    targets.push(target);
    const result = await importSlate('tests/fixtures/slate-custom-renderer/source', '--to', target);
    expect(result.status).toBe(0);
    expect(files(target)).toEqual(['config.rb', 'index.html.md', 'lib/redcarpet_mods.rb']);
    expect(result.stdout).toContain(
      "Warning: the header method of lib/redcarpet_mods.rb made heading ids otherwise than Slate's renderer; Shale gives Slate's usual ids (the build names the method).",
    );
    expect(result.stdout).toMatch(/lib\/redcarpet_mods\.rb:5 {2}the header method of lib\/redcarpet_mods\.rb made heading ids otherwise/);
  });

  it("imports an early Slate's index.md as index.html.md, with its config.rb, so its ids stay Redcarpet's", async () => {
    const target = tempDir('import-early');
    targets.push(target);
    const result = await importSlate('tests/fixtures/slate-early/source', '--to', target);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Imported tests/fixtures/slate-early/source into');
    expect(result.stdout).toContain(': 1 page(s), 1 include(s), 0 image(s).');
    expect(result.stdout).toContain("Copied index.md as index.html.md: an early Slate's page, under the name Slate gave it later.");
    expect(files(target)).toEqual(['config.rb', 'includes/_categorias.md', 'index.html.md']);
    expect(result.stdout).toContain('link "#gone" points to no id on this page');
    expect(result.stdout).not.toContain('#informa-es-da-categoria');
  });

  it('keeps a layout that reads includes its own way, so the imported page has the includes Slate put where it put them', async () => {
    const target = tempDir('import-layout');
    targets.push(target);
    const result = await importSlate('tests/fixtures/slate-layout-includes/source', '--to', target);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "Copied the Slate project's layouts/layout.erb: it reads the pages' includes otherwise than Slate's layout, and the build reads it the same way.",
    );
    expect(files(target)).toEqual(['includes/pets/_index.md', 'includes/welcome/_index.md', 'index.html.md', 'layouts/layout.erb', 'reference/_orders.md']);
    expect(result.stdout).not.toContain('does not exist');
    expect(result.stdout).not.toContain('points to no id');
  });

  it('runs as npm run import-slate -- <source>', async () => {
    const result = await run('npm', ['run', '--silent', 'import-slate', '--', 'no/such/folder'], { env: { ...process.env, NO_COLOR: '1' }, timeoutMs: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('✗ no/such/folder is not a folder. Point import-slate at a Slate source/ folder.\n');
  });
});
