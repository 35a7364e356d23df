import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild, hasStackTrace, previousSite, reportOf, snapshot } from './support/build';
import { checkFolder } from '../support/render';
import { ShaleBuildError } from '../../src/engine/fail';
import { DEFINITIONS, type ProblemKind } from '../../src/validation/definitions';
import type { Problem } from '../../src/validation/problem';

/**
 * Every check of `npm run build`, each on a tiny content folder in tests/fixtures/broken/<check>/,
 * with the exact report it must print. Report paths are relative to the project folder, where the
 * build runs.
 */
const F = 'tests/fixtures/broken';

/** The kinds of the problems, in the order the report lists them (by file, then line). */
const kindsInReportOrder = (problems: readonly Problem[]) =>
  [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0)).map((problem) => problem.kind);

const ERRORS: Array<{ check: string; fixture: string; kinds: ProblemKind[]; report: string }> = [
  {
    check: 'front matter of the wrong type',
    fixture: 'front-matter-type',
    kinds: ['front-matter-value', 'front-matter-value', 'front-matter-value'],
    report: `✗ Found 3 errors in 1 file

${F}/front-matter-type/index.md
  ✗ ${F}/front-matter-type/index.md:3  search: Expected boolean, received string. Fix: write true or false.
  ✗ ${F}/front-matter-type/index.md:4  toc_depth: must be 2 or 3. Fix: write \`toc_depth: 2\` (h1 and h2, as Slate) or \`toc_depth: 3\` (also h3).
  ✗ ${F}/front-matter-type/index.md:5  includes: Expected array, received string. Fix: write a YAML list, one \`- item\` per line.`,
  },
  {
    check: 'an unknown front-matter key, with a did-you-mean',
    fixture: 'unknown-key',
    kinds: ['front-matter-unknown-key', 'front-matter-renamed-key'],
    report: `✗ Found 2 errors in 1 file

${F}/unknown-key/index.md
  ✗ ${F}/unknown-key/index.md:3  unknown front-matter key "lenguage_tabs". Fix: did you mean "language_tabs"?
  ✗ ${F}/unknown-key/index.md:5  front-matter key "languages" is Slate's old name for "language_tabs". Fix: rename it to "language_tabs".`,
  },
  {
    check: 'a language_tabs entry that is neither a name nor a one-key map',
    fixture: 'tab-entry',
    kinds: ['tab-entry-invalid', 'tab-entry-invalid'],
    report: `✗ Found 2 errors in 1 file

${F}/tab-entry/index.md
  ✗ ${F}/tab-entry/index.md:5  language_tabs entry {"ruby":"Ruby","python":"Python"} is neither a language name nor a one-key map. Fix: write \`- ruby\` or \`- shell: cURL\` (language: label).
  ✗ ${F}/tab-entry/index.md:7  language_tabs entry ["javascript"] is neither a language name nor a one-key map. Fix: write \`- ruby\` or \`- shell: cURL\` (language: label).`,
  },
  {
    check: 'a tab language shiki does not know, with the nearest names',
    fixture: 'tab-language',
    kinds: ['tab-language-unknown', 'tab-language-unknown'],
    report: `✗ Found 2 errors in 1 file

${F}/tab-language/index.md
  ✗ ${F}/tab-language/index.md:5  language tab "rubby" is not a language shiki knows. Fix: use a language shiki knows (nearest: ruby).
  ✗ ${F}/tab-language/index.md:6  language tab "pyton--v2" is not a language shiki knows. Fix: use a language shiki knows (nearest: python).`,
  },
  {
    check: 'a fence language shiki does not know, with the nearest names',
    fixture: 'fence-language',
    kinds: ['fence-language-unknown'],
    report: `✗ Found 1 error in 1 file

${F}/fence-language/index.md
  ✗ ${F}/fence-language/index.md:13  code fence language "jsn" is unknown. Fix: use a language shiki knows (nearest: js, json, jsx), or \`text\`.`,
  },
  {
    check: 'an include that does not exist, listing those that do',
    fixture: 'missing-include',
    kinds: ['include-missing'],
    report: `✗ Found 1 error in 1 file

${F}/missing-include/index.md
  ✗ ${F}/missing-include/index.md:5  include "erors" does not exist. Fix: create includes/_erors.md, or use one of: authentication, errors, kittens.`,
  },
  {
    check: 'an include cycle',
    fixture: 'include-cycle',
    kinds: ['include-cycle'],
    report: `✗ Found 1 error in 1 file

${F}/include-cycle/includes/_second.md
  ✗ ${F}/include-cycle/includes/_second.md:3  include "first" makes a cycle: _first.md → _second.md → _first.md. Fix: remove one of the includes in the cycle.`,
  },
  {
    check: 'ERB a Slate page needs Ruby for, a partial sharing its line, a partial that does not exist',
    fixture: 'erb',
    kinds: ['erb-code', 'erb-partial-inline', 'erb-partial-missing'],
    report: `✗ Found 3 errors in 1 file

${F}/erb/index.html.md.erb
  ✗ ${F}/erb/index.html.md.erb:7  <%= config[:api_version] %> is Ruby code, which Shale does not run: in ERB it reads only partial, image_tag, comments, the strings config.rb sets (\`set :name, '…'\`, or a helper that returns one) and variables given strings (\`<% name = '…' %>\`). Fix: write what the code printed into the file instead (shared text can go in a partial).
  ✗ ${F}/erb/index.html.md.erb:9  <%= partial "includes/notes" %> shares its line with other text; Shale puts a partial in place of a whole line. Fix: put the partial call on a line of its own.
  ✗ ${F}/erb/index.html.md.erb:11  partial "includes/changelog" does not exist. Fix: create includes/_changelog.md (a partial is looked up beside the file that calls it, then from the content folder).`,
  },
  {
    check: 'search: true on pages with nothing to index, said before Astro runs',
    fixture: 'search-nothing',
    kinds: ['search-nothing-to-index'],
    report: `✗ Found 1 error in 1 file

${F}/search-nothing/index.md
  ✗ ${F}/search-nothing/index.md:4  \`search: true\`, but no page that asks for search has anything to index, so Pagefind can make no index. Fix: add a heading with some text, or set \`search: false\`.`,
  },
  {
    check: "invalid MDX, with MDX's own message at the include's line",
    fixture: 'invalid-mdx',
    kinds: ['mdx-invalid'],
    report: `✗ Found 1 error in 1 file

${F}/invalid-mdx/includes/_broken.mdx
  ✗ ${F}/invalid-mdx/includes/_broken.mdx:3  invalid MDX: Unexpected end of file in expression, expected a corresponding closing brace for \`{\`. Fix: fix the MDX syntax: close every tag, write \`{\` as \`\\{\` and \`<\` as \`&lt;\` in text.`,
  },
  {
    check: 'invalid Markdown: a code fence that is never closed',
    fixture: 'unclosed-fence',
    kinds: ['fence-unclosed'],
    report: `✗ Found 1 error in 1 file

${F}/unclosed-fence/index.md
  ✗ ${F}/unclosed-fence/index.md:7  the code fence \`\`\`shell is never closed, so the rest of the file is shown as code. Fix: close it with \`\`\` on a line of its own.`,
  },
  {
    check: 'invalid Markdown: a raw HTML element that is never closed',
    fixture: 'unclosed-html',
    kinds: ['html-unclosed'],
    report: `✗ Found 1 error in 1 file

${F}/unclosed-html/index.md
  ✗ ${F}/unclosed-html/index.md:7  <div> is never closed, so the headings after it (and their code) end up inside it instead of in sections of their own. Fix: close it with </div> where it should end.`,
  },
  {
    check: 'invalid Markdown: front matter that is never closed',
    fixture: 'unclosed-front-matter',
    kinds: ['front-matter-unclosed'],
    report: `✗ Found 1 error in 1 file

${F}/unclosed-front-matter/index.md
  ✗ ${F}/unclosed-front-matter/index.md:1  the front matter opened on line 1 is never closed. Fix: end it with a line of three dashes (---) after the last key.`,
  },
  {
    check: 'a #link in the content that matches no id',
    fixture: 'broken-anchor',
    kinds: ['link-broken'],
    report: `✗ Found 1 error in 1 file

${F}/broken-anchor/index.md
  ✗ ${F}/broken-anchor/index.md:7  link "#autentication" points to no id on this page. Fix: did you mean "#authentication"?`,
  },
  {
    check: 'a #link in toc_footers that matches no id',
    fixture: 'footer-anchor',
    kinds: ['footer-link-broken'],
    report: `✗ Found 1 error in 1 file

${F}/footer-anchor/index.md
  ✗ ${F}/footer-anchor/index.md:5  toc_footers link "#sign-up" points to no id on this page. Fix: link to the id of a heading on this page.`,
  },
  {
    check: 'unsafe toc_footers markup: a javascript: URL, an event handler, a script',
    fixture: 'unsafe-footer',
    kinds: ['footer-unsafe-url', 'footer-event-handler', 'footer-element', 'footer-empty'],
    report: `✗ Found 4 errors in 1 file

${F}/unsafe-footer/index.md
  ✗ ${F}/unsafe-footer/index.md:5  toc_footers link has the unsafe URL "javascript:alert(1)". Fix: use an http(s), mailto or relative link.
  ✗ ${F}/unsafe-footer/index.md:6  toc_footers entry has an event handler attribute (onclick), which could run script. Fix: remove the event handler; footers are plain links.
  ✗ ${F}/unsafe-footer/index.md:7  toc_footers entry has a <script> element, which a footer may not hold. Fix: use only links (<a href>), images (<img src alt>), inline emphasis (<em>, <strong>, <code>) and <div>, <p> or <br> in toc_footers.
  ✗ ${F}/unsafe-footer/index.md:8  toc_footers entry is empty. Fix: write the footer (a link such as <a href="https://example.com">Example</a>), or remove the empty entry.`,
  },
  {
    check: 'an id used twice',
    fixture: 'duplicate-id',
    kinds: ['id-duplicate'],
    report: `✗ Found 1 error in 1 file

${F}/duplicate-id/index.md
  ✗ ${F}/duplicate-id/index.md:9  id "setup" is already used earlier on the page. Fix: give one of the elements another id.`,
  },
  {
    check: 'a raw-HTML heading with an empty id (a quote in the id ended it)',
    fixture: 'empty-heading-id',
    kinds: ['heading-id-empty'],
    report: `✗ Found 1 error in 1 file

${F}/empty-heading-id/index.md
  ✗ ${F}/empty-heading-id/index.md:7  heading "Parameters" has an empty id (id=""): a quote ended its value early, and the rest (update-a-volume" -parameters") became attributes of no meaning. Fix: write the id without double quotes in it (Widdershins copies an operation's summary into it: take the quotes out of the summary, or run Widdershins without --summary).`,
  },
  {
    check: 'an image outside the content folder',
    fixture: 'image-outside',
    kinds: ['image-outside'],
    report: `✗ Found 1 error in 1 file

${F}/image-outside/index.md
  ✗ ${F}/image-outside/index.md:7  image "../secret.png" is outside the content folder, so the site cannot serve it. Fix: move the image into the content folder (Slate keeps them in images/) and link to it there.`,
  },
  {
    check: 'a missing content folder',
    fixture: 'no-such-folder',
    kinds: ['content-folder-missing'],
    report: `✗ Found 1 error in 1 file

${F}/no-such-folder
  ✗ ${F}/no-such-folder  the content folder does not exist. Fix: create it, or point SHALE_CONTENT at the folder that holds index.mdx or index.html.md.`,
  },
  {
    check: 'an empty content folder',
    fixture: 'empty-content',
    kinds: ['content-folder-empty'],
    report: `✗ Found 1 error in 1 file

${F}/empty-content
  ✗ ${F}/empty-content  the content folder holds no pages. Fix: add index.mdx (or a Slate index.html.md) with the docs.`,
  },
  {
    check: 'a missing index page',
    fixture: 'missing-index',
    kinds: ['index-page-missing'],
    report: `✗ Found 1 error in 1 file

${F}/missing-index
  ✗ ${F}/missing-index  the content folder has no index page. Fix: add index.mdx, index.md or index.html.md: it becomes the front page.`,
  },
  {
    check: 'a missing index page, where the folder has a plain index.html (a Slate source redirecting to its current version)',
    fixture: 'missing-index-plain-html',
    kinds: ['index-page-missing'],
    report: `✗ Found 1 error in 1 file

${F}/missing-index-plain-html
  ✗ ${F}/missing-index-plain-html  the content folder has no index page: its index.html is plain HTML, which Shale does not publish. Fix: add index.md in its place (a \`<meta http-equiv="refresh">\` under \`head:\` in its front matter sends readers on, as the HTML did).`,
  },
  {
    check: "a missing index page, where the folder's page is localizable/index.html.md (Middleman's i18n)",
    fixture: 'slate-localizable',
    kinds: ['index-page-missing'],
    report: `✗ Found 1 error in 1 file

${F}/slate-localizable
  ✗ ${F}/slate-localizable  the content folder has no index page: its page is localizable/index.html.md, which Middleman's i18n built once per language, and Shale does not. Fix: move it to index.html.md (text the layout translated with I18n.t is shown as written: write it out in the page).`,
  },
  {
    check: 'two page files that make the same page',
    fixture: 'page-twice',
    kinds: ['page-output-twice'],
    report: `✗ Found 1 error in 1 file

${F}/page-twice/guide.md
  ✗ ${F}/page-twice/guide.md  guide.md and guide.mdx both make guide.html. Fix: remove guide.md, or rename it so that each page has an address of its own.`,
  },
  {
    check: 'front matter that is not valid YAML',
    fixture: 'front-matter-yaml',
    kinds: ['front-matter-yaml'],
    report: `✗ Found 1 error in 1 file

${F}/front-matter-yaml/index.md
  ✗ ${F}/front-matter-yaml/index.md:4  front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]. Fix: fix the YAML syntax (indentation, quotes, colons).`,
  },
  {
    check: 'front matter that is a list, not a map of keys',
    fixture: 'front-matter-list',
    kinds: ['front-matter-not-a-map'],
    report: `✗ Found 1 error in 1 file

${F}/front-matter-list/index.md
  ✗ ${F}/front-matter-list/index.md:2  front matter must be a map of keys (title: …). Fix: write one \`key: value\` per line.`,
  },
  {
    check: 'page settings in the front matter of an include',
    fixture: 'include-front-matter',
    kinds: ['include-front-matter-key', 'include-front-matter-key'],
    report: `✗ Found 2 errors in 1 file

${F}/include-front-matter/includes/_errors.md
  ✗ ${F}/include-front-matter/includes/_errors.md:2  unknown front-matter key "title". Fix: an include may only name further includes; put page settings in the page front matter.
  ✗ ${F}/include-front-matter/includes/_errors.md:3  unknown front-matter key "search". Fix: an include may only name further includes; put page settings in the page front matter.`,
  },
  {
    check: 'a meta tag with an event handler',
    fixture: 'meta-attribute',
    kinds: ['meta-attribute-invalid'],
    report: `✗ Found 1 error in 1 file

${F}/meta-attribute/index.md
  ✗ ${F}/meta-attribute/index.md:6  meta attribute name "onload" is not a plain attribute name. Fix: use attributes such as name, property and content.`,
  },
  {
    check: 'a toc_footers link with an attribute a footer may not use',
    fixture: 'footer-attribute',
    kinds: ['footer-attribute'],
    report: `✗ Found 1 error in 1 file

${F}/footer-attribute/index.md
  ✗ ${F}/footer-attribute/index.md:4  toc_footers entry has a "style" attribute on <a>, which a footer may not use. Fix: keep only href, target, rel and download on links, src, alt, width and height on images, and class, title, lang and dir on any element.`,
  },
  {
    check: '`split: h1` on an MDX page',
    fixture: 'mdx-split',
    kinds: ['mdx-split'],
    report: `✗ Found 1 error in 1 file

${F}/mdx-split/index.mdx
  ✗ ${F}/mdx-split/index.mdx:3  \`split: h1\` works for Markdown pages; an MDX page is built as one page. Fix: remove \`split\`, or write the page and its includes as .md.`,
  },
  {
    check: 'an empty include name',
    fixture: 'include-empty-name',
    kinds: ['include-empty-name'],
    report: `✗ Found 1 error in 1 file

${F}/include-empty-name/index.md
  ✗ ${F}/include-empty-name/index.md:4  an include name is empty. Fix: remove the empty \`-\` line under includes.`,
  },
  {
    check: 'an include in the other format (MDX in a Markdown page)',
    fixture: 'include-format',
    kinds: ['include-format'],
    report: `✗ Found 1 error in 1 file

${F}/include-format/index.md
  ✗ ${F}/include-format/index.md:4  include "errors" is MDX (_errors.mdx) but index.md is Markdown; a page and its includes share one format. Fix: rename _errors.mdx to .md.`,
  },
  {
    check: "keys only a Slate layout reads, and repeated ids, in Shale's own format (Slate's is lenient: below)",
    fixture: 'leniency-in-md',
    kinds: ['front-matter-unknown-key', 'front-matter-unknown-key', 'front-matter-unknown-key', 'id-duplicate', 'id-duplicate'],
    report: `✗ Found 5 errors in 1 file

${F}/leniency-in-md/index.md
  ✗ ${F}/leniency-in-md/index.md:3  unknown front-matter key "home_link". Fix: use one of: title, language_tabs, toc_footers, includes, search, code_clipboard, meta, description, toc_depth, split, openapi, theme, head.
  ✗ ${F}/leniency-in-md/index.md:4  unknown front-matter key "warning". Fix: use one of: title, language_tabs, toc_footers, includes, search, code_clipboard, meta, description, toc_depth, split, openapi, theme, head.
  ✗ ${F}/leniency-in-md/index.md:5  unknown front-matter key "lenguage_tabs". Fix: did you mean "language_tabs"?
  ✗ ${F}/leniency-in-md/index.md:29  id "list-secrets" is already used earlier on the page. Fix: give one of the elements another id.
  ✗ ${F}/leniency-in-md/index.md:39  id "note" is already used earlier on the page. Fix: give one of the elements another id.`,
  },
  {
    check: 'an OpenAPI spec named in front matter that does not exist, with the specs there are',
    fixture: 'openapi-missing-spec',
    kinds: ['openapi-spec-missing'],
    report: `✗ Found 1 error in 1 file

${F}/openapi-missing-spec/index.md
  ✗ ${F}/openapi-missing-spec/index.md:3  OpenAPI spec "specs/pets.yml" does not exist. Fix: use one of: specs/pets.yaml.`,
  },
  {
    check: 'an invalid OpenAPI spec, across its files: every problem with its file, line and JSON pointer (and an undeclared tag, a warning)',
    fixture: 'openapi-invalid',
    kinds: ['openapi-tag-undeclared', 'openapi-invalid', 'openapi-invalid', 'openapi-invalid', 'openapi-invalid', 'openapi-invalid'],
    report: `✗ Found 5 errors and 1 warning in 2 files

${F}/openapi-invalid/api.yaml
  ⚠ ${F}/openapi-invalid/api.yaml:11  the tag "pet" (on one operation, the first at /paths/~1pets~1{id}/get/tags/0) is not declared under "tags": its section has no description, and comes after the declared tags. Fix: declare it under "tags", with a description, where it belongs in the order.
  ✗ ${F}/openapi-invalid/api.yaml:17  the spec is not valid at /paths/~1pets~1{id}/get/parameters/0/schema/type: "type" can be one of the following only: "object", "array", "string", "number", "integer", "boolean", "null" (did you mean "object"?). Fix: correct the spec there (the OpenAPI specification says what each field may hold).
  ✗ ${F}/openapi-invalid/api.yaml:27  the spec is not valid at /paths/~1pets/get/getPet: Every operation must have a unique "operationId". Fix: correct the spec there (the OpenAPI specification says what each field may hold).
  ✗ ${F}/openapi-invalid/api.yaml:29  the spec is not valid at /paths/~1pets/get/responses/200: The field "description" must be present on this level. Fix: correct the spec there (the OpenAPI specification says what each field may hold).
  ✗ ${F}/openapi-invalid/api.yaml:30  the spec is not valid at /paths/~1pets/get/responses/200/descriptionn: Property "descriptionn" is not expected here (did you mean "description"?). Fix: correct the spec there (the OpenAPI specification says what each field may hold).

${F}/openapi-invalid/schemas.yaml
  ✗ ${F}/openapi-invalid/schemas.yaml:5  the spec is not valid at /Pet/properties/owner: Can't resolve $ref. Fix: correct the spec there (the OpenAPI specification says what each field may hold).`,
  },
  {
    check: 'an OpenAPI version Shale does not read',
    fixture: 'openapi-version',
    kinds: ['openapi-version'],
    report: `✗ Found 1 error in 1 file

${F}/openapi-version/api.json
  ✗ ${F}/openapi-version/api.json:2  the spec's version "4.0.0" is not one Shale reads. Fix: write Swagger 2.0 (\`swagger: "2.0"\`) or OpenAPI 3.0, 3.1 or 3.2 (\`openapi: 3.1.0\`).`,
  },
  {
    check:
      "a page that asks a spec for a tag it lacks, a tab no sample covers, a broken link in a description (at its operation's line and pointer), a server URL with no host",
    fixture: 'openapi-page',
    kinds: ['openapi-no-sample', 'tab-code-missing', 'link-broken', 'openapi-server-url', 'openapi-tag-unknown'],
    report: `✗ Found 4 errors and 1 warning in 2 files

${F}/openapi-page/api.yaml
  ✗ ${F}/openapi-page/api.yaml:8  the operation at /paths/~1pets/get has no code sample for the "haskell" tab, and Shale cannot write one in that language. Fix: add an x-codeSamples entry in that language, or use tabs Shale writes samples for: shell, ruby, python, javascript, javascript--node, go, java, php, csharp, http.
  ⚠ ${F}/openapi-page/api.yaml:8  section "List pets" has code for shell but none for haskell (in the spec at /paths/~1pets/get). Fix: add a fence for haskell, or ignore this if the section needs none.
  ✗ ${F}/openapi-page/api.yaml:8  link "#list-cats" points to no id on this page (in the spec at /paths/~1pets/get). Fix: did you mean "#list-pets"?
  ✗ ${F}/openapi-page/api.yaml:21  the server URL "https://" at /paths/~1uploads/put/servers/0/url is unusable: it has no host, so no request sample can be written for the operations it serves. Fix: write the whole URL (https://api.example.com/v1), or a variable for the part known only when the API is used: url: "https://{host}" with variables: host: default: a host a reader recognises; or give these operations x-codeSamples.

${F}/openapi-page/index.md
  ✗ ${F}/openapi-page/index.md:6  the spec has no operations tagged "cats". Fix: use one of its tags: pets.`,
  },
  {
    check: 'OpenAPI components in an MDX page: an unknown operationId, an unknown tag, a missing spec; lines after them stay right',
    fixture: 'openapi-mdx',
    kinds: ['openapi-operation-unknown', 'openapi-tag-unknown', 'openapi-spec-missing', 'link-broken'],
    report: `✗ Found 4 errors in 1 file

${F}/openapi-mdx/index.mdx
  ✗ ${F}/openapi-mdx/index.mdx:11  the spec has no operation with the operationId "getPet". Fix: use one of its operationIds, such as: listPets.
  ✗ ${F}/openapi-mdx/index.mdx:13  the spec has no operations tagged "cats". Fix: use one of its tags: pets.
  ✗ ${F}/openapi-mdx/index.mdx:15  OpenAPI spec "pets.yaml" does not exist. Fix: use one of: api.yaml.
  ✗ ${F}/openapi-mdx/index.mdx:17  link "#nowhere" points to no id on this page. Fix: link to the id of a heading on this page.`,
  },
  {
    check: 'a theme: map with a token that does not exist and a value that is not CSS for its token',
    fixture: 'theme-map',
    kinds: ['theme-token-unknown', 'theme-value-invalid'],
    report: `✗ Found 2 errors in 1 file

${F}/theme-map/index.md
  ✗ ${F}/theme-map/index.md:4  theme: "nav-acitve-bg" is not one of Shale's design tokens. Fix: did you mean "nav-active-bg"?
  ✗ ${F}/theme-map/index.md:5  theme: the value "wide" of examples-width is not valid CSS for it: it is not a CSS length (230px, 50%, 1.5rem, calc(…)). Fix: give one CSS value of the kind its default is (see the list in the manual, "Theming").`,
  },
  {
    check: 'inline script among the head: tags',
    fixture: 'head-tag',
    kinds: ['head-tag-invalid'],
    report: `✗ Found 1 error in 1 file

${F}/head-tag/index.md
  ✗ ${F}/head-tag/index.md:5  head: <script>track()</script> cannot go in the page's <head>: a <script> without src is inline script. Fix: write one <link>, <meta> or <script src="…"></script> per entry; put script code in a file (a strict Content-Security-Policy blocks inline script).`,
  },
  {
    check: 'a custom.css that does not parse',
    fixture: 'custom-css',
    kinds: ['custom-css-invalid'],
    report: `✗ Found 1 error in 1 file

${F}/custom-css/custom.css
  ✗ ${F}/custom-css/custom.css:5  custom.css does not parse: Unclosed block. Fix: fix the CSS at that line (an unclosed brace or string is the usual cause).`,
  },
  {
    check: "a Slate source's _variables.scss that does not compile",
    fixture: 'slate-variables',
    kinds: ['slate-variables-invalid'],
    report: `✗ Found 1 error in 1 file

${F}/slate-variables/stylesheets/_variables.scss
  ✗ ${F}/slate-variables/stylesheets/_variables.scss:3  _variables.scss does not compile: Undefined variable ($undefined-brand). Fix: fix it as Sass would ask (Slate compiled it with Sass too), or remove it to keep Shale's colours.`,
  },
];

