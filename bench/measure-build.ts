import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface BuildMeasurement {
  ok: boolean;
  seconds: number;
  /** Peak of the summed resident memory of the build and every process it started, in bytes. */
  peakRss: number;
  /**
   * Share of the machine's CPU time the hypervisor gave to other guests during the build (Linux
   * /proc/stat "steal"; undefined elsewhere). A high share means the figures are from a busy host.
   */
  stolen?: number;
  output: string;
}

/** The machine's CPU time so far, in ticks: all of it, and the part stolen by the hypervisor. */
function cpuTicks(): { total: number; steal: number } | undefined {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already counted in user)
    return { total: fields.slice(0, 8).reduce((sum, n) => sum + n, 0), steal: fields[7] ?? 0 };
  } catch {
    return undefined;
  }
}

/** Resident memory of a process and all its descendants, read from /proc (Linux). */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * 4096);
    } catch {
      /* the process ended while we read it */
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `npm run build` on a content folder, timing it and sampling its memory (see SAMPLE_MS). */
export function measureBuild(env: Record<string, string>): Promise<BuildMeasurement> {
  return measureProcess('npm', ['run', 'build', '--silent'], env);
}

/**
 * How often the memory of a build's processes is read. Reading /proc/<pid>/stat of a process takes
 * its memory lock, which its garbage collector needs too: read every 25 ms, the 5,000-endpoint cold
 * build took 30.8 s instead of 23.2 s (21.1 s run from a shell). The peak lasts seconds (the render
 * workers', Pagefind's), so a sample every 200 ms still finds it.
 */
const SAMPLE_MS = 200;

/** Runs a command to its end, timing it and sampling the memory of it and its children every SAMPLE_MS. */
export function measureProcess(command: string, args: string[], env: Record<string, string> = {}): Promise<BuildMeasurement> {
  return new Promise((resolve) => {
    const started = performance.now();
    const ticksBefore = cpuTicks();
    const child = spawn(command, args, { env: { ...inherited(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, treeRss(child.pid!));
    }, SAMPLE_MS);
    child.on('close', (code) => {
      clearInterval(sampler);
      const ticksAfter = cpuTicks();
      const stolen =
        ticksBefore && ticksAfter && ticksAfter.total > ticksBefore.total
          ? (ticksAfter.steal - ticksBefore.steal) / (ticksAfter.total - ticksBefore.total)
          : undefined;
      resolve({ ok: code === 0, seconds: (performance.now() - started) / 1000, peakRss, stolen, output });
    });
  });
}

/**
 * The bench's environment without NODE_ENV: vite-node, which runs the bench, sets it to
 * "development", and a build started with it is not the build a writer runs (GitHub's REST API:
 * 53 s instead of 38 s). Every figure of the bench before 2026-12-04 was measured with it.
 */
function inherited(): NodeJS.ProcessEnv {
  const { NODE_ENV: _development, ...rest } = process.env;
  return rest;
}

/** Bytes of a built site by kind. */
export function outputBytes(dir: string): { html: number; js: number; css: number; search: number; other: number; pages: number } {
  const totals = { html: 0, js: 0, css: 0, search: 0, other: 0, pages: 0 };
  const walk = (folder: string, inSearch: boolean) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        walk(full, inSearch || entry.name === 'pagefind');
        continue;
      }
      const size = fs.statSync(full).size;
      if (inSearch) totals.search += size;
      else if (entry.name.endsWith('.html')) {
        totals.html += size;
        totals.pages += 1;
      } else if (entry.name.endsWith('.js')) totals.js += size;
      else if (entry.name.endsWith('.css')) totals.css += size;
      else totals.other += size;
    }
  };
  walk(dir, false);
  return totals;
}
