// Plain JavaScript, imported by astro.config.mjs: Node runs it as it is, without a build step.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { removeStaleBundles, touched } from '../workers/bundle-files.mjs';

/*
 * Why Shale's integration reaches Astro as one bundle.
 *
 * Astro first imports astro.config.mjs with Node. When that fails, as it does when the config
 * imports TypeScript, it loads the config again through a Vite server, which transforms every module
 * of the integration one by one: 2.0–2.2 s of every build's and dev server's start on this project's
 * machines. Node imports the same code as one bundle made by esbuild in 0.7–0.8 s. The bundle is
 * kept in node_modules/.cache/shale/ while the sources it was made of are unchanged (their digests
 * are recorded beside it), so it is made again after any edit of Shale's code, in about 0.2 s.
 */

/** Where the bundles are kept: beside the packages they import, which Node finds from there. */
const BUNDLE_DIR = fileURLToPath(new URL('../../node_modules/.cache/shale/', import.meta.url));

/** @param {string | Buffer} text */
const digest = (text) => createHash('sha1').update(text).digest('hex');

/**
 * In a bundle, `import.meta.url` would name the bundle: each module gets its own source file's
 * address, so the paths it makes from it (worker scripts, packages, stylesheets) stay those of the
 * sources. The digest of each source is taken from the very text bundled.
 *
 * @param {Record<string, string>} sources filled with each source file bundled and its digest
 * @returns {import('esbuild').Plugin}
 */
function ownAddresses(sources) {
  return {
    name: 'shale:own-addresses',
    setup(builder) {
      builder.onLoad({ filter: /\.[cm]?[jt]s$/ }, async ({ path: file }) => {
        const text = await fs.promises.readFile(file, 'utf8');
        sources[file] = digest(text);
        const contents = text.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(file).href));
        return { contents, loader: /\.[cm]?ts$/.test(file) ? 'ts' : 'js' };
      });
    },
  };
}

/**
 * The bundle recorded for `record` when every source it was made of is as it was, else undefined.
 *
 * @param {string} record
 * @returns {string | undefined}
 */
function keptBundle(record) {
  try {
    /** @type {{ bundle: string, sources: Record<string, string> }} */
    const kept = JSON.parse(fs.readFileSync(record, 'utf8'));
    for (const [file, sourceDigest] of Object.entries(kept.sources)) if (digest(fs.readFileSync(file)) !== sourceDigest) return undefined;
    // Both touched: a bundle and its record in use are kept by removeStaleBundles.
    return touched(kept.bundle) && touched(record) ? kept.bundle : undefined;
  } catch {
    // No record, a source removed, a bundle gone: made again.
    return undefined;
  }
}

/**
 * Writes `text` into `file` whole: beside it, then renamed (two builds may write the same file at once).
 *
 * @param {string} file
 * @param {string} text
 */
function writeWhole(file, text) {
  const temporary = `${file}.${process.pid}.${threadId}.tmp${path.extname(file)}`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

/**
 * The path of a bundle of the TypeScript module `entry` and what it imports of the sources (packages
 * stay imports), made again only when one of those sources changed.
 *
 * @param {URL} entry
 * @param {string} [dir] where bundles are kept
 * @returns {Promise<{ file: string, made: boolean }>} `made` when it was bundled now
 */
export async function bundledModule(entry, dir = BUNDLE_DIR) {
  const entryFile = fileURLToPath(entry);
  const name = path.basename(entryFile).replace(/\.[cm]?ts$/, '');
  // One record per checkout: two checkouts sharing these packages keep a bundle each.
  const record = path.join(dir, `${name}-${digest(entryFile).slice(0, 12)}.json`);
  const kept = keptBundle(record);
  if (kept) return { file: kept, made: false };
  /** @type {Record<string, string>} */
  const sources = {};
  const result = await build({
    entryPoints: [entryFile],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    outfile: path.join(dir, `${name}.mjs`),
    logLevel: 'silent',
    metafile: true,
    plugins: [ownAddresses(sources)],
  });
  // Files of other kinds bundled as they are (a JSON import) count as sources too.
  for (const input of Object.keys(result.metafile.inputs)) sources[path.resolve(input)] ??= digest(fs.readFileSync(input));
  const text = result.outputFiles[0].text;
  const file = path.join(dir, `${name}-${digest(text).slice(0, 12)}.mjs`);
  fs.mkdirSync(dir, { recursive: true });
  writeWhole(file, text);
  writeWhole(record, JSON.stringify({ bundle: file, sources }));
  removeStaleBundles(dir, name, Date.now());
  return { file, made: true };
}

/**
 * Imports the TypeScript module `entry` as one bundle (made or kept by bundledModule).
 *
 * @param {URL} entry
 * @returns {Promise<any>} the module's exports
 */
export async function importBundled(entry) {
  const { file } = await bundledModule(entry);
  return import(pathToFileURL(file).href);
}
