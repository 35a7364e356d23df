import fs from 'node:fs';
import path from 'node:path';
import { slateConfigFile } from './erb-constants';

/**
 * How a Slate project's heading ids were made: `slate`, by Slate's UniqueHeadCounter as it is since
 * November 2017 (slug.ts, slateBaseId); `redcarpet`, by Redcarpet itself (slug.ts, redcarpetAnchor);
 * `slate-2017`, by the first UniqueHeadCounter, which kept tags' names in the id (slug.ts,
 * slate2017BaseId; zooniverse's Caesar docs link to such ids); `nesting`, by the renderer Slate
 * offered instead, NestingUniqueHeadCounter, which puts the titles above a heading before its own
 * (slug.ts, nestedBases; Billplz's docs link to `bills-create-a-bill`); `nesting-below-h1`, by a
 * NestingUniqueHeadCounter changed to leave the h1's title out (`downto(2)`: Welkin's docs).
 */
export type HeadingIds = 'slate' | 'redcarpet' | 'slate-2017' | 'nesting' | 'nesting-below-h1';

/**
 * What a Slate project's `config.rb` (and the renderer it names) says about how Redcarpet rendered
 * its pages. Slate's own renderer, `UniqueHeadCounter` (`renderer:` in `set :markdown`, its code in
 * the project's `lib/unique_head.rb`), parameterizes a heading and counts repeats, and with a
 * renderer named Middleman applies no other option. Slate before it (2016–17; forks still build that
 * way) named none: Redcarpet then made the ids itself with `with_toc_data: true`, differently for
 * any character outside ASCII ("Crear una aplicación" → `crear-una-aplicaci-n`; CentryCL's docs
 * link to such ids), and `smartypants: true` curled the quotes and made dashes of `--`
 * (rehype-smartypants.ts). Without a `config.rb`, Slate's renderer is assumed.
 */
export interface SlateRendering {
  headingIds: HeadingIds;
  smartypants: boolean;
}

export function slateRendering(contentDir: string): SlateRendering {
  const config = slateConfigFile(contentDir);
  const code = rubyCode(config);
  if (code === undefined) return { headingIds: 'slate', smartypants: false };
  const renderer = /\brenderer\s*(?::|=>)\s*:?(\w+)/.exec(code)?.[1];
  const option = (name: string) => !renderer && new RegExp(`\\b${name}\\s*(?::|=>)\\s*true\\b`).test(code);
  if (!renderer) return { headingIds: option('with_toc_data') ? 'redcarpet' : 'slate', smartypants: option('smartypants') };
  if (renderer === 'NestingUniqueHeadCounter') {
    // Slate's walks the titles above a heading `downto(1)`; a project's own copy may stop at the h2s.
    const nesting = rubyCode(path.join(path.dirname(config), 'lib', 'nesting_unique_head.rb'));
    return { headingIds: nesting && /\.downto\(\s*2\s*\)/.test(nesting) ? 'nesting-below-h1' : 'nesting', smartypants: false };
  }
  // The renderer's header method as the project has it: the first one parameterized the text whole.
  const uniqueHead = renderer === 'UniqueHeadCounter' ? rubyCode(path.join(path.dirname(config), 'lib', 'unique_head.rb')) : undefined;
  const keepsTags = uniqueHead !== undefined && /=\s*text\.parameterize\b/.test(uniqueHead);
  return { headingIds: keepsTags ? 'slate-2017' : 'slate', smartypants: false };
}

/**
 * Where a project's own Ruby changed how Slate made its heading ids in a way Shale does not follow
 * (Shale reads Ruby, it never runs it): `config.rb` names a renderer of its own; the project's
 * `lib/unique_head.rb` has a `header` method that is none of the forms Slate shipped (2017–18:
 * parameterize, with tags stripped, with a SHA1 for a heading left empty, counting repeats from 2),
 * such as one reading `{{id:custom}}` from the heading; or a file `config.rb` requires redefines
 * `header` (a module patched into Middleman's renderer). Undefined when Slate's own code made them.
 */
