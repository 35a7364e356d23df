import fs from 'node:fs';
import path from 'node:path';

/**
 * The build writes into a fresh folder beside the project's output and only replaces the
 * output once everything succeeded, so a failed build leaves the previous site exactly as it was.
 */
export function stagingDirectory(root: string): string {
  const staging = path.join(root, '.shale', `staging-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  return staging;
}

/** Moves the finished build into place: the old output goes only after the new one is complete. */
export function publish(staging: string, outputDir: string): void {
  const target = path.resolve(outputDir);
  const old = `${target}.old-${process.pid}`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) fs.renameSync(target, old);
  try {
    fs.renameSync(staging, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') {
      if (fs.existsSync(old)) fs.renameSync(old, target);
      throw error;
    }
    fs.cpSync(staging, target, { recursive: true });
    fs.rmSync(staging, { recursive: true, force: true });
  }
  fs.rmSync(old, { recursive: true, force: true });
}
