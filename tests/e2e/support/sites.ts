import sites from './sites.json' with { type: 'json' };

/** A site the browser tests run against: built once by serve-sites.mjs, then served as plain files. */
export interface TestSite {
  name: string;
  /** Content folder, relative to the project. */
  content: string;
  base: string;
  port: number;
  /** Settings the site is built with (search shards of a few sections, to try them on small fixtures; an Edit address). */
  env?: Record<string, string | undefined>;
}

export const SITES: TestSite[] = sites;

/** The root URL of a test site. */
export function siteUrl(name: string): string {
  const site = SITES.find((candidate) => candidate.name === name);
  if (!site) throw new Error(`no test site named ${name}`);
  return `http://127.0.0.1:${site.port}${site.base}`;
}
