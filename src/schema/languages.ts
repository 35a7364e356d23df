import { bundledLanguagesInfo } from 'shiki';

/** Names shiki renders as plain text without a grammar. */
const PLAIN_TEXT = ['text', 'plaintext', 'txt', 'plain'];

/** Every fence name shiki knows (ids and aliases), mapped to its canonical id. */
const CANONICAL = new Map<string, string>();
for (const info of bundledLanguagesInfo) {
  CANONICAL.set(info.id, info.id);
  for (const alias of info.aliases ?? []) CANONICAL.set(alias, info.id);
}
for (const name of PLAIN_TEXT) CANONICAL.set(name, 'text');
// Node.js code is JavaScript: GitHub highlights ```node as JavaScript (Linguist's alias), and
// Widdershins names its httpsnippet tab `node`. Shiki has no such alias.
for (const name of ['node', 'nodejs']) CANONICAL.set(name, 'javascript');

/**
 * Names Rouge (Slate's highlighter) knows for a language shiki knows by other names: a Slate
 * page's ```` ```shell_session ```` was highlighted as a console session, so it is here too. From
 * Rouge's lexers' tags and aliases; the short ones that read as another language (`ex`, Rouge's
 * Vim script; `s`, `m`, `pl`, `st`…) are left out, so they stay unknown rather than highlighted
 * wrongly. Known, never suggested: a did-you-mean names shiki's own.
 */
const ROUGE_NAMES: Record<string, string> = {
  shell_session: 'shellsession',
  'shell-session': 'shellsession',
  terminal: 'shellsession',
  ksh: 'shellscript',
  golang: 'go',
  objective_c: 'objective-c',
  'obj-c': 'objective-c',
  obj_c: 'objective-c',
  objectivec: 'objective-c',
  'coffee-script': 'coffee',
  eruby: 'erb',
  rhtml: 'erb',
  posh: 'powershell',
  pwsh: 'powershell',
  microsoftshell: 'powershell',
  msshell: 'powershell',
  batchfile: 'bat',
  dosbatch: 'bat',
  winbatch: 'bat',
  apple_script: 'applescript',
  common_lisp: 'common-lisp',
  patch: 'diff',
  udiff: 'diff',
  containerfile: 'docker',
  exs: 'elixir',
  cljs: 'clojure',
  react: 'jsx',
  mkd: 'markdown',
  php3: 'php',
  php4: 'php',
  php5: 'php',
  visualbasic: 'vb',
  vuejs: 'vue',
  nimrod: 'nim',
  dlang: 'd',
  cucumber: 'gherkin',
  behat: 'gherkin',
  mustache: 'handlebars',
  django: 'jinja',
  gnumake: 'make',
  bsdmake: 'make',
  'json-doc': 'jsonc',
  'unit-file': 'systemd',
  bib: 'bibtex',
  nixos: 'nix',
  hylang: 'hy',
  godot: 'gdscript',
  squeak: 'smalltalk',
  mathematica: 'wolfram',
  // Rouge's Gradle lexer is its Groovy one; NASM is x86 assembly; Rouge's own short names.
  gradle: 'groovy',
  nasm: 'asm',
  cr: 'crystal',
  hx: 'haxe',
  hh: 'hack',
  fortran: 'fortran-free-form',
  'obj-c++': 'objective-cpp',
  'obj-cpp': 'objective-cpp',
  'obj_c++': 'objective-cpp',
  obj_cpp: 'objective-cpp',
  'objc++': 'objective-cpp',
  objcpp: 'objective-cpp',
  objective_cpp: 'objective-cpp',
  'objectivec++': 'objective-cpp',
  objectivecpp: 'objective-cpp',
  // Rustdoc's fence names: Rouge's Rust lexer takes them.
  'rust,ignore': 'rust',
  'rust,no_run': 'rust',
  'rust,should_panic': 'rust',
  'rs,ignore': 'rust',
  'rs,no_run': 'rust',
  'rs,should_panic': 'rust',
};
for (const [name, language] of Object.entries(ROUGE_NAMES)) {
  const canonical = CANONICAL.get(language);
  if (canonical && !CANONICAL.has(name)) CANONICAL.set(name, canonical);
}

