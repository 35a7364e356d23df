/**
 * Every problem Shale reports, in one table: its kind, how bad it is, what it says and the fix.
 * Checks name a kind and give its facts (`problem('include-missing', where, { name, … })`); the
 * words live here only, so a message is changed in one place and tests assert kinds.
 * ARCHITECTURE.md maps each kind to the file that detects it and the fixture that shows it.
 */

/**
 * `slate-tolerated`: an error in Shale's own content, a warning in Slate's own format
 * (`*.html.md`), where Slate let it through and those docs must build unchanged.
 */
type Gravity = 'error' | 'warning' | 'slate-tolerated';

interface Definition<P> {
  gravity: Gravity;
  message: (facts: P, tolerated: boolean) => string;
  fix?: (facts: P, tolerated: boolean) => string;
}

const define = <P = Record<string, never>>(definition: Definition<P>): Definition<P> => definition;

/** `did you mean "#x"?` (or `"#x" or "#y"`), else the general advice. */
const anchorFix = ({ nearest, spec }: { nearest: readonly string[]; spec?: boolean }) =>
  nearest.length
    ? `did you mean ${nearest.map((id) => `"#${id}"`).join(' or ')}?`
    : spec
      ? // A spec's descriptions often link their own site's anchors (Stripe's `#create_charge`).
        'link to the id of a heading on this page; for a section of another site, write its whole URL in the spec (https://…#anchor).'
      : 'link to the id of a heading on this page.';