/** `absent`: files the build must not write (a search index left out). */
const WARNINGS: Array<{ check: string; fixture: string; kinds: ProblemKind[]; report: string; files: string[]; absent?: string[] }> = [
  {
    check: "in Slate's own format, a page left beside its ERB twin (the later name is built)",
    fixture: 'slate-page-twice',
    kinds: ['page-output-twice'],
    files: ['index.html'],
    report: `⚠ Found 1 warning in 1 file

${F}/slate-page-twice/index.html.md
  ⚠ ${F}/slate-page-twice/index.html.md  index.html.md and index.html.md.erb both make index.html. Shale builds index.html.md.erb and leaves index.html.md out. Fix: remove index.html.md, or rename it so that each page has an address of its own.`,
  },
  {
    check: 'a section whose code misses one of the tab languages',
    fixture: 'missing-tab-language',
    kinds: ['tab-code-missing'],
    files: ['index.html'],
    report: `⚠ Found 1 warning in 1 file

${F}/missing-tab-language/includes/_kittens.md
  ⚠ ${F}/missing-tab-language/includes/_kittens.md:11  section "Get a Kitten" has code for shell but none for ruby. Fix: add a fence for ruby, or ignore this if the section needs none.`,
  },
  {
    check: 'a missing image (the images that exist are published)',
    fixture: 'missing-image',
    kinds: ['image-missing', 'image-missing'],
    files: ['index.html', 'images/logo.png'],
    report: `⚠ Found 2 warnings in 1 file

${F}/missing-image/index.md
  ⚠ ${F}/missing-image/index.md:9  image "images/screenshot.png" does not exist in the content folder. Fix: add the file, or correct the path.
  ⚠ ${F}/missing-image/index.md:11  image "images/diagram.svg" does not exist in the content folder. Fix: add the file, or correct the path.`,
  },
  {
    check:
      "in Slate's own format, what Slate let through: an unknown fence language, one only Slate's Rouge highlighted (Rouge's `gradle` is shiki's groovy: silent), a broken #link, an unclosed fence",
    fixture: 'slate-tolerated',
    kinds: ['link-broken', 'fence-language-unknown', 'fence-language-unknown', 'fence-unclosed'],
    files: ['index.html'],
    report: `⚠ Found 4 warnings in 1 file

${F}/slate-tolerated/index.html.md
  ⚠ ${F}/slate-tolerated/index.html.md:7  link "#kitens" points to no id on this page. Fix: did you mean "#kittens"?
  ⚠ ${F}/slate-tolerated/index.html.md:9  code fence language "response" is unknown; it is shown as plain text, as in Slate. Fix: use a language shiki knows, or \`text\`.
  ⚠ ${F}/slate-tolerated/index.html.md:13  code fence language "jsp" has no grammar in shiki; it is shown as plain text (Slate highlighted it: its Rouge knows the name). Fix: use a language shiki knows (nearest: js, jsx, tsp), or \`text\`.
  ⚠ ${F}/slate-tolerated/index.html.md:23  the code fence \`\`\`shell is never closed, so the rest of the file is shown as code. Fix: close it with \`\`\` on a line of its own.`,
  },
  {
    check: "in Slate's own format, toc_footers markup a footer may not hold, taken out (the page builds)",
    fixture: 'slate-footers',
    kinds: ['footer-attribute', 'footer-unsafe-url', 'footer-element', 'footer-empty'],
    files: ['index.html'],
    report: `⚠ Found 4 warnings in 1 file

${F}/slate-footers/index.html.md
  ⚠ ${F}/slate-footers/index.html.md:4  toc_footers entry has an "id" attribute on <div>, which a footer may not use. Shale leaves it out. Fix: keep only href, target, rel and download on links, src, alt, width and height on images, and class, title, lang and dir on any element.
  ⚠ ${F}/slate-footers/index.html.md:6  toc_footers link has the unsafe URL "javascript:alert(1)". Shale leaves it out. Fix: use an http(s), mailto or relative link.
  ⚠ ${F}/slate-footers/index.html.md:7  toc_footers entry has a <script> element, which a footer may not hold. Shale leaves it out. Fix: use only links (<a href>), images (<img src alt>), inline emphasis (<em>, <strong>, <code>) and <div>, <p> or <br> in toc_footers.
  ⚠ ${F}/slate-footers/index.html.md:8  toc_footers entry is empty. Shale leaves it out (Slate showed an empty line). Fix: write the footer (a link such as <a href="https://example.com">Example</a>), or remove the empty entry.`,
  },
  {
    check:
      "in Slate's own format, a tab named after no language shiki knows: its code is shown under it as plain text; a fence named by a tab's label is told the tab's language",
    fixture: 'slate-tab-language',
    kinds: ['tab-language-unknown', 'tab-code-missing', 'fence-language-unknown', 'fence-language-unknown'],
    files: ['index.html'],
    report: `⚠ Found 4 warnings in 1 file

${F}/slate-tab-language/index.html.md
  ⚠ ${F}/slate-tab-language/index.html.md:5  language tab "curl" is not a language shiki knows; its code is shown as plain text, as in Slate. Fix: use a language shiki knows (nearest: hurl, cql, cue).
  ⚠ ${F}/slate-tab-language/index.html.md:10  section "Get a Kitten" has code for curl, ruby but none for javascript. Fix: add a fence for javascript, or ignore this if the section needs none.
  ⚠ ${F}/slate-tab-language/index.html.md:12  code fence language "curl" is unknown; it is shown as plain text, as in Slate. Fix: use a language shiki knows (nearest: hurl, cql, cue), or \`text\`.
  ⚠ ${F}/slate-tab-language/index.html.md:20  code fence language "Node.js" is unknown; it is shown as plain text, as in Slate. Fix: "Node.js" is the label of the tab \`javascript\`: a fence names the tab's language, so write \`\`\`javascript\` for its code to follow that tab.`,
  },
  {
    check: 'an include name that matches two files',
    fixture: 'include-ambiguous',
    kinds: ['include-ambiguous'],
    files: ['index.html'],
    report: `⚠ Found 1 warning in 1 file

${F}/include-ambiguous/index.md
  ⚠ ${F}/include-ambiguous/index.md:4  include "errors" matches _errors.md and also errors.md; Shale uses _errors.md. Fix: rename or delete the file you do not mean.`,
  },
  {
    check:
      "in Slate's own format, heading lines right under a list item (text of the item, as Redcarpet read them, a second one too), a fence right under a line of text, a block quote or a list item's text, a list right under a line of text, a link destination broken across lines, a block quote right under a list item, ERB tags in a file that is not ERB, a table right under a line of text",
    fixture: 'slate-redcarpet-text',
    kinds: [
      'slate-heading-in-list',
      'slate-heading-in-list',
      'slate-fence-after-paragraph',
      'slate-list-after-paragraph',
      'slate-fence-after-paragraph',
      'slate-link-across-lines',
      'slate-quote-after-list-item',
      'slate-erb-in-markdown',
      'slate-fence-after-paragraph',
      'slate-table-after-paragraph',
    ],
    files: ['index.html'],
    report: `⚠ Found 10 warnings in 1 file

${F}/slate-redcarpet-text/index.html.md
  ⚠ ${F}/slate-redcarpet-text/index.html.md:10  "### Parameters" is written right under a list item, with no blank line between, so Slate read it as text of the item, not a heading; Shale shows it as Slate did. Fix: put a blank line before it to make it a heading (later headings with the same text then get other ids: check the links to them).
  ⚠ ${F}/slate-redcarpet-text/index.html.md:11  "### Body" is written right under a list item, with no blank line between, so Slate read it as text of the item, not a heading; Shale shows it as Slate did. Fix: put a blank line before it to make it a heading (later headings with the same text then get other ids: check the links to them).
  ⚠ ${F}/slate-redcarpet-text/index.html.md:14  the code fence \`\`\`shell starts right under a line of text, with no blank line between, so Slate showed it as inline text of that paragraph (or block quote); Shale shows the code block. Fix: put a blank line before the fence (Slate needed one).
  ⚠ ${F}/slate-redcarpet-text/index.html.md:19  the list item "- name" starts right under a line of text, with no blank line between, so Slate showed the list as text of that paragraph, its markers as written; Shale shows the list. Fix: put a blank line before the list (Slate needed one).
  ⚠ ${F}/slate-redcarpet-text/index.html.md:23  the code fence \`\`\`json starts right under a line of text, with no blank line between, so Slate showed it as inline text of that paragraph (or block quote); Shale shows the code block. Fix: put a blank line before the fence (Slate needed one).
  ⚠ ${F}/slate-redcarpet-text/index.html.md:27  a link's destination "#the-contract-period" is broken across two lines, so Slate's link went to "#the-contract-%0Aperiod", which is nowhere; Shale shows the link as text. Fix: write the destination on one line: (#the-contract-period).
  ⚠ ${F}/slate-redcarpet-text/index.html.md:34  the block quote "> e.g. \`POST /orders\`" starts right under a list item, with no blank line between, so Slate showed its lines as text of the item, the ">" as written; Shale shows the block quote. Fix: put a blank line before the quote (Slate needed one), or remove the ">" if the text belongs to the item.
  ⚠ ${F}/slate-redcarpet-text/index.html.md:36  <%= api_url %> and 1 more ERB tag in a Markdown file that is not ERB: Shale shows them as written, as Slate's own renderer did (a project's renderer that ran ERB over its Markdown printed their values). Fix: name the file .md.erb (a page .html.md.erb) to have Shale read its ERB, and give each value in config.rb as a string: a helper in \`helpers do\` (\`def api_url; 'https://…'; end\`), or \`set :api_url, '…'\` read as \`config[:api_url]\`.
  ⚠ ${F}/slate-redcarpet-text/index.html.md:43  the code fence \`\`\`http starts right under a line of text, with no blank line between, so Slate showed it as inline text of that paragraph (or block quote); Shale shows the code block. Fix: put a blank line before the fence (Slate needed one).
  ⚠ ${F}/slate-redcarpet-text/index.html.md:48  the table "| Parameter | Type |" starts right under a line of text, with no blank line between, so Slate showed its rows as text of that paragraph, pipes and all; Shale shows the table. Fix: put a blank line before the table (Slate needed one).`,
  },
  {
    check: 'a Slate source whose front page is ERB of its own (index.html.erb) and its docs in a folder: the docs are built',
    fixture: 'slate-erb-index',
    kinds: ['index-page-missing'],
    files: ['api/index.html'],
    report: `⚠ Found 1 warning in 1 file

${F}/slate-erb-index
  ⚠ ${F}/slate-erb-index  the content folder has no index page: its index.html.erb is an ERB page without Markdown, which Shale does not build. Shale builds the other pages; the site has no front page. Fix: write the front page as index.html.md (or send readers on to the docs from it with a \`<meta http-equiv="refresh">\` under \`head:\`).`,
  },
  {
    check: 'a toc_footers image without alt text (a badge): kept, with a warning',
    fixture: 'footer-image-alt',
    kinds: ['footer-image-alt'],
    files: ['index.html'],
    report: `⚠ Found 1 warning in 1 file

${F}/footer-image-alt/index.md
  ⚠ ${F}/footer-image-alt/index.md:5  toc_footers image "https://run.pstmn.io/button.svg" has no alt text, so a screen reader reads out its file name. Fix: say what the image shows in alt="…" (a badge: its words, such as alt="Run in Postman").`,
  },
  {
    check:
      'search: true on a Slate page with nothing to index (front matter alone): built without a search box or index, as Slate showed one that found nothing',
    fixture: 'slate-search-nothing',
    kinds: ['search-nothing-to-index'],
    files: ['index.html'],
    absent: ['pagefind/pagefind.js'],
    report: `⚠ Found 1 warning in 1 file

${F}/slate-search-nothing/index.html.md
  ⚠ ${F}/slate-search-nothing/index.html.md:7  \`search: true\`, but no page that asks for search has anything to index, so Pagefind can make no index. Shale leaves the search box out, where Slate showed one that found nothing. Fix: add a heading with some text, or set \`search: false\`.`,
  },
  {
    check: 'a Slate source whose front page is a plain index.html (a redirect to its current version): the docs in its folders are built',
    fixture: 'slate-plain-index',
    kinds: ['index-page-missing'],
    files: ['v2/index.html'],
    report: `⚠ Found 1 warning in 1 file

${F}/slate-plain-index
  ⚠ ${F}/slate-plain-index  the content folder has no index page: its index.html is plain HTML, which Shale does not publish. Shale builds the other pages; the site has no front page. Fix: add index.md in its place (a \`<meta http-equiv="refresh">\` under \`head:\` in its front matter sends readers on, as the HTML did).`,
  },
  {
    check: "a Slate project's own lib/unique_head.rb makes ids otherwise than Slate's renderer (a custom id read from the heading)",
    fixture: 'slate-custom-ids',
    kinds: ['slate-custom-heading-ids'],
    files: ['index.html'],
    report: `⚠ Found 1 warning in 1 file

${F}/slate-custom-ids/lib/unique_head.rb
  ⚠ ${F}/slate-custom-ids/lib/unique_head.rb:10  the header method of lib/unique_head.rb made heading ids otherwise than Slate's own renderer. Shale does not run a project's Ruby: the headings get Slate's usual ids, so links to the ids that code made (from this site or others) may not resolve. Fix: check the ids of the built pages against the old site's (broken #links inside the docs are reported); a heading that must keep its old address can be written in HTML with that id: <h2 id="old-id">Title</h2>.`,
  },
  {
    check: 'an h2 before any h1 (the table of contents leaves it out, as in Slate)',
    fixture: 'heading-before-h1',
    kinds: ['heading-before-h1'],
    files: ['index.html'],
    report: `⚠ Found 1 warning in 1 file

${F}/heading-before-h1/index.md
  ⚠ ${F}/heading-before-h1/index.md:5  heading "Too early" (h2) comes before any h1, so the table of contents leaves it out. Fix: put an h1 above it, or make it an h1.`,
  },
  {
    check:
      "in Slate's own format, keys only a Slate layout reads (Widdershins' own are silent, a [//]: # comment too), an include's front matter, and repeated ids, renamed",
    fixture: 'slate-leniency',
    kinds: [
      'include-front-matter-key',
      'include-front-matter-key',
      'front-matter-unknown-key',
      'front-matter-unknown-key',
      'front-matter-shale-key-ignored',
      'front-matter-unknown-key',
      'id-duplicate',
      'id-duplicate',
    ],
    files: ['index.html'],
    report: `⚠ Found 8 warnings in 2 files

${F}/slate-leniency/includes/_stores.md
  ⚠ ${F}/slate-leniency/includes/_stores.md:2  front-matter key "title" in an include is not one Shale knows; Shale ignores it, as Middleman did. Fix: an include may only name further includes; put page settings in the page front matter.
  ⚠ ${F}/slate-leniency/includes/_stores.md:3  front-matter key "layout" in an include is not one Shale knows; Shale ignores it, as Middleman did. Fix: an include may only name further includes; put page settings in the page front matter.

${F}/slate-leniency/index.html.md
  ⚠ ${F}/slate-leniency/index.html.md:3  front-matter key "home_link" is not one Shale knows; Shale ignores it, as Slate's own layout did. Fix: remove it; if your Slate layout read it (a banner, more includes), Shale's layout does not: put that in the page.
  ⚠ ${F}/slate-leniency/index.html.md:4  front-matter key "warning" is not one Shale knows; Shale ignores it, as Slate's own layout did. Fix: remove it; if your Slate layout read it (a banner, more includes), Shale's layout does not: put that in the page.
  ⚠ ${F}/slate-leniency/index.html.md:5  head: Expected array, received string. Slate has no "head" key and ignored it; Shale ignores it on this page too. Fix: write a YAML list, one \`- item\` per line, or remove it if your Slate layout read it.
  ⚠ ${F}/slate-leniency/index.html.md:7  front-matter key "lenguage_tabs" is not one Shale knows; Shale ignores it, as Slate's own layout did. Fix: did you mean "language_tabs"?
  ⚠ ${F}/slate-leniency/index.html.md:35  id "list-secrets" is already used earlier on the page; this one is now "list-secrets-2" (links go to the first, as in a browser). Fix: give one of the elements another id.
  ⚠ ${F}/slate-leniency/index.html.md:45  id "note" is already used earlier on the page; this one is now "note-2" (links go to the first, as in a browser). Fix: give one of the elements another id.`,
  },
  {
    check:
      "unsafe HTML in a spec's description, a code block in a language no one knows, an undeclared tag, 3.0's nullable in a 3.1 schema, an example whose schema does not compile, a code sample in no tab's language, an example that does not match its schema (one warning for all it lacks)",
    fixture: 'openapi-warnings',
    kinds: [
      'openapi-unsafe-html',
      'openapi-unsafe-html',
      'openapi-code-language',
      'openapi-tag-undeclared',
      'openapi-schema-keyword',
      'openapi-example-unchecked',
      'openapi-sample-language',
      'openapi-example-mismatch',
      'openapi-example-mismatch',
    ],
    files: ['index.html'],
    report: `⚠ Found 9 warnings in 1 file

${F}/openapi-warnings/api.yaml
  ⚠ ${F}/openapi-warnings/api.yaml:5  the description at /info/description holds a href of <a> that is not a web address (javascript:alert(1)); Shale left it out of the page. Fix: remove it from the spec: descriptions may hold Markdown and plain HTML, never script, an inline style or a frame.
  ⚠ ${F}/openapi-warnings/api.yaml:5  the description at /info/description holds the onclick attribute of <a>; Shale left it out of the page. Fix: remove it from the spec: descriptions may hold Markdown and plain HTML, never script, an inline style or a frame.
  ⚠ ${F}/openapi-warnings/api.yaml:13  the description at /paths/~1pets/get/description has a code block in "<quantity>", a language Shale does not know; it is shown as plain text, as other renderers show it. Fix: name a language shiki knows, or \`text\`; a fence's first word is its language, not code.
  ⚠ ${F}/openapi-warnings/api.yaml:19  the tag "dogs" (on one operation, the first at /paths/~1pets/get/tags/1) is not declared under "tags": its section has no description, and comes after the declared tags. Fix: declare it under "tags", with a description, where it belongs in the order.
  ⚠ ${F}/openapi-warnings/api.yaml:25  the schema at /paths/~1pets/get/parameters/0/schema has "nullable", which JSON Schema in OpenAPI 3.1.0 does not have: tools that follow 3.1.0 ignore it. Fix: write the null type into the schema's type instead, as in type: [string, "null"] (or add {type: "null"} to its oneOf); Shale shows the type as nullable meanwhile, other tools may not.
  ⚠ ${F}/openapi-warnings/api.yaml:29  the example at /paths/~1pets/get/parameters/1/schema could not be checked: its schema does not compile (Invalid regular expression: /^[a-z\\:]+$/u: Invalid escape). Fix: correct the schema (the example itself may be right).
  ⚠ ${F}/openapi-warnings/api.yaml:33  the code sample in "Elixir" at /paths/~1pets/get/x-codeSamples matches no language tab of the page; it is not shown. Fix: add a language tab for it under language_tabs, or give the sample the language of a tab.
  ⚠ ${F}/openapi-warnings/api.yaml:42  the example at /paths/~1pets/get/responses/200/content/application~1json/example does not match its schema: Example value must conform to the schema: type must be integer. Fix: correct the example, or the schema if the example is what the API sends.
  ⚠ ${F}/openapi-warnings/api.yaml:56  the example at /paths/~1pets/get/responses/201/content/application~1json/example does not match its schema: Example value must conform to the schema: must have required property 'id'; must have required property 'name'; must have required property 'kind'; and 2 more. Fix: correct the example, or the schema if the example is what the API sends.`,
  },
  {
    check: 'a Slate theme Shale takes only in part: a variable with no counterpart, rules of its own, a low contrast, an edited stylesheet',
    fixture: 'slate-theme',
    kinds: ['slate-variables-rules', 'brand-contrast-low', 'slate-variables-unmapped', 'slate-stylesheet-ignored'],
    files: ['index.html'],
    report: `⚠ Found 4 warnings in 2 files

${F}/slate-theme/stylesheets/_variables.scss
  ⚠ ${F}/slate-theme/stylesheets/_variables.scss  _variables.scss writes CSS rules of its own (:root); Shale reads only its variables and fonts. Fix: move the rules into custom.css, naming Shale's design tokens (see the manual, "Theming").
  ⚠ ${F}/slate-theme/stylesheets/_variables.scss:2  the text colour nav-text (#999999) on nav-bg (#dddddd) has a contrast of 2.10:1, below the 4.5:1 WCAG AA asks of text. Fix: darken one of the two colours or lighten the other until they reach 4.5:1.
  ⚠ ${F}/slate-theme/stylesheets/_variables.scss:3  $search-notice-bg has no counterpart in Shale's design, so its value is not used. Fix: set the nearest design token in a theme: map or custom.css instead (see the manual, "Theming").

${F}/slate-theme/stylesheets/screen.css.scss
  ⚠ ${F}/slate-theme/stylesheets/screen.css.scss  stylesheets/screen.css.scss differs from Slate's own, and Shale does not compile Slate's stylesheets: only _variables.scss is read. Fix: move the rules you added into custom.css in the content folder (it is applied after Shale's CSS).`,
  },
];

