import path from 'node:path';
import type { BuildPaths } from '../engine/shale-build';

const inside = (file: string, folder: string) => file === folder || file.startsWith(folder + path.sep);

/**
 * What the dev server's file watcher leaves alone: Shale's work folder and the output folder, which
 * hold thousands of files that no module imports (cached parts, rendered pages, earlier sites, the
 * bench's corpora). Vite's watcher walks the whole project at start, these folders included: with
 * the bench's 86,000 files in `.shale/`, `npm run dev` took 10 s to be ready, 8.7 s of it walking them.
 * Still watched: the generated MDX pages (Astro imports them, so an edit must reach the browser) and
 * the content folder, when either lies inside those folders, with the folders on the way to them.
 */
export function ignoredByDevWatcher(paths: Pick<BuildPaths, 'work' | 'outDir' | 'content' | 'generated'>): (file: string) => boolean {
  const watched = [paths.content, paths.generated];
  return (file) => {
    const full = path.resolve(file);
    if (!inside(full, paths.work) && !inside(full, paths.outDir)) return false;
    return !watched.some((folder) => inside(full, folder) || inside(folder, full));
  };
}