export const DEFINITIONS = {
  // The content folder.
  'content-folder-missing': define({
    gravity: 'error',
    message: () => 'the content folder does not exist.',
    fix: () => 'create it, or point SHALE_CONTENT at the folder that holds index.mdx or index.html.md.',
  }),
  'content-folder-empty': define({
    gravity: 'error',
    message: () => 'the content folder holds no pages.',
    fix: () => 'add index.mdx (or a Slate index.html.md) with the docs.',
  }),
  'index-page-missing': define<{ plainHtml?: boolean; erb?: boolean; localizable?: boolean }>({
    gravity: 'slate-tolerated',
    // A Slate source may keep a plain index.html that sends readers on (to `current/`): Middleman copied it, Shale publishes no HTML of the content folder.
    // Or an ERB front page of its own (a product's home, built from partials), with the docs in a folder (`api/index.html.md`): Shale builds the docs.
    message: ({ plainHtml, erb, localizable }, tolerated) =>
      localizable
        ? "the content folder has no index page: its page is localizable/index.html.md, which Middleman's i18n built once per language, and Shale does not."
        : plainHtml
          ? `the content folder has no index page: its index.html is plain HTML, which Shale does not publish.${tolerated ? ' Shale builds the other pages; the site has no front page.' : ''}`
          : erb
            ? `the content folder has no index page: its index.html.erb is an ERB page without Markdown, which Shale does not build.${tolerated ? ' Shale builds the other pages; the site has no front page.' : ''}`
            : 'the content folder has no index page.',
    fix: ({ plainHtml, erb, localizable }) =>
      localizable
        ? 'move it to index.html.md (text the layout translated with I18n.t is shown as written: write it out in the page).'
        : plainHtml
          ? 'add index.md in its place (a `<meta http-equiv="refresh">` under `head:` in its front matter sends readers on, as the HTML did).'
          : erb
            ? 'write the front page as index.html.md (or send readers on to the docs from it with a `<meta http-equiv="refresh">` under `head:`).'
            : 'add index.mdx, index.md or index.html.md: it becomes the front page.',
  }),
  // `index.html.md` beside `index.html.md.erb`, `guide.md` beside `guide.mdx`: one page overwrites
  // the other. Middleman wrote both, the later name last; Shale builds that one.
  'page-output-twice': define<{ page: string; used: string; output: string }>({
    gravity: 'slate-tolerated',
    message: ({ page, used, output }, tolerated) =>
      `${page} and ${used} both make ${output}.${tolerated ? ` Shale builds ${used} and leaves ${page} out.` : ''}`,
    fix: ({ page }) => `remove ${page}, or rename it so that each page has an address of its own.`,
  }),

  // Front matter.
  'front-matter-unclosed': define({
    gravity: 'error',
    message: () => 'the front matter opened on line 1 is never closed.',
    fix: () => 'end it with a line of three dashes (---) after the last key.',
  }),
  'front-matter-yaml': define<{ reason: string }>({
    gravity: 'error',
    message: ({ reason }) => `front matter is not valid YAML: ${reason.replace(/([^.])$/, '$1.')}`,
    fix: () => 'fix the YAML syntax (indentation, quotes, colons).',
  }),
  'front-matter-not-a-map': define({
    gravity: 'error',
    message: () => 'front matter must be a map of keys (title: …).',
    fix: () => 'write one `key: value` per line.',
  }),
  'front-matter-value': define<{ key: string; reason: string; fix?: string }>({
    gravity: 'error',
    message: ({ key, reason }) => `${key}: ${reason}`,
    fix: ({ fix }) => fix ?? '',
  }),
  'front-matter-unknown-key': define<{ key: string; nearest?: string; known: readonly string[] }>({
    gravity: 'slate-tolerated',
    message: ({ key }, tolerated) =>
      tolerated ? `front-matter key "${key}" is not one Shale knows; Shale ignores it, as Slate's own layout did.` : `unknown front-matter key "${key}".`,
    fix: ({ nearest, known }, tolerated) =>
      nearest
        ? `did you mean "${nearest}"?`
        : tolerated
          ? "remove it; if your Slate layout read it (a banner, more includes), Shale's layout does not: put that in the page."
          : `use one of: ${known.join(', ')}.`,
  }),
  'front-matter-shale-key-ignored': define<{ key: string; reason: string; fix?: string }>({
    gravity: 'slate-tolerated',
    message: ({ key, reason }, tolerated) =>
      tolerated ? `${reason.replace(/([^.])$/, '$1.')} Slate has no "${key}" key and ignored it; Shale ignores it on this page too.` : reason,
    fix: ({ fix }, tolerated) =>
      tolerated ? `${fix ? `${fix.replace(/\.$/, '')}, ` : 'write it as the manual describes, '}or remove it if your Slate layout read it.` : (fix ?? ''),
  }),
  'front-matter-renamed-key': define<{ key: string; renamed: string }>({
    gravity: 'slate-tolerated',
    message: ({ key, renamed }, tolerated) =>
      `front-matter key "${key}" is Slate's old name for "${renamed}"${tolerated ? '; Shale ignores it, as Slate does' : ''}.`,
    fix: ({ renamed }) => `rename it to "${renamed}".`,
  }),
  // Middleman dropped a partial's front matter (`layout:`, `title:` left in an include made from a page): Slate built it.
  'include-front-matter-key': define<{ key: string }>({
    gravity: 'slate-tolerated',
    message: ({ key }, tolerated) =>
      tolerated ? `front-matter key "${key}" in an include is not one Shale knows; Shale ignores it, as Middleman did.` : `unknown front-matter key "${key}".`,
    fix: () => 'an include may only name further includes; put page settings in the page front matter.',
  }),
  'tab-entry-invalid': define<{ entry: string }>({
    gravity: 'error',
    message: ({ entry }) => `language_tabs entry ${entry} is neither a language name nor a one-key map.`,
    fix: () => 'write `- ruby` or `- shell: cURL` (language: label).',
  }),
  'tab-language-unknown': define<{ tab: string; nearest: readonly string[]; rouge?: boolean }>({
    gravity: 'slate-tolerated',
    message: ({ tab, rouge }, tolerated) =>
      `language tab "${tab}" is not a language shiki knows${tolerated ? `; its code is shown as plain text${rouge ? ' (Slate highlighted it: its Rouge knows the name)' : ', as in Slate'}` : ''}.`,
    fix: ({ nearest }) =>
      nearest.length
        ? `use a language shiki knows (nearest: ${nearest.join(', ')}).`
        : 'use a language shiki knows, such as shell, ruby, python or javascript.',
  }),
  'theme-token-unknown': define<{ token: string; nearest?: string }>({
    gravity: 'error',
    message: ({ token }) => `theme: "${token}" is not one of Shale's design tokens.`,
    fix: ({ nearest }) => (nearest ? `did you mean "${nearest}"?` : 'use a token from the list in the manual ("Theming").'),
  }),
  'theme-value-invalid': define<{ token: string; value: string; reason: string }>({
    gravity: 'error',
    message: ({ token, value, reason }) => `theme: the value "${value}" of ${token} is not valid CSS for it: ${reason}.`,
    fix: () => 'give one CSS value of the kind its default is (see the list in the manual, "Theming").',
  }),
  'head-tag-invalid': define<{ tag: string; reason: string }>({
    gravity: 'error',
    message: ({ tag, reason }) => `head: ${tag} cannot go in the page's <head>: ${reason}.`,
    fix: () =>
      'write one <link>, <meta> or <script src="…"></script> per entry; put script code in a file (a strict Content-Security-Policy blocks inline script).',
  }),
  'custom-css-invalid': define<{ reason: string }>({
    gravity: 'error',
    message: ({ reason }) => `custom.css does not parse: ${reason.replace(/([^.])$/, '$1.')}`,
    fix: () => 'fix the CSS at that line (an unclosed brace or string is the usual cause).',
  }),
  'slate-variables-invalid': define<{ reason: string }>({
    gravity: 'error',
    message: ({ reason }) => `_variables.scss does not compile: ${reason.replace(/([^.])$/, '$1.')}`,
    fix: () => "fix it as Sass would ask (Slate compiled it with Sass too), or remove it to keep Shale's colours.",
  }),
  'slate-variables-unmapped': define<{ names: string[] }>({
    gravity: 'warning',
    message: ({ names }) =>
      `${names.map((name) => `$${name}`).join(', ')} ${names.length === 1 ? 'has' : 'have'} no counterpart in Shale's design, so ${names.length === 1 ? 'its value is' : 'their values are'} not used.`,
    fix: () => 'set the nearest design token in a theme: map or custom.css instead (see the manual, "Theming").',
  }),
  'slate-variables-rules': define<{ selectors: string[] }>({
    gravity: 'warning',
    message: ({ selectors }) =>
      `_variables.scss writes CSS rules of its own (${selectors.slice(0, 3).join(', ')}${selectors.length > 3 ? `, and ${selectors.length - 3} more` : ''}); Shale reads only its variables and fonts.`,
    fix: () => 'move the rules into custom.css, naming Shale\'s design tokens (see the manual, "Theming").',
  }),
  'slate-stylesheet-ignored': define<{ files: string[] }>({
    gravity: 'warning',
    message: ({ files }) =>
      `${files.join(', ')} ${files.length === 1 ? 'differs' : 'differ'} from Slate's own, and Shale does not compile Slate's stylesheets: only _variables.scss is read.`,
    fix: () => "move the rules you added into custom.css in the content folder (it is applied after Shale's CSS).",
  }),
  'brand-contrast-low': define<{ foreground: string; background: string; ratio: string }>({
    gravity: 'warning',
    message: ({ foreground, background, ratio }) =>
      `the text colour ${foreground} on ${background} has a contrast of ${ratio}:1, below the 4.5:1 WCAG AA asks of text.`,
    fix: () => 'darken one of the two colours or lighten the other until they reach 4.5:1.',
  }),
  'meta-attribute-invalid': define<{ name: string }>({
    gravity: 'error',
    message: ({ name }) => `meta attribute name "${name}" is not a plain attribute name.`,
    fix: () => 'use attributes such as name, property and content.',
  }),
  // A Slate layout showed toc_footers as they were written: in Slate's format, what a footer may not
  // hold is taken out with a warning (schema/toc-footers.ts), and the page builds.
  'footer-element': define<{ tag: string; whole: boolean }>({
    gravity: 'slate-tolerated',
    message: ({ tag, whole }, tolerated) =>
      `toc_footers entry has a <${tag}> element, which a footer may not hold.${tolerated ? (whole ? ' Shale leaves it out.' : ' Shale keeps its text and leaves the element out.') : ''}`,
    fix: () => 'use only links (<a href>), images (<img src alt>), inline emphasis (<em>, <strong>, <code>) and <div>, <p> or <br> in toc_footers.',
  }),
  'footer-event-handler': define<{ attribute: string }>({
    gravity: 'slate-tolerated',
    message: ({ attribute }, tolerated) =>
      `toc_footers entry has an event handler attribute (${attribute}), which could run script.${tolerated ? ' Shale leaves it out.' : ''}`,
    fix: () => 'remove the event handler; footers are plain links.',
  }),
  'footer-attribute': define<{ attribute: string; tag: string }>({
    gravity: 'slate-tolerated',
    message: ({ attribute, tag }, tolerated) =>
      `toc_footers entry has ${/^[aeiou]/.test(attribute) ? 'an' : 'a'} "${attribute}" attribute on <${tag}>, which a footer may not use.${tolerated ? ' Shale leaves it out.' : ''}`,
    fix: () => 'keep only href, target, rel and download on links, src, alt, width and height on images, and class, title, lang and dir on any element.',
  }),
  'footer-unsafe-url': define<{ url: string; image?: boolean }>({
    gravity: 'slate-tolerated',
    message: ({ url, image }, tolerated) => `toc_footers ${image ? 'image' : 'link'} has the unsafe URL "${url}".${tolerated ? ' Shale leaves it out.' : ''}`,
    fix: ({ image }) => (image ? 'use an http(s) or relative image address.' : 'use an http(s), mailto or relative link.'),
  }),
  'footer-image-alt': define<{ src: string }>({
    gravity: 'warning',
    message: ({ src }) => `toc_footers image "${src}" has no alt text, so a screen reader reads out its file name.`,
    fix: () => 'say what the image shows in alt="…" (a badge: its words, such as alt="Run in Postman").',
  }),
  'footer-empty': define<Record<string, never>>({
    gravity: 'slate-tolerated',
    message: (_facts, tolerated) => `toc_footers entry is empty.${tolerated ? ' Shale leaves it out (Slate showed an empty line).' : ''}`,
    fix: () => 'write the footer (a link such as <a href="https://example.com">Example</a>), or remove the empty entry.',
  }),
  'mdx-split': define({
    gravity: 'error',
    message: () => '`split: h1` works for Markdown pages; an MDX page is built as one page.',
    fix: () => 'remove `split`, or write the page and its includes as .md.',
  }),
  'search-nothing-to-index': define({
    // Slate showed a search box that found nothing (2acoin's front page: front matter only); Shale leaves the box out.
    gravity: 'slate-tolerated',
    message: (_, tolerated) =>
      `\`search: true\`, but no page that asks for search has anything to index, so Pagefind can make no index.${tolerated ? ' Shale leaves the search box out, where Slate showed one that found nothing.' : ''}`,
    fix: () => 'add a heading with some text, or set `search: false`.',
  }),

  // Includes.
  'include-empty-name': define({
    gravity: 'error',
    message: () => 'an include name is empty.',
    fix: () => 'remove the empty `-` line under includes.',
  }),
  'include-missing': define<{ name: string; fix: string }>({
    gravity: 'error',
    message: ({ name }) => `include "${name}" does not exist.`,
    fix: ({ fix }) => fix,
  }),
  'include-ambiguous': define<{ name: string; used: string; others: string }>({
    gravity: 'warning',
    message: ({ name, used, others }) => `include "${name}" matches ${used} and also ${others}; Shale uses ${used}.`,
    fix: () => 'rename or delete the file you do not mean.',
  }),
  'include-cycle': define<{ name: string; cycle: string }>({
    gravity: 'error',
    message: ({ name, cycle }) => `include "${name}" makes a cycle: ${cycle}.`,
    fix: () => 'remove one of the includes in the cycle.',
  }),
  'include-format': define<{ name: string; file: string; format: string; page: string; pageFormat: string; extension: string }>({
    gravity: 'error',
    message: ({ name, file, format, page, pageFormat }) =>
      `include "${name}" is ${format} (${file}) but ${page} is ${pageFormat}; a page and its includes share one format.`,
    fix: ({ file, extension }) => `rename ${file} to .${extension}.`,
  }),
  'slate-erb-in-markdown': define<{ count: number; shown: string }>({
    gravity: 'warning',
    message: ({ count, shown }) =>
      `${shown}${count > 1 ? ` and ${count - 1} more ERB tag${count > 2 ? 's' : ''}` : ''} in a Markdown file that is not ERB: Shale shows ${count > 1 ? 'them' : 'it'} as written, as Slate's own renderer did (a project's renderer that ran ERB over its Markdown printed ${count > 1 ? 'their' : 'its'} values).`,
    fix: () =>
      "name the file .md.erb (a page .html.md.erb) to have Shale read its ERB, and give each value in config.rb as a string: a helper in `helpers do` (`def api_url; 'https://…'; end`), or `set :api_url, '…'` read as `config[:api_url]`.",
  }),
  'erb-partial-missing': define<{ name: string; fix: string }>({
    gravity: 'error',
    message: ({ name }) => `partial "${name}" does not exist.`,
    fix: ({ fix }) => fix,
  }),
  'erb-partial-inline': define<{ code: string }>({
    gravity: 'error',
    message: ({ code }) => `${code} shares its line with other text; Shale puts a partial in place of a whole line.`,
    fix: () => 'put the partial call on a line of its own.',
  }),
  'erb-code': define<{ code: string }>({
    gravity: 'error',
    message: ({ code }) =>
      `${code} is Ruby code, which Shale does not run: in ERB it reads only partial, image_tag, comments, the strings config.rb sets (\`set :name, '…'\`, or a helper that returns one) and variables given strings (\`<% name = '…' %>\`).`,
    fix: () => 'write what the code printed into the file instead (shared text can go in a partial).',
  }),

  // What rendering finds.
  'slate-heading-in-list': define<{ heading: string }>({
    gravity: 'warning',
    message: ({ heading }) =>
      `"${heading}" is written right under a list item, with no blank line between, so Slate read it as text of the item, not a heading; Shale shows it as Slate did.`,
    fix: () => 'put a blank line before it to make it a heading (later headings with the same text then get other ids: check the links to them).',
  }),
  'slate-fence-after-paragraph': define<{ shown: string }>({
    gravity: 'warning',
    message: ({ shown }) =>
      `the code fence ${shown} starts right under a line of text, with no blank line between, so Slate showed it as inline text of that paragraph (or block quote); Shale shows the code block.`,
    fix: () => 'put a blank line before the fence (Slate needed one).',
  }),
  'slate-list-after-paragraph': define<{ shown: string }>({
    gravity: 'warning',
    message: ({ shown }) =>
      `the list item "${shown}" starts right under a line of text, with no blank line between, so Slate showed the list as text of that paragraph, its markers as written; Shale shows the list.`,
    fix: () => 'put a blank line before the list (Slate needed one).',
  }),
  'slate-table-after-paragraph': define<{ shown: string }>({
    gravity: 'warning',
    message: ({ shown }) =>
      `the table "${shown}" starts right under a line of text, with no blank line between, so Slate showed its rows as text of that paragraph, pipes and all; Shale shows the table.`,
    fix: () => 'put a blank line before the table (Slate needed one).',
  }),
  'slate-quote-after-list-item': define<{ shown: string }>({
    gravity: 'warning',
    message: ({ shown }) =>
      `the block quote "${shown}" starts right under a list item, with no blank line between, so Slate showed its lines as text of the item, the ">" as written; Shale shows the block quote.`,
    fix: () => 'put a blank line before the quote (Slate needed one), or remove the ">" if the text belongs to the item.',
  }),
  'slate-custom-heading-ids': define<{ code: string }>({
    gravity: 'warning',
    message: ({ code }) =>
      `${code} made heading ids otherwise than Slate's own renderer. Shale does not run a project's Ruby: the headings get Slate's usual ids, so links to the ids that code made (from this site or others) may not resolve.`,
    fix: () =>
      'check the ids of the built pages against the old site\'s (broken #links inside the docs are reported); a heading that must keep its old address can be written in HTML with that id: <h2 id="old-id">Title</h2>.',
  }),
  'slate-link-across-lines': define<{ destination: string; broken: string }>({
    gravity: 'warning',
    message: ({ destination, broken }) =>
      `a link's destination "${destination}" is broken across two lines, so Slate's link went to "${broken}", which is nowhere; Shale shows the link as text.`,
    fix: ({ destination }) => `write the destination on one line: (${destination}).`,
  }),
  'fence-unclosed': define<{ shown: string; fence: string }>({
    gravity: 'slate-tolerated',
    message: ({ shown }) => `the code fence ${shown} is never closed, so the rest of the file is shown as code.`,
    fix: ({ fence }) => `close it with ${fence} on a line of its own.`,
  }),
  'html-unclosed': define<{ tag: string }>({
    gravity: 'slate-tolerated',
    message: ({ tag }) => `<${tag}> is never closed, so the headings after it (and their code) end up inside it instead of in sections of their own.`,
    fix: ({ tag }) => `close it with </${tag}> where it should end.`,
  }),
  'fence-language-unknown': define<{ fence: string; nearest: readonly string[]; tab?: string; rouge?: boolean }>({
    gravity: 'slate-tolerated',
    message: ({ fence, rouge }, tolerated) =>
      rouge
        ? `code fence language "${fence}" has no grammar in shiki${tolerated ? '; it is shown as plain text (Slate highlighted it: its Rouge knows the name)' : ''}.`
        : `code fence language "${fence}" is unknown${tolerated ? '; it is shown as plain text, as in Slate' : ''}.`,
    fix: ({ fence, nearest, tab }) =>
      tab
        ? `"${fence}" is the label of the tab \`${tab}\`: a fence names the tab's language, so write \`\`\`${tab}\` for its code to follow that tab.`
        : nearest.length
          ? `use a language shiki knows (nearest: ${nearest.join(', ')}), or \`text\`.`
          : 'use a language shiki knows, or `text`.',
  }),
  'tab-code-missing': define<{ section: string; present: readonly string[]; missing: readonly string[] }>({
    gravity: 'warning',
    message: ({ section, present, missing }) => `${section} has code for ${present.join(', ')} but none for ${missing.join(', ')}.`,
    fix: ({ missing }) => `add a fence for ${missing.join(', ')}, or ignore this if the section needs none.`,
  }),
  'image-outside': define<{ src: string }>({
    gravity: 'slate-tolerated',
    message: ({ src }) => `image "${src}" is outside the content folder, so the site cannot serve it.`,
    fix: () => 'move the image into the content folder (Slate keeps them in images/) and link to it there.',
  }),
  'image-missing': define<{ path: string; tried: readonly string[] }>({
    gravity: 'warning',
    message: ({ path, tried }) => `image "${path}" does not exist in the content folder${tried.length > 1 ? ` (looked for ${tried.join(' and ')})` : ''}.`,
    fix: () => 'add the file, or correct the path.',
  }),
  'mdx-invalid': define<{ reason: string }>({
    gravity: 'error',
    message: ({ reason }) => `invalid MDX: ${reason.replace(/([^.])$/, '$1.')}`,
    fix: () => 'fix the MDX syntax: close every tag, write `{` as `\\{` and `<` as `&lt;` in text.',
  }),
  // OpenAPI specs named in front matter (src/openapi/).
  'openapi-spec-missing': define<{ spec: string; fix: string }>({
    gravity: 'error',
    message: ({ spec }) => `OpenAPI spec "${spec}" does not exist.`,
    fix: ({ fix }) => fix,
  }),
  'openapi-invalid': define<{ pointer: string; reason: string; fix?: string }>({
    gravity: 'error',
    message: ({ pointer, reason }) => `the spec is not valid at ${pointer || '/'}: ${reason.replace(/([^.])$/, '$1.')}`,
    fix: ({ fix }) => fix ?? 'correct the spec there (the OpenAPI specification says what each field may hold).',
  }),
  'openapi-example-unchecked': define<{ pointer: string; reason: string }>({
    gravity: 'warning',
    message: ({ pointer, reason }) => `the example at ${pointer || '/'} could not be checked: its schema does not compile (${reason.replace(/\.$/, '')}).`,
    fix: () => 'correct the schema (the example itself may be right).',
  }),
  'openapi-schema-keyword': define<{ pointer: string; keyword: string; version: string; hint: string }>({
    gravity: 'warning',
    message: ({ pointer, keyword, version }) =>
      `the schema at ${pointer.replace(/\/[^/]*$/, '') || '/'} has "${keyword}", which JSON Schema in OpenAPI ${version} does not have: tools that follow ${version} ignore it.`,
    fix: ({ hint }) => hint,
  }),
  'openapi-tag-undeclared': define<{ pointer: string; tag: string; operations: string }>({
    gravity: 'warning',
    message: ({ pointer, tag, operations }) =>
      `the tag "${tag}" (on ${operations === '1' ? 'one operation' : `${operations} operations`}, the first at ${pointer}) is not declared under "tags": its section has no description, and comes after the declared tags.`,
    fix: () => 'declare it under "tags", with a description, where it belongs in the order.',
  }),
  'openapi-example-mismatch': define<{ pointer: string; reason: string }>({
    gravity: 'warning',
    message: ({ pointer, reason }) => `the example at ${pointer || '/'} does not match its schema: ${reason.replace(/([^.])$/, '$1.')}`,
    fix: () => 'correct the example, or the schema if the example is what the API sends.',
  }),
  'openapi-version': define<{ version: string }>({
    gravity: 'error',
    message: ({ version }) => `the spec's version "${version}" is not one Shale reads.`,
    fix: () => 'write Swagger 2.0 (`swagger: "2.0"`) or OpenAPI 3.0, 3.1 or 3.2 (`openapi: 3.1.0`).',
  }),
  'openapi-tag-unknown': define<{ tag: string; known: string }>({
    gravity: 'error',
    message: ({ tag }) => `the spec has no operations tagged "${tag}".`,
    fix: ({ known }) => (known ? `use one of its tags: ${known}.` : 'the spec has no tags; remove `tags`.'),
  }),
  'openapi-operation-unknown': define<{ id: string; known: string }>({
    gravity: 'error',
    message: ({ id }) => `the spec has no operation with the operationId "${id}".`,
    fix: ({ known }) => (known ? `use one of its operationIds, such as: ${known}.` : 'the spec has no operationIds; give its operations one.'),
  }),
  'openapi-unsafe-html': define<{ pointer: string; what: string }>({
    gravity: 'warning',
    message: ({ pointer, what }) => `the description at ${pointer} holds ${what}; Shale left it out of the page.`,
    fix: () => 'remove it from the spec: descriptions may hold Markdown and plain HTML, never script, an inline style or a frame.',
  }),
  'openapi-code-language': define<{ pointer: string; language: string; nearest: string }>({
    gravity: 'warning',
    message: ({ pointer, language }) =>
      `the description at ${pointer} has a code block in "${language}", a language Shale does not know; it is shown as plain text, as other renderers show it.`,
    fix: ({ nearest }) => `name a language shiki knows${nearest ? ` (nearest: ${nearest})` : ''}, or \`text\`; a fence's first word is its language, not code.`,
  }),
  'openapi-sample-language': define<{ pointer: string; lang: string }>({
    gravity: 'warning',
    message: ({ pointer, lang }) => `the code sample in "${lang}" at ${pointer} matches no language tab of the page; it is not shown.`,
    fix: () => 'add a language tab for it under language_tabs, or give the sample the language of a tab.',
  }),
  'openapi-server-url': define<{ pointer: string; url: string; reason: string }>({
    gravity: 'error',
    message: ({ pointer, url, reason }) =>
      `the server URL "${url}" at ${pointer} is unusable: ${reason}, so no request sample can be written for the operations it serves.`,
    fix: () =>
      'write the whole URL (https://api.example.com/v1), or a variable for the part known only when the API is used: url: "https://{host}" with variables: host: default: a host a reader recognises; or give these operations x-codeSamples.',
  }),
  'openapi-no-sample': define<{ pointer: string; tab: string }>({
    gravity: 'error',
    message: ({ pointer, tab }) => `the operation at ${pointer} has no code sample for the "${tab}" tab, and Shale cannot write one in that language.`,
    fix: () =>
      'add an x-codeSamples entry in that language, or use tabs Shale writes samples for: shell, ruby, python, javascript, javascript--node, go, java, php, csharp, http.',
  }),

  'render-failed': define<{ reason: string }>({
    gravity: 'error',
    message: ({ reason }) => `Shale failed to render this page (internal error: ${reason}).`,
    fix: () => 'this is a bug in Shale; please report it with this page. Meanwhile, find the part of the page that triggers it by removing parts.',
  }),

  // What settling the page finds (src/settle/).
  'id-duplicate': define<{ id: string; renamed?: string }>({
    gravity: 'slate-tolerated',
    message: ({ id, renamed }) =>
      `id "${id}" is already used earlier on the page${renamed ? `; this one is now "${renamed}" (links go to the first, as in a browser)` : ''}.`,
    fix: () => 'give one of the elements another id.',
  }),
  'link-broken': define<{ anchor: string; nearest: readonly string[]; spec?: boolean }>({
    gravity: 'slate-tolerated',
    message: ({ anchor }) => `link "#${anchor}" points to no id on this page.`,
    fix: anchorFix,
  }),
  'footer-link-broken': define<{ anchor: string; nearest: readonly string[] }>({
    gravity: 'slate-tolerated',
    message: ({ anchor }) => `toc_footers link "#${anchor}" points to no id on this page.`,
    fix: anchorFix,
  }),
  'heading-id-empty': define<{ text: string; stray: string }>({
    gravity: 'slate-tolerated',
    message: ({ text, stray }, tolerated) =>
      `heading "${text}" has an empty id (id="")${stray ? `: a quote ended its value early, and the rest (${stray}) became attributes of no meaning` : ''}${tolerated ? '; it gets an id made from its text, as a heading without one' : ''}.`,
    fix: ({ stray }) =>
      stray
        ? "write the id without double quotes in it (Widdershins copies an operation's summary into it: take the quotes out of the summary, or run Widdershins without --summary)."
        : 'give the heading an id, or leave the attribute out.',
  }),
  'heading-before-h1': define<{ text: string; level: number }>({
    gravity: 'warning',
    message: ({ text, level }) => `heading "${text}" (h${level}) comes before any h1, so the table of contents leaves it out.`,
    fix: () => 'put an h1 above it, or make it an h1.',
  }),
} satisfies Record<string, Definition<never>>;

export type ProblemKind = keyof typeof DEFINITIONS;

/** The facts a kind's message needs. */
export type FactsOf<K extends ProblemKind> = Parameters<(typeof DEFINITIONS)[K]['message']>[0];