const outDirs: string[] = [];
afterAll(() => outDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

// These builds stop before Astro writes anything (the check runs first), so they may run side by side.
describe.concurrent('a content error stops the build with one exact report and leaves the previous site as it was', () => {
  it('has a fixture for every kind of problem (a bug in Shale has none: tests/unit/check-content.test.ts)', ({ expect }) => {
    const shown = new Set([...ERRORS, ...WARNINGS].flatMap((c) => c.kinds));
    expect(Object.keys(DEFINITIONS).filter((kind) => !shown.has(kind as ProblemKind))).toEqual(['render-failed']);
  });

  it('covers every broken fixture folder', ({ expect }) => {
    const fixtures = fs.readdirSync(F).sort();
    expect(
      [...ERRORS, ...WARNINGS]
        .map((c) => c.fixture)
        .filter((name) => name !== 'no-such-folder')
        .sort(),
    ).toEqual(fixtures);
    expect(fs.existsSync(path.join(F, 'no-such-folder'))).toBe(false);
  });

  for (const { check, fixture, kinds, report } of ERRORS) {
    it(check, async ({ expect }) => {
      const outDir = previousSite();
      outDirs.push(outDir);
      const before = snapshot(outDir);
      const build = await astroBuild({ content: `${F}/${fixture}`, outDir });
      expect(build.status).toBe(1);
      expect(build.error).toBeInstanceOf(ShaleBuildError);
      expect(kindsInReportOrder((build.error as ShaleBuildError).problems)).toEqual(kinds);
      expect(reportOf(build.stderr)).toBe(report);
      expect(build.stderr).toContain(`${report}\n\nThe build stopped; the previous site was left as it was.`);
      expect(hasStackTrace(build.stdout + build.stderr)).toBe(false);
      expect(snapshot(outDir)).toEqual(before);
    });
  }
});

describe('a content warning is reported and the build goes on', () => {
  for (const { check, fixture, kinds, report, files, absent = [] } of WARNINGS) {
    it(check, async () => {
      const outDir = previousSite();
      outDirs.push(outDir);
      const build = await astroBuild({ content: `${F}/${fixture}`, outDir });
      expect(build.status, build.stderr).toBe(0);
      expect(reportOf(build.stdout + build.stderr)).toBe(report);
      expect(kindsInReportOrder((await checkFolder(`${F}/${fixture}`)).problems)).toEqual(kinds);
      const written = Object.keys(snapshot(outDir));
      expect(written).toEqual(expect.arrayContaining(files));
      for (const file of absent) expect(written).not.toContain(file);
      // The new site replaced the previous one as a whole.
      expect(written).not.toContain('images/old.png');
    });
  }
});
