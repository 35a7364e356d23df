import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledModule } from '../../src/integration/config-bundle.mjs';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-config-bundle-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const sources = path.join(root, 'src');
const bundles = path.join(root, 'bundles');
fs.mkdirSync(sources);
const write = (name: string, text: string) => fs.writeFileSync(path.join(sources, name), text);
const entry = pathToFileURL(path.join(sources, 'config.ts'));

/** What the bundle's `config()` returns when Node imports it, as Astro imports astro.config.mjs (not through Vite). */
const configOf = (bundle: string) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log(JSON.stringify(m.config()));`],
      {
        encoding: 'utf8',
      },
    ),
  );

write(
  'config.ts',
  "import { value, whereAmI } from './nested/part.ts';\nimport labels from './labels.json';\nexport const config = (): { value: number; where: string; label: string } => ({ value, where: whereAmI, label: labels.label });\n",
);
write('labels.json', '{ "label": "first" }');
fs.mkdirSync(path.join(sources, 'nested'));
write('nested/part.ts', 'export const value: number = 1;\nexport const whereAmI = import.meta.url;\n');

describe("the bundle of Shale's integration that astro.config.mjs imports", () => {
  it("runs the TypeScript sources, each module keeping its own file's address as import.meta.url", async () => {
    const { file, made } = await bundledModule(entry, bundles);
    expect(made).toBe(true);
    expect(configOf(file)).toEqual({ value: 1, where: pathToFileURL(path.join(sources, 'nested/part.ts')).href, label: 'first' });
  });

  it('is kept while its sources are unchanged, and made again when one of them changes', async () => {
    const first = await bundledModule(entry, bundles);
    expect(first.made).toBe(false);

    write('nested/part.ts', 'export const value: number = 2;\nexport const whereAmI = import.meta.url;\n');
    const second = await bundledModule(entry, bundles);
    expect(second.made).toBe(true);
    expect(second.file).not.toBe(first.file);
    expect(configOf(second.file).value).toBe(2);
    expect((await bundledModule(entry, bundles)).made).toBe(false);
  });

  it('is made again when a source that is no TypeScript changes (a JSON file it imports)', async () => {
    expect((await bundledModule(entry, bundles)).made).toBe(false);
    write('labels.json', '{ "label": "second" }');
    const again = await bundledModule(entry, bundles);
    expect(again.made).toBe(true);
    expect(configOf(again.file).label).toBe('second');
  });

  it('is made again when its bundle is gone', async () => {
    const { file } = await bundledModule(entry, bundles);
    fs.rmSync(file);
    const again = await bundledModule(entry, bundles);
    expect(again).toEqual({ file, made: true });
    expect(fs.existsSync(file)).toBe(true);
  });
});