export interface CustomHeadingIds {
  file: string;
  line: number;
  /** What the project's code is, in words: `the renderer "DocsRenderer"`, `the header method of lib/unique_head.rb`. */
  code: string;
}

const KNOWN_RENDERERS = new Set(['UniqueHeadCounter', 'NestingUniqueHeadCounter']);

/**
 * Every `header` method Slate's `lib/unique_head.rb` had, reduced by `methodShape`: tags stripped
 * or not, a SHA1 for an empty result or not; the counter a class, instance or global variable.
 */
const SLATE_HEADER_SHAPE =
  /^defheader\(text,header_level\)friendly_text=text(?:\.gsub\(TAGS,""\))?\.parameterize(?:iffriendly_text\.strip\.length==0friendly_text=Digest::SHA1\.hexdigest\(text\)\[0,10\]end)?COUNT\[friendly_text\]\|\|=0COUNT\[friendly_text\]\+=1ifCOUNT\[friendly_text\]>1friendly_text\+="-#\{COUNT\[friendly_text\]\}"endreturn"<h#\{header_level\}id='#\{friendly_text\}'>#\{text\}<\/h#\{header_level\}>"end$/;

export function customHeadingIds(contentDir: string): CustomHeadingIds | undefined {
  const config = slateConfigFile(contentDir);
  const code = rubyCode(config);
  if (code === undefined) return undefined;
  const lib = (name: string) => path.join(path.dirname(config), name);
  const renderer = /\brenderer\s*(?::|=>)\s*:?(\w+)/.exec(code);
  if (renderer && !KNOWN_RENDERERS.has(renderer[1]!)) {
    return { file: config, line: lineOf(code, renderer.index), code: `the renderer "${renderer[1]}" that config.rb names` };
  }
  if (renderer?.[1] === 'UniqueHeadCounter') {
    const file = lib(path.join('lib', 'unique_head.rb'));
    const header = headerMethod(rubyCode(file));
    if (header && !SLATE_HEADER_SHAPE.test(methodShape(header.text))) {
      return { file, line: header.line, code: 'the header method of lib/unique_head.rb' };
    }
  }
  // `require './lib/redcarpet_mods'`: a file of the project's that config.rb loads.
  for (const required of code.matchAll(/\brequire(?:_relative)?\s*\(?\s*['"](?:\.\/)?(lib\/[\w/.-]+?)(?:\.rb)?['"]/g)) {
    const name = `${required[1]}.rb`;
    if (/(?:^|\/)(?:nesting_)?unique_head\.rb$/.test(name)) continue;
    const header = headerMethod(rubyCode(lib(name)));
    if (header) return { file: lib(name), line: header.line, code: `the header method of ${name}` };
  }
  return undefined;
}

/** The `def header` method of a Ruby file (from its line to the `end` at its indentation), with its 1-based line. */
function headerMethod(code: string | undefined): { text: string; line: number } | undefined {
  if (code === undefined) return undefined;
  const start = /^([ \t]*)def header\b.*$/m.exec(code);
  if (!start) return undefined;
  const end = new RegExp(`^${start[1]}end\\b`, 'm').exec(code.slice(start.index + start[0].length));
  const stop = end ? start.index + start[0].length + end.index + end[0].length : code.length;
  return { text: code.slice(start.index, stop), line: lineOf(code, start.index) };
}

/** A method's code without blanks, its counter variable named COUNT and Slate's tag-stripping patterns TAGS, for comparing forms. */
function methodShape(method: string): string {
  return method
    .replace(/\s+/g, '')
    .replace(/(?:@@|@|\$)head_count\b/g, 'COUNT')
    .replace(/\/<\[\^<\]\+>\/|\/<\[\^>\]\*>\//g, 'TAGS');
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** A Ruby file's text without its comments (a `#` outside a string, roughly: not inside quotes on its line); undefined when it cannot be read. */
function rubyCode(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return text
    .split('\n')
    .map((line) => line.replace(/^((?:[^#'"]|'[^']*'|"[^"]*")*)#.*$/, '$1'))
    .join('\n');
}
