import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { frontMatterSchema } from '../schema/front-matter';
import { normaliseTabs, tabKeyForFence } from '../schema/language-tabs';
import { canonicalLanguage, sampleLanguage } from '../schema/languages';
import { generatorFor } from '../schema/sample-generators';
import type { Page, Site } from './site';
import type { SourceFile } from './source-file';

/**
 * The site of a spec given alone (`SHALE_CONTENT=openapi.yaml`, or a folder holding only it): one
 * page of its reference, titled by the spec, with search on.
 */

export const SPEC_FILE = /\.(ya?ml|json)$/i;

/** Whether a file looks like an OpenAPI or Swagger document (its top-level version key, near its start). */
export function isSpec(file: string): boolean {
  const start = fs.readFileSync(file, 'utf8').slice(0, 4096);
  return /(^|[\n{,])\s*"?(openapi|swagger)"?\s*:/.test(start);
}

/** Slate's four tabs, which every spec site has. */
const DEFAULT_TABS = ['shell', 'ruby', 'python', 'javascript'];

/**
 * The page of a spec given alone: Slate's four tabs, and a tab for each other language the spec's
 * own code samples are written in (DigitalOcean's Go) that Shale can write the other operations'
 * samples in, so those samples are not left out.
 */
export function specSite(file: string, contentDir: string): Site {
  const texts = specTexts(file);
  const title = specTitle(file, texts.get(file) ?? '');
  const source: SourceFile = { path: file, dialect: 'md', yaml: '', body: '', bodyLine: 1, yamlLine: 1 };
  const tabs = [...DEFAULT_TABS, ...sampleTabs(texts.values())];
  const frontMatter = frontMatterSchema.parse({ title, language_tabs: tabs, search: true, code_clipboard: true });
  const page: Page = {
    file,
    contentDir,
    outputPath: 'index.html',
    dialect: 'md',
    frontMatter,
    tabs: normaliseTabs(tabs),
    footers: [],
    parts: [source],
    slate: false,
    specs: [{ file, tags: [], introduction: true }],
  };
  return { contentDir, pages: [page], problems: [] };
}

/** `info.title` of a spec, read without checking it (the spec's checks come later). */
function specTitle(file: string, text: string): string {
  try {
    const document = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    const title = document?.info?.title;
    return typeof title === 'string' && title.trim() ? title.trim() : 'API Reference';
  } catch {
    return 'API Reference';
  }
}

/**
 * The text of a spec's files: the root, and the files its `$ref`s name, followed from file to file
 * (found in the text, not by reading the spec: Redocly reads it later, with its checks). A file
 * that cannot be read is left out here; the checks say what is wrong with it.
 */
function specTexts(root: string): Map<string, string> {
  const texts = new Map<string, string>();
  const pending = [root];
  while (pending.length) {
    const file = pending.shift()!;
    if (texts.has(file)) continue;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    texts.set(file, text);
    for (const match of text.matchAll(/["']?\$ref["']?\s*:\s*["']?([^"'#\s,}]+)/g)) {
      const target = match[1]!;
      if (/^[a-z][a-z\d+.-]*:/i.test(target) || !SPEC_FILE.test(target)) continue;
      pending.push(path.resolve(path.dirname(file), target));
    }
  }
  return texts;
}

/**
 * Tabs for the languages of the spec's x-codeSamples that Slate's four do not cover and Shale
 * writes samples in too (Go, Java, PHP, C#, HTTP): each `lang:` of the texts (YAML or JSON), in the order met (the root first,
 * then the files it names, and so on).
 */
function sampleTabs(texts: Iterable<string>): string[] {
  const defaults = normaliseTabs(DEFAULT_TABS);
  const added: string[] = [];
  const langs = (text: string) => [
    // YAML's `lang: Go` (and JSON's, one key a line), quoted or not (`lang: 'C#'`, `lang: C#  # comment`),
    // and JSON's `"lang": "Go"` anywhere on a line.
    ...[...text.matchAll(/^[ \t-]*["']?lang["']?[ \t]*:[ \t]*(?:"([^"\n]+)"|'([^'\n]+)'|([^"'\n{}[\],]+?))[ \t]*,?(?:[ \t]+#.*)?[ \t]*$/gm)].map(
      (found) => found[1] ?? found[2] ?? found[3]!,
    ),
    ...[...text.matchAll(/"lang"\s*:\s*"([^"\n]+)"/g)].map((found) => found[1]!),
  ];
  for (const text of texts) {
    for (const lang of langs(text)) {
      const language = canonicalLanguage(sampleLanguage(lang));
      // A tab Shale writes no sample in would be an error on every operation without one of the spec's.
      if (!language || !generatorFor(language) || added.includes(language)) continue;
      if (tabKeyForFence(language, defaults, canonicalLanguage)) continue;
      added.push(language);
    }
  }
  return added;
}