/**
 * Names Rouge 3.30 (Slate's highlighter) knows, as lexer tags or aliases, for languages shiki has no
 * grammar for: Slate highlighted such a fence, Shale shows it as plain text, and its warning says
 * so rather than "as in Slate". Listed by trying each of Rouge's names against shiki's.
 */
const ROUGE_ONLY = new Set(
  (
    'Isabelle OCL S isabelle ocl s actionscript apib apiblueprint armasm as as3 aug augeas bbcbasic biml bpf brainfuck brightscript brs bs ceylon cfc ' +
    'cfscript cl clean cmhg cmm conf config configuration csvs cuda cython dafny datastudio digdag dot e-mail ecl eex eiffel email ' +
    'eml epp eps esc escape ex factor fea ff freefem ghc-cmm ghc-core heex hocon hql idlang idr idris igorpro io irb irb_output ' +
    'isa isbl j janet jdn jsl jsp kdb+ lasso lassoscript leex lhaskell lhs litcoffee literate_coffeescript literate_haskell ' +
    'lithaskell livescript ls lustre lutin m m68k magik mason meson mf minizinc ml moon moonscript mosel msgtrans mxml nes nesasm ' +
    'nial openedge opentype opentype_feature_file opentypefeature pl plist pony postscr postscript pp praat prometheus pry pyrex ' +
    'pyx q realbasic reasonml rego rescript robot robot-framework robot_framework sed sieve slice slim smarty sml sqf ssh st stan ' +
    'supercollider syzlang syzprog tap ttcn3 tulip varnish varnishconf vcl velocity wollok xojo xpath xquery yang zir'
  ).split(' '),
);

/** Whether Slate's Rouge highlighted a fence or tab name that Shale shows as plain text (ROUGE_ONLY; Rouge's lookup is case-sensitive). */
export const isRougeOnlyLanguage = (name: string): boolean => ROUGE_ONLY.has(name);

/** The canonical shiki language for a fence or tab name (`bash` → `shellscript`), or undefined if unknown. */
export function canonicalLanguage(name: string): string | undefined {
  return CANONICAL.get(name.toLowerCase());
}

export const isKnownLanguage = (name: string): boolean => CANONICAL.has(name.toLowerCase());

/** Names of OpenAPI x-codeSamples languages that are not shiki's but mean a tab's language. */
const SAMPLE_ALIASES: Record<string, string> = { curl: 'shell', 'node.js': 'javascript', nodejs: 'javascript', node: 'javascript', 'c#': 'csharp' };

/** The fence name of an x-codeSamples `lang` (`cURL` → `shell`, `Go` → `go`). */
export const sampleLanguage = (lang: string): string => SAMPLE_ALIASES[lang.trim().toLowerCase()] ?? lang.trim().toLowerCase();

/** Splits Slate's `lang--suffix` fence or tab name into the language and the whole tab key. */
export function splitTabName(name: string): { language: string; key: string } {
  const key = name.trim();
  const cut = key.indexOf('--');
  return { language: cut > 0 ? key.slice(0, cut) : key, key };
}

/** Levenshtein distance of two strings. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known names closest to `name` (for "did you mean" hints), best first. */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const target = name.toLowerCase();
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(target, candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => distance <= Math.max(2, Math.floor(target.length / 2)) || candidate.startsWith(target))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** Known language names closest to an unknown one. */
const SUGGESTED = [...CANONICAL.keys()].filter((known) => !Object.hasOwn(ROUGE_NAMES, known));

export const nearestLanguages = (name: string): string[] => nearestNames(name, SUGGESTED);
