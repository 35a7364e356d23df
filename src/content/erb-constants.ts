import fs from 'node:fs';
import path from 'node:path';

/**
 * The text a Slate project's `config.rb` gives its ERB, read without running Ruby. Teams keep a
 * base URL there and print it in their pages: `set :endpoint, 'https://…'` (or
 * `config[:endpoint] = 'https://…'`, printed with
 * `<%= config[:endpoint] %>`) or a helper whose body is one string (`def endpoint_url` …
 * `"https://…"` … `end`, printed with `<%= endpoint_url %>`). Only string literals are read; a
 * name set twice (`configure :build` giving another value, say) is left unknown, so its use stays an
 * error rather than a guess. `config.rb` sits beside Slate's `source/`, the content folder.
 */
export interface ErbConstants {
  config: ReadonlyMap<string, string>;
  helpers: ReadonlyMap<string, string>;
}

export const NO_CONSTANTS: ErbConstants = { config: new Map(), helpers: new Map() };

/** A Ruby string literal with no interpolation or escapes Shale would have to interpret. */
const STRING = String.raw`'((?:[^'\\\n]|\\['\\])*)'|"([^"\\#\n]*)"`;
/** `set :name, '…'`, or Middleman's other spelling of it, `config[:name] = '…'`. */
const SET = new RegExp(String.raw`^[ \t]*(?:set[ \t]+:(?=\w+[ \t]*,)|config\[:(?=\w+\][ \t]*=))(\w+)(?:[ \t]*,|\][ \t]*=)[ \t]*(?:${STRING})[ \t]*(?:#.*)?$`, 'gm');
const SET_ANY = /^[ \t]*(?:set[ \t]+:|config\[:)(\w+)\b/gm;
const DEF = new RegExp(String.raw`^[ \t]*def[ \t]+(\w+)[ \t]*(?:\(\s*\))?[ \t]*(?:\n|;)\s*(?:${STRING})\s*(?:\n|;)[ \t]*end\b`, 'gm');
const DEF_ANY = /^[ \t]*def[ \t]+(\w+)/gm;

const literal = (single: string | undefined, double: string | undefined) => (single !== undefined ? single.replace(/\\(['\\])/g, '$1') : double!);

/**
 * Slate's `config.rb`: in the content folder (where `npm run import-slate` puts it), else beside it,
 * where a Slate project keeps it beside `source/`.
 */
export function slateConfigFile(contentDir: string): string {
  const inside = path.join(path.resolve(contentDir), 'config.rb');
  return fs.existsSync(inside) ? inside : path.join(path.resolve(contentDir), '..', 'config.rb');
}

/** The constants of Slate's `config.rb` (slateConfigFile; none when there is no such file). */
export function readErbConstants(contentDir: string): ErbConstants {
  const file = slateConfigFile(contentDir);
  if (!fs.existsSync(file)) return NO_CONSTANTS;
  const ruby = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  return { config: once(ruby, SET, SET_ANY), helpers: once(ruby, DEF, DEF_ANY) };
}

/** The names `pattern` gives a string literal, of those `any` finds exactly once. */
function once(ruby: string, pattern: RegExp, any: RegExp): Map<string, string> {
  const counts = new Map<string, number>();
  for (const match of ruby.matchAll(any)) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
  const values = new Map<string, string>();
  for (const match of ruby.matchAll(pattern)) if (counts.get(match[1]!) === 1) values.set(match[1]!, literal(match[2], match[3]));
  return values;
}

/**
 * A block of ERB that only gives variables strings (`<% product_name = 'Sales.ai' %>`, one
 * assignment a line, comments between): each line's name and the code of its value.
 */
export function stringAssignments(code: string): Array<[string, string]> | undefined {
  const assignments: Array<[string, string]> = [];
  for (const line of code.split('\n')) {
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const assignment = /^\s*(@?[a-z_]\w*)\s*=(?!=)\s*(.+?)\s*$/.exec(line);
    if (!assignment) return undefined;
    assignments.push([assignment[1]!, assignment[2]!]);
  }
  return assignments.length ? assignments : undefined;
}

const TERM = new RegExp(String.raw`^\s*(?:${STRING}|config\s*\[\s*:(\w+)\s*\]|(@?\w+))\s*`);

/**
 * The text printed by `<%= code %>` when the code is string literals, `config[:name]`, helpers of
 * `constants` and the file's own variables (`locals`, which a helper's name does not hide), joined
 * with `+`; undefined for anything else.
 */
export function printedConstant(code: string, constants: ErbConstants, locals: ReadonlyMap<string, string> = new Map()): string | undefined {
  let rest = code;
  let text = '';
  for (;;) {
    const term = TERM.exec(rest);
    if (!term) return undefined;
    const value =
      term[3] !== undefined
        ? constants.config.get(term[3])
        : term[4] !== undefined
          ? (locals.get(term[4]) ?? constants.helpers.get(term[4]))
          : literal(term[1], term[2]);
    if (value === undefined) return undefined;
    text += value;
    rest = rest.slice(term[0].length);
    if (!rest) return text.includes('\n') ? undefined : text;
    if (!rest.startsWith('+')) return undefined;
    rest = rest.slice(1);
  }
}
