import { canonicalLanguage, splitTabName } from './languages';

/**
 * The languages Shale writes an OpenAPI operation's request sample in, with httpsnippet's target
 * and client for each (openapi/request-samples.ts runs it), by a tab's key, else by its language.
 * Here, not beside httpsnippet, because a spec's own site picks its tabs from it too
 * (content/spec-site.ts): a tab Shale cannot fill would be an error on every operation.
 */
const GENERATORS: Record<string, [target: string, client: string]> = {
  shell: ['shell', 'curl'],
  shellscript: ['shell', 'curl'],
  ruby: ['ruby', 'native'],
  python: ['python', 'requests'],
  javascript: ['javascript', 'fetch'],
  node: ['node', 'fetch'],
  go: ['go', 'native'],
  java: ['java', 'nethttp'],
  // Guzzle's sample needs Composer packages to run; PHP's curl extension ships with PHP.
  php: ['php', 'curl'],
  csharp: ['csharp', 'httpclient'],
  http: ['http', 'http1.1'],
};

/** The generator of a tab key (`ruby--v2` uses ruby's, `javascript--node` node's), or undefined when Shale has none for its language. */
export function generatorFor(tabKey: string): [target: string, client: string] | undefined {
  const { language } = splitTabName(tabKey);
  const suffix = tabKey.includes('--') ? tabKey.slice(tabKey.indexOf('--') + 2) : '';
  if (suffix === 'node') return GENERATORS.node;
  return GENERATORS[language.toLowerCase()] ?? GENERATORS[canonicalLanguage(language) ?? ''];
}
