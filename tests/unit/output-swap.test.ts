import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publish, stagingBase, stagingDirectory } from '../../src/integration/output-swap';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-output-swap-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const trash = () => path.join(root, '.shale', 'trash');
const trashEntries = () => (fs.existsSync(trash()) ? fs.readdirSync(trash()) : []);

describe('stagingBase', () => {
  it('stages in the work folder inside the folder Astro runs in, else in the .shale/ of that folder (Astro would copy its own files into the site)', () => {
    expect(stagingBase(path.join(root, '.shale'), root)).toBe(path.join(root, '.shale'));
    expect(stagingBase(path.join(root, 'cache', 'shale'), root)).toBe(path.join(root, 'cache', 'shale'));
    expect(stagingBase(path.join(os.tmpdir(), 'ci-cache'), root)).toBe(path.join(root, '.shale'));
    expect(stagingBase(path.join(root, '..', 'beside'), root)).toBe(path.join(root, '.shale'));
  });
});

describe('publish', () => {
  it('puts the new site in place of the old one and removes the old one in the background', async () => {
    const dist = path.join(root, 'dist');
    write(path.join(dist, 'index.html'), 'old');
    write(path.join(dist, 'gone.html'), 'only in the old site');
    const staging = stagingDirectory(path.join(root, '.shale'));
    write(path.join(staging, 'index.html'), 'new');

    publish(staging, dist);

    expect(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(fs.existsSync(path.join(dist, 'gone.html'))).toBe(false);
    expect(fs.existsSync(staging)).toBe(false);
    // Nothing is left beside the output; the old site waits in .shale/trash until the removal ends.
    expect(fs.readdirSync(root).sort()).toEqual(['.shale', 'dist']);
    await vi.waitFor(() => expect(trashEntries()).toEqual([]), { timeout: 10_000, interval: 50 });
  });

  it('writes a first site where there was none', () => {
    const dist = path.join(root, 'out', 'site');
    const staging = stagingDirectory(path.join(root, '.shale'));
    write(path.join(staging, 'index.html'), 'first');
    publish(staging, dist);
    expect(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('first');
    expect(trashEntries()).toEqual([]);
  });

  it('clears what an interrupted removal left in the trash when the next build starts', async () => {
    write(path.join(trash(), 'dist-1-1', 'index.html'), 'left over');
    stagingDirectory(path.join(root, '.shale'));
    await vi.waitFor(() => expect(trashEntries()).toEqual([]), { timeout: 10_000, interval: 50 });
  });

  it('clears the staging folders of builds that were stopped, not those of a build still running', async () => {
    // A process that has ended: its pid names no running process (until the system reuses it).
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    const stopped = [path.join(root, '.shale', `staging-${ended}`), path.join(root, '.shale', `staging-${ended}-search`)];
    const running = path.join(root, '.shale', `staging-${process.ppid}`);
    for (const folder of [...stopped, running]) write(path.join(folder, 'index.html'), 'half built');
    stagingDirectory(path.join(root, '.shale'));
    await vi.waitFor(() => expect(stopped.filter((folder) => fs.existsSync(folder))).toEqual([]), { timeout: 10_000, interval: 50 });
    expect(fs.existsSync(running)).toBe(true);
  });
});
