import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../content/source-file';
import type { PartContext } from './context';
import type { RenderedPart } from './render-part';

/** Entries not used for this long are removed when a build first uses the cache. */
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The code that decides what a rendered file holds (and what a spec compiles to: openapi/spec-cache.ts). */
const PIPELINE_FOLDERS = ['markdown', 'highlight', 'content', 'schema', 'search', 'settle', 'validation', 'openapi', 'workers'];

/** A hash of the rendering code and the locked dependencies: any change there makes every entry stale. */
export function pipelineVersion(): string {
  const src = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha1');
  const files = PIPELINE_FOLDERS.filter((folder) => fs.existsSync(path.join(src, folder)))
    .flatMap((folder) => fs.readdirSync(path.join(src, folder), { recursive: true, encoding: 'utf8' }).map((file) => path.join(folder, file)))
    .filter((file) => /\.(ts|mjs|js)$/.test(file))
    .sort();
  for (const file of files) hash.update(file).update(fs.readFileSync(path.join(src, file)));
  const lock = path.join(src, '..', 'package-lock.json');
  if (fs.existsSync(lock)) hash.update(fs.readFileSync(lock));
  return hash.digest('hex');
}

/** Removes the entries of a cache folder that nobody used for two weeks. */
export function pruneParts(dir: string): void {
  if (!fs.existsSync(dir)) return;
  const now = Date.now();
  for (const entry of fs.readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (now - fs.statSync(file).mtimeMs > MAX_AGE_MS) fs.rmSync(file, { force: true });
  }
}

/**
 * Rendered files kept on disk between builds (`<work>/cache/parts`): a rebuild renders only the
 * files that changed. One instance per state of the content folder: it knows which other files
 * (images) are there, and whether one exists changes a file's problems.
 */
export class PartCache {
  private assetStamp: string | undefined;

  /** `dir`: where entries live; `version`: pipelineVersion(), made once per build. */
  constructor(
    readonly dir: string,
    readonly version: string,
    private readonly contentDir: string,
  ) {}

  /** The key of a file of a page: everything its rendering depends on. */
  key(part: SourceFile, context: PartContext): string {
    const facts = JSON.stringify([
      this.version,
      part.path,
      part.bodyLine,
      part.origins,
      context.tabs,
      context.codeClipboard,
      context.slate,
      context.headingIds ?? 'slate',
      context.smartypants ?? false,
      context.base,
      context.contentDir,
      context.pageFile,
      this.assets(),
    ]);
    // The body apart, after a byte no JSON text holds: escaped as JSON, a spec's 25 MB of Markdown took 0.3 s a build.
    return createHash('sha1').update(facts).update('\0').update(part.body).digest('hex');
  }

  /** Whether a rendered file is kept under this key (`read` may still find it unreadable). */
  has(key: string): boolean {
    return fs.existsSync(path.join(this.dir, `${key}.json`));
  }

  /** The rendered file kept under this key, if any. */
  read(key: string): RenderedPart | undefined {
    const file = path.join(this.dir, `${key}.json`);
    try {
      const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as RenderedPart;
      const now = new Date();
      fs.utimesSync(file, now, now);
      return cached;
    } catch {
      return undefined; // Not cached yet (or unreadable): it will be rendered.
    }
  }

  /** Keeps a rendered file for the next build (written whole, then renamed: builds may overlap). */
  write(key: string, rendered: RenderedPart): void {
    const file = path.join(this.dir, `${key}.json`);
    fs.mkdirSync(this.dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(rendered));
    fs.renameSync(temporary, file);
  }

  /** The files beside the docs (images), listed once per state of the content folder. */
  private assets(): string {
    if (this.assetStamp !== undefined) return this.assetStamp;
    const files =
      this.contentDir && fs.existsSync(this.contentDir) && fs.statSync(this.contentDir).isDirectory()
        ? fs
            .readdirSync(this.contentDir, { recursive: true, encoding: 'utf8' })
            .filter((file) => !/\.mdx?$/.test(file))
            .sort()
        : [];
    this.assetStamp = sha1(files.join('\n'));
    return this.assetStamp;
  }
}
