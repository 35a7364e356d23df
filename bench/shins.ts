import fs from 'node:fs';
import path from 'node:path';

/**
 * Shins' command line for a Slate source folder. Shins reads its includes, layout and scripts from
 * one root (`<root>/source/includes/`, `<root>/source/layouts/`, `<root>/pub/`), so each source gets
 * a root of links: its own Markdown beside Shins' layout, scripts, styles and head include.
 */
export function shinsArgs(shinsScript: string, sourceDir: string, work: string, label: string): string[] {
  const shins = path.dirname(shinsScript);
  const root = path.join(work, `shins-root-${label}`);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'source'), { recursive: true });
  const link = (target: string, at: string) => fs.symlinkSync(target, path.join(root, at));
  link(path.join(shins, 'pub'), 'pub');
  link(path.join(shins, 'source/layouts'), 'source/layouts');
  link(path.join(shins, 'source/javascripts'), 'source/javascripts');
  link(path.resolve(sourceDir, 'index.html.md'), 'source/index.html.md');
  // Shins' layout reads its own includes/_head.md; the source's includes go beside it.
  fs.mkdirSync(path.join(root, 'source/includes'));
  link(path.join(shins, 'source/includes/_head.md'), 'source/includes/_head.md');
  const includes = path.resolve(sourceDir, 'includes');
  if (fs.existsSync(includes)) for (const name of fs.readdirSync(includes)) link(path.join(includes, name), `source/includes/${name}`);
  return [shinsScript, '--root', root, path.join(root, 'source/index.html.md'), '-o', path.join(work, `shins-${label}.html`)];
}
