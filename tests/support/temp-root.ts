import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest's global setup: the run's temporary folders (content folders, caches, output folders made by
 * the tests and the builds they start) go in one folder of their own, removed when the run ends, so
 * runs do not leave hundreds of folders in the system's temp folder. `os.tmpdir()` reads TMPDIR at
 * each call, and the test processes inherit it from this one.
 */
export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    fs.rmSync(root, { recursive: true, force: true });
  };
}
