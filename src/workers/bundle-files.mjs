// Plain JavaScript: astro.config.mjs reaches this through src/integration/config-bundle.mjs, which Node
// imports without a build step (TypeScript would send Astro to its slow Vite loader; config-bundle.mjs says why).
import fs from 'node:fs';
import path from 'node:path';

/** A bundle not used for this long is removed when another version of its script is bundled. */
const STALE_BUNDLE_MS = 24 * 3600 * 1000;

/**
 * Removes the bundles of one script (and half-written ones, and their records) that no build used
 * for a day: each version of Shale's code bundles its own, and a day of edits would otherwise leave
 * hundreds. A bundle in use is touched each time it is used, so a build of another checkout sharing
 * these packages never loses the one it runs.
 *
 * @param {string} dir the folder of the bundles
 * @param {string} name the script's name: its bundles are `<name>-<12 hex digits>.mjs` (records `.json`)
 * @param {number} now the time of now, in milliseconds
 */
export function removeStaleBundles(dir, name, now) {
  const bundle = new RegExp(`^${name}-[0-9a-f]{12}\\.(mjs|json)(\\.\\d+\\.\\d+\\.tmp\\.(mjs|json))?$`);
  for (const file of fs.readdirSync(dir)) {
    if (!bundle.test(file)) continue;
    const full = path.join(dir, file);
    try {
      if (now - fs.statSync(full).mtimeMs > STALE_BUNDLE_MS) fs.rmSync(full, { force: true });
    } catch {
      // Removed meanwhile by another build: nothing to do.
    }
  }
}

/**
 * Whether the file is there, given the time of now as its modification time (what keeps a bundle in use).
 *
 * @param {string} file
 * @returns {boolean}
 */
export function touched(file) {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
    return true;
  } catch {
    return false;
  }
}
