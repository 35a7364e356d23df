import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes a content folder from `{ 'relative/path.md': 'text' }` into a fresh temp folder. */
export function tempContent(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shale-content-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}
