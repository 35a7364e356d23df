/**
 * Raw HTML from a spec's descriptions, made safe. A spec is third-party text (a vendor's, a
 * generator's): its HTML is rebuilt tag by tag from an allowlist, so no script, event handler,
 * `javascript:` URL, iframe or style sheet reaches the page, whatever the markup tries. What is
 * removed is returned, so the build can warn with the description's JSON pointer.
 */

/** Elements a description may keep, with the attributes each may keep (besides GLOBAL_ATTRIBUTES). */
const ALLOWED: Record<string, readonly string[]> = {
  // target: eBay's links open a new tab; rehype-links gives such a link rel="noopener noreferrer".
  a: ['href', 'name', 'target', 'rel'],
  img: ['src', 'alt', 'width', 'height'],
  td: ['colspan', 'rowspan', 'align'],
  th: ['colspan', 'rowspan', 'align', 'scope'],
  details: ['open'],
  ol: ['start'],
  ...Object.fromEntries(
    // nobr: obsolete, but harmless and in real specs (DigitalOcean's tables keep scopes on one line).
    'abbr b bdi bdo blockquote br caption cite code dd del dfn div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i ins kbd li mark nobr p pre q s samp small span strong sub summary sup table tbody tfoot thead time tr u ul var wbr'
      .split(' ')
      .map((name) => [name, []]),
  ),
};
const GLOBAL_ATTRIBUTES = ['id', 'class', 'title', 'lang', 'dir'];

/** Elements removed with everything inside them: their content is code or a document, never prose. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'textarea',
  'title',
  'xmp',
  'noembed',
  'noframes',
  'svg',
  'math',
]);

/**
 * Every element name of HTML, obsolete ones included. A tag whose name is none of these and no
 * custom element's (those have a hyphen) is no markup a browser knows: it is the writer's text, as
 * Twilio's "depends on the <Pay> Connector" names a TwiML verb. It stays, as text.
 */
const HTML_ELEMENTS = new Set(
  (
    'a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink blockquote body br button ' +
    'canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset ' +
    'figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins ' +
    'isindex kbd keygen label legend li link listing main map mark marquee math menu menuitem meta meter multicol nav nextid nobr ' +
    'noembed noframes noscript object ol optgroup option output p param picture plaintext portal pre progress q rb rp rt rtc ruby ' +
    's samp script search section select slot small source spacer span strike strong style sub summary sup svg table tbody td ' +
    'template textarea tfoot th thead time title tr track tt u ul var video wbr xmp'
  ).split(' '),
);

/** URL schemes a link or an image may use (relative URLs and #anchors always may). */
const SAFE_SCHEME = /^(https?|mailto|tel):/i;

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export interface SafeHtml {
  html: string;
  /** What was taken out, in words (`a <script> element`, `the onclick attribute of <a>`). */
  removed: string[];
  /** An element removed with its content that is still open at the end (its content goes on in the next piece). */
  dropping?: string;
}

/** Whether a URL (entities decoded, controls and spaces ignored, as browsers do) is safe to follow. */
export function isSafeUrl(url: string): boolean {
  const decoded = decodeEntities(url)
    .replace(/[\u0000-\u0020\u007f]+/g, '')
    .trim();
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(decoded)) return true; // relative, #anchor, //host
  return SAFE_SCHEME.test(decoded);
}

const decodeEntities = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n');

const escapeAttribute = (value: string) =>
  value
    .replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-f]+;)/gi, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/**
 * Rebuilds a piece of raw HTML (one Markdown HTML node: a block, or one inline tag) keeping only
 * allowed elements and attributes. `open` is an element removed with its content that an earlier
 * piece left open (an inline `<script>` is three Markdown nodes: tag, text, tag). Text between tags is kept; a `<` that starts no tag becomes
 * `&lt;`; comments, doctypes and processing instructions go.
 */
export function sanitizeHtml(raw: string, open?: string): SafeHtml {
  const removed: string[] = [];
  let html = '';
  let index = 0;
  let dropping = open;
  while (index < raw.length) {
    const lt = raw.indexOf('<', index);
    if (lt < 0) {
      if (!dropping) html += raw.slice(index);
      break;
    }
    if (!dropping) html += raw.slice(index, lt);
    if (raw.startsWith('<!--', lt)) {
      const end = raw.indexOf('-->', lt + 4);
      index = end < 0 ? raw.length : end + 3;
      continue;
    }
    if (/^<[!?]/.test(raw.slice(lt, lt + 2))) {
      const end = raw.indexOf('>', lt);
      index = end < 0 ? raw.length : end + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(raw);
    if (!tag) {
      if (!dropping) html += '&lt;';
      index = lt + 1;
      continue;
    }
    index = TAG.lastIndex;
    const [, closing, rawName, attributes = '', selfClosing] = tag;
    const name = rawName!.toLowerCase();
    if (dropping) {
      if (closing && name === dropping) dropping = undefined;
      continue;
    }
    if (DROPPED_WITH_CONTENT.has(name)) {
      if (!closing) {
        removed.push(`a <${name}> element`);
        if (!selfClosing) dropping = name;
      }
      continue;
    }
    const allowed = ALLOWED[name];
    if (!allowed && !HTML_ELEMENTS.has(name) && !name.includes('-')) {
      html += tag[0].replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      continue;
    }
    if (!allowed) {
      if (!closing) removed.push(`a <${name}> tag`);
      continue;
    }
    if (closing) {
      html += `</${name}>`;
      continue;
    }
    html += `<${name}${keptAttributes(name, attributes, allowed, removed)}${selfClosing ? ' /' : ''}>`;
  }
  return { html, removed, ...(dropping ? { dropping } : {}) };
}

function keptAttributes(element: string, text: string, allowed: readonly string[], removed: string[]): string {
  let kept = '';
  for (const [, rawName, double, single, bare] of text.matchAll(ATTRIBUTE)) {
    const name = rawName!.toLowerCase();
    const value = double ?? single ?? bare ?? '';
    if (!allowed.includes(name) && !GLOBAL_ATTRIBUTES.includes(name)) {
      removed.push(`the ${name} attribute of <${element}>`);
      continue;
    }
    if ((name === 'href' || name === 'src') && !isSafeUrl(value)) {
      removed.push(`a ${name} of <${element}> that is not a web address (${value.slice(0, 40)})`);
      continue;
    }
    kept += ` ${name}="${escapeAttribute(value)}"`;
  }
  return kept;
}

/** The text of sanitized HTML without its tags (for MDX, where loose tags are not allowed): `<br>` becomes a space. */
export function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ');
}
