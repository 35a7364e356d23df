import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Where builds stage their output (stagingDirectory): Shale's work folder, unless it is outside the
 * folder Astro runs in (`cwd`). Astro builds an output folder outside that one in `<cwd>/.astro/`,
 * then copies all of it into the output (its content-collection files too: `collections/`,
 * `content-modules.mjs`) and deletes it, with the project's types: then the project's `.shale/`.
 */
export function stagingBase(work: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, work);
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.join(cwd, '.shale') : work;
}

/**
 * The build writes into a fresh folder in `work` (stagingBase) and only replaces the output once
 * everything succeeded, so a failed build leaves the previous site exactly as it was.
 */
export function stagingDirectory(work: string): string {
  const staging = path.join(work, `staging-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  // Old sites whose background removal (below) did not finish, say because the machine stopped.
  const trash = trashDirectory(work);
  if (fs.existsSync(trash)) removeInBackground(fs.readdirSync(trash).map((entry) => path.join(trash, entry)));
  removeInBackground(abandonedStaging(work));
  return staging;
}

/** Where Astro's empty build writes after a quick rebuild (integration/quick-rebuild.ts): removed at its end. */
export const scratchDirectory = (work: string): string => path.join(work, `staging-${process.pid}-astro`);

/**
 * The staging folders (and early search indexes, `staging-<pid>-search`, and the output of Astro's
 * empty build after a quick rebuild, `staging-<pid>-astro`) of builds that were
 * stopped before they ended (Ctrl+C, a killed process): their process is gone. A build running
 * beside this one keeps its own.
 */
function abandonedStaging(work: string): string[] {
  const shale = work;
  if (!fs.existsSync(shale)) return [];
  return fs
    .readdirSync(shale)
    .filter((name) => {
      const pid = /^staging-(\d+)(-search|-astro)?$/.exec(name)?.[1];
      return pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid));
    })
    .map((name) => path.join(shale, name));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where replaced sites wait for their removal: inside `.shale/`, out of the writer's sight. */
const trashDirectory = (work: string) => path.join(work, 'trash');

/**
 * Moves the finished build into place: the old output goes only after the new one is complete.
 * The old output is renamed away at once and deleted by a background process: at 5,000 endpoints
 * it is over 11,000 files, and deleting them took the build 1–4 s more before it could end.
 */
export function publish(staging: string, outputDir: string): void {
  const work = path.dirname(staging);
  const target = path.resolve(outputDir);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const old = fs.existsSync(target) ? moveAside(target, work) : undefined;
  try {
    fs.renameSync(staging, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') {
      if (old) fs.renameSync(old, target);
      throw error;
    }
    fs.cpSync(staging, target, { recursive: true });
    fs.rmSync(staging, { recursive: true, force: true });
  }
  if (old) removeInBackground([old]);
}

/** Renames the old output into the trash, or beside itself when the trash is on another disk. */
function moveAside(target: string, work: string): string {
  const trash = trashDirectory(work);
  fs.mkdirSync(trash, { recursive: true });
  const inTrash = path.join(trash, `${path.basename(target)}-${process.pid}-${Date.now()}`);
  try {
    fs.renameSync(target, inTrash);
    return inTrash;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const beside = `${target}.old-${process.pid}`;
    fs.renameSync(target, beside);
    return beside;
  }
}

/** Deletes folders from a detached process, which outlives the build; a missing folder is fine. */
function removeInBackground(folders: string[]): void {
  if (folders.length === 0) return;
  const script = 'for (const f of process.argv.slice(1)) require("node:fs").rmSync(f, { recursive: true, force: true, maxRetries: 3 })';
  spawn(process.execPath, ['-e', script, ...folders], { detached: true, stdio: 'ignore' }).unref();
}
