/**
 * `npm run import-slate -- <path/to/slate/source> [--force] [--to <folder>]`
 *
 * Copies a Slate source folder (its pages, includes and images) into `content/` (or `--to`),
 * refusing to replace what is there without `--force`, then says what Shale will render
 * differently from Slate and what the build will report. Runs with vite-node (TypeScript).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAssetFile } from '../src/content/assets';
import { hasSlateIndex, isSlatePage, slateSourceKind } from '../src/content/site';
import { editedStylesheets } from '../src/theme/slate-theme';
import { customHeadingIds } from '../src/content/slate-renderer';
import { slateLayoutIncludes } from '../src/content/slate-layout';
import { ShaleBuild } from '../src/engine/shale-build';
import { formatReport } from '../src/validation/report';
import { hasErrors } from '../src/validation/problem';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Slate's theme: Shale has its own layout, styles and scripts. */
const THEME_FOLDERS = ['layouts', 'stylesheets', 'javascripts', 'fonts'];
const USAGE = 'usage: npm run import-slate -- <path/to/slate/source> [--force] [--to <folder>]';

class UsageError extends Error {}

interface Options {
  source: string;
  target: string;
  force: boolean;
}

function parseArguments(args: string[]): Options {
  let source: string | undefined;
  let target = path.join(PROJECT, 'content');
  let force = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--force') force = true;
    else if (arg === '--to') target = path.resolve(args[++index] ?? '');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}.\n${USAGE}`);
    else if (source) throw new UsageError(`one source folder only.\n${USAGE}`);
    else source = path.resolve(arg);
  }
  if (!source) throw new UsageError(USAGE);
  return { source, target, force };
}

const slash = (file: string) => file.split(path.sep).join('/');

/** The files to copy and the ones left out (with why), as paths relative to the source. */
function plan(source: string): { copy: string[]; theme: string[]; other: string[]; early: string[] } {
  const copy: string[] = [];
  // An early Slate's page (index.md, 2013–14): copied as index.html.md, the name Slate gave it later.
  const early: string[] = [];
  const isEarly = slateSourceKind(source) === 'early';
  const theme: string[] = [];
  const other: string[] = [];
  // Folders a layout of the team's own reads partials from (`includes_main/`, slate-layout.ts) are copied as includes/ is.
  const partialFolders = new Set(slateLayoutIncludes(source).lists.map((list) => list.folder));
  const walk = (dir: string, inIncludes: boolean) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      const relative = slash(path.relative(source, full));
      if (entry.isDirectory()) {
        // Slate's variables are read by the build (theme/slate-theme.ts); the rest of its theme is Slate's own.
        if (dir === source && entry.name === 'stylesheets' && fs.existsSync(path.join(full, '_variables.scss'))) copy.push('stylesheets/_variables.scss');
        if (dir === source && THEME_FOLDERS.includes(entry.name)) theme.push(`${relative}/`);
        else walk(full, inIncludes || entry.name === 'includes' || partialFolders.has(relative));
      } else if (isEarly && !inIncludes && /\.md(\.erb)?$/.test(entry.name) && !isSlatePage(entry.name) && !entry.name.startsWith('_')) {
        copy.push(relative);
        early.push(relative);
      } else if (isSlatePage(entry.name) || (inIncludes && /\.md(\.erb)?$/.test(entry.name)) || isAssetFile(entry.name, relative)) copy.push(relative);
      else other.push(relative);
    }
  };
  walk(source, false);
  return { copy, theme, other, early };
}

/** Code blocks whose fence is an alias of a tab's language (`bash` under `shell`): Slate showed them under every tab. */
function aliasFences(html: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const [, language, tab] of html.matchAll(/data-language="([^"]+)" data-tab="([^"]+)"/g)) {
    if (language === tab || tab!.startsWith(`${language}--`)) continue;
    const key = `${language} → ${tab}`;
    found.set(key, (found.get(key) ?? 0) + 1);
  }
  return found;
}

async function main(args: string[]): Promise<number> {
  const { source, target, force } = parseArguments(args);
  const shown = (file: string) => path.relative(process.cwd(), file) || '.';
  if (!fs.existsSync(source) || !fs.statSync(source).isDirectory()) {
    console.error(`✗ ${shown(source)} is not a folder. Point import-slate at a Slate source/ folder.`);
    return 1;
  }
  const { copy, theme, other, early } = plan(source);
  const pages = [...copy.filter(isSlatePage), ...early];
  if (pages.length === 0) {
    const nested = hasSlateIndex(path.join(source, 'source')) ? ` It looks like a Slate repository: import ${shown(path.join(source, 'source'))} instead.` : '';
    console.error(`✗ ${shown(source)} holds no Slate page (index.html.md).${nested}`);
    return 1;
  }
  if (path.resolve(target) === path.resolve(source)) {
    console.error('✗ the source and the target are the same folder.');
    return 1;
  }
  const existing = fs.existsSync(target) ? fs.readdirSync(target).filter((name) => !name.startsWith('.')) : [];
  if (existing.length > 0 && !force) {
    console.error(`✗ ${shown(target)}/ already holds ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', …' : ''}. Nothing was copied.`);
    console.error(`  To replace it with the Slate source, run again with --force (the files there are deleted first).`);
    return 1;
  }
  if (existing.length > 0) for (const name of existing) fs.rmSync(path.join(target, name), { recursive: true, force: true });
  for (const file of copy) {
    const name = early.includes(file) ? file.replace(/\.md(\.erb)?$/, '.html.md$1') : file;
    fs.mkdirSync(path.dirname(path.join(target, name)), { recursive: true });
    fs.copyFileSync(path.join(source, file), path.join(target, name));
  }

  // Slate's config.rb sits beside source/: in the content folder it still gives ERB its strings and the headings their kind of ids.
  const config = path.join(source, '..', 'config.rb');
  const keepsConfig = fs.existsSync(config) && !fs.existsSync(path.join(source, 'config.rb'));
  if (keepsConfig) fs.copyFileSync(config, path.join(target, 'config.rb'));
  // The heading renderer it names, when the project has its own copy: which of Slate's kinds of ids it made (slate-renderer.ts).
  const renderer = path.join(source, '..', 'lib', 'unique_head.rb');
  const keepsRenderer = keepsConfig && fs.existsSync(renderer);
  if (keepsRenderer) {
    fs.mkdirSync(path.join(target, 'lib'), { recursive: true });
    fs.copyFileSync(renderer, path.join(target, 'lib', 'unique_head.rb'));
  }
  // A file of the project's own that made other ids (Dwolla's lib/redcarpet_mods.rb): copied too, so the build's warning names it.
  const custom = keepsConfig ? customHeadingIds(source) : undefined;
  const customName = custom && custom.file !== config ? path.relative(path.dirname(config), custom.file) : undefined;
  if (customName && customName !== path.join('lib', 'unique_head.rb')) {
    fs.mkdirSync(path.dirname(path.join(target, customName)), { recursive: true });
    fs.copyFileSync(custom!.file, path.join(target, customName));
  }
  // A layout of the team's own that reads `includes:` otherwise than Slate's (slate-layout.ts): the build reads it, never runs it.
  const layout = slateLayoutIncludes(source).file;
  const layoutName = layout && slash(path.relative(source, layout));
  if (layout) {
    fs.mkdirSync(path.join(target, 'layouts'), { recursive: true });
    fs.copyFileSync(layout, path.join(target, layoutName!));
  }
  const includes = copy.filter((file) => !isSlatePage(file) && !early.includes(file) && /\.md(\.erb)?$/.test(file));
  const images = copy.filter((file) => isAssetFile(file) && file !== 'custom.css');
  console.log(`Imported ${shown(source)} into ${shown(target)}/: ${pages.length} page(s), ${includes.length} include(s), ${images.length} image(s).`);
  for (const file of early)
    console.log(`Copied ${file} as ${file.replace(/\.md(\.erb)?$/, '.html.md$1')}: an early Slate's page, under the name Slate gave it later.`);
  if (keepsConfig) console.log("Copied the Slate project's config.rb: ERB pages print its strings, and it says which ids Slate gave the headings.");
  if (keepsRenderer) console.log("Copied the Slate project's lib/unique_head.rb: the heading ids follow the renderer it has.");
  if (layoutName)
    console.log(`Copied the Slate project's ${layoutName}: it reads the pages' includes otherwise than Slate's layout, and the build reads it the same way.`);
  if (custom)
    console.log(`Warning: ${custom.code} made heading ids otherwise than Slate's renderer; Shale gives Slate's usual ids (the build names the method).`);
  if (copy.includes('stylesheets/_variables.scss'))
    console.log("Copied stylesheets/_variables.scss: the build maps Slate's variables (colours, widths, fonts) onto Shale's design tokens.");
  const edited = editedStylesheets(source);
  const notCopied = [
    ...(theme.length ? [`${theme.join(', ')}  Slate's theme: Shale has its own layout, styles and scripts.`] : []),
    ...(edited.length ? [`${edited.join(', ')}  changed from Slate's own: its rules are not applied; move the ones you need into custom.css.`] : []),
    ...other.map((file) => `${file}  not a page, an include or an image.`),
  ];
  if (notCopied.length) console.log(['Not copied:', ...notCopied.map((line) => `  ${line}`)].join('\n'));

  const content = ShaleBuild.forScript({ content: target }, PROJECT, process.cwd()).content();
  const { problems } = await content.check();
  const differences: string[] = [];
  const aliases = new Map<string, number>();
  for (const page of content.site.pages) {
    if (page.dialect !== 'md') continue;
    const rendered = await content.render(page);
    rendered.headings.forEach((heading, index) => {
      const origin = rendered.origins?.[index];
      if (!origin?.slateId) return;
      const where = `${shown(origin.file)}${origin.line ? `:${origin.line}` : ''}`;
      differences.push(
        `${where}  heading "${heading.text}" has the id #${heading.id}; Slate gave it #${origin.slateId}, the id of an earlier heading too (slate#952).`,
      );
    });
    for (const [pair, count] of aliasFences(rendered.groups.map((group) => group.html).join(''))) aliases.set(pair, (aliases.get(pair) ?? 0) + count);
  }
  for (const [pair, count] of aliases) {
    const [language, tab] = pair.split(' → ');
    differences.push(`${count} code fence(s) in ${language} show only under the ${tab} tab (the same language); Slate showed them under every tab.`);
  }
  console.log('');
  if (differences.length === 0) console.log('Shale renders this source as Slate does.');
  else console.log(['What Shale renders differently from Slate:', ...differences.map((line) => `  • ${line}`)].join('\n'));
  console.log('');
  if (problems.length === 0) console.log('The build reports no problems.');
  else
    console.log(
      `What the build reports (${hasErrors(problems) ? 'fix the errors before building' : 'warnings only; the site builds'}):\n${formatReport(problems, process.cwd())}`,
    );
  console.log('');
  console.log(hasErrors(problems) ? 'Next: fix the errors above, then npm run build.' : 'Next: npm run dev to preview, npm run build to build.');
  return hasErrors(problems) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  },
);
