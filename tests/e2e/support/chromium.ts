import fs from 'node:fs';

/**
 * The Chromium to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium (these machines cannot
 * download Playwright's own browser), else Playwright's bundled one where it was installed.
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => fs.existsSync(candidate));
}

/** Flags for a headless Chromium on a machine with no outside network (and, in CI, as root). */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
