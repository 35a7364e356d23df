import fs from 'node:fs';
import path from 'node:path';

// `.md.erb`: Slate's ERB Markdown (erb.ts), after plain Markdown as Middleman has no order between them.
const INCLUDE_FILE = /\.(mdx?|md\.erb)$/;
const EXTENSIONS = { md: ['.md', '.md.erb', '.mdx'], mdx: ['.mdx', '.md', '.md.erb'] } as const;

/**
 * The files an include name may refer to, in the order Slate (Middleman) tries them:
 * `includes/_NAME.md`, then `includes/NAME.md` (then the same in `.md.erb`); a name with folders (`api/x`) keeps them
 * (`includes/api/_x.md`). The page's own format is tried before the other one.
 */
export function includeCandidates(includesDir: string, name: string, dialect: 'md' | 'mdx'): string[] {
  const trimmed = name.trim().replace(/^\/+/, '');
  const folder = path.posix.dirname(trimmed);
  const base = path.posix.basename(trimmed);
  const stems = base.startsWith('_') ? [base] : [`_${base}`, base];
  const candidates: string[] = [];
  // A name that already ends in an extension (`errors.md.erb`) names that file.
  if (INCLUDE_FILE.test(base)) return stems.map((stem) => path.join(includesDir, folder === '.' ? '' : folder, stem));
  for (const extension of EXTENSIONS[dialect]) {
    for (const stem of stems) {
      const file = stem.endsWith(extension) ? stem : `${stem}${extension}`;
      candidates.push(path.join(includesDir, folder === '.' ? '' : folder, file));
    }
  }
  return candidates;
}

export type IncludeResolution =
  | { found: string; alsoFound: string[] }
  | { found?: undefined; tried: string[] };

/** Resolves an include name to a file, reporting what else matched (an ambiguity worth a warning). */
export function resolveInclude(
  includesDir: string,
  name: string,
  dialect: 'md' | 'mdx',
  exists: (file: string) => boolean = (file) => fs.existsSync(file) && fs.statSync(file).isFile(),
): IncludeResolution {
  const candidates = includeCandidates(includesDir, name, dialect);
  const matches = candidates.filter(exists);
  if (matches.length === 0) return { tried: candidates };
  return { found: matches[0]!, alsoFound: matches.slice(1) };
}

/** Every include name available under an includes folder (`api/x` for `includes/api/_x.md`), sorted. */
export function availableIncludes(includesDir: string): string[] {
  if (!fs.existsSync(includesDir)) return [];
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (INCLUDE_FILE.test(entry.name)) {
        const relative = path.relative(includesDir, full).split(path.sep).join('/');
        const parts = relative.replace(INCLUDE_FILE, '').split('/');
        parts.push(parts.pop()!.replace(/^_/, ''));
        names.add(parts.join('/'));
      }
    }
  };
  walk(includesDir);
  return [...names].sort();
}
