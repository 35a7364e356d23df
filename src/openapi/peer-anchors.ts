import { shinsCleanId, shinsIdOfText } from '../content/shins-ids';
import { escapeLikeRedcarpet, parameterize, slateBaseId } from '../content/slug';
import { topHeadings } from './markdown-text';
import type { Json, SpecOperation } from './spec-model';

/**
 * The anchors other renderers gave a spec's sections, kept as empty elements beside Shale's own so
 * links written for them (a site moved to Shale, or a spec's descriptions written for Redoc) still
 * land there: Widdershins' `opId…`, `tocS_…`, `<title>-<tag>`; Redoc's `tag/…`, `operation/…`,
 * `tag/…/operation/…`, `schema/…`; Scalar's `tag/…/METHOD/path`; Swagger UI's `/<tag>/<operationId>`.
 */

/**
 * A name as Redoc writes it in an anchor (its `safeSlugify`, after the `slugify` package): accents
 * dropped, characters other than letters, digits and a few signs removed, runs of spaces and
 * hyphens one hyphen, the case kept: "Domain Records" → `Domain-Records`. When nothing is left,
 * the name lower-cased with hyphens for spaces.
 */
export function redocSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\w\s$*_+~.()'"!\-:@]+/g, '')
    .trim()
    .replace(/[\s-]+/g, '-');
  return (
    slug ||
    name
      .toLowerCase()
      .replace(/\s+/g, '-')
      .replace(/&/g, '-and-')
      .replace(/--+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/** A JSON pointer's token for a name (`/pets/{id}` → `~1pets~1{id}`). */
const pointerToken = (name: string): string => name.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * A name as Swagger UI writes it in a deep link (`createDeepLinkPath`): trimmed, each white-space
 * character `%20`. The id keeps the `%20`: a browser looks for the fragment as written first.
 */
const swaggerUiName = (name: string): string => name.trim().replace(/\s/g, '%20');

/**
 * Swagger UI's anchors of an operation (with `deepLinking`): `/<tag>/<operationId>` under each of
 * its tags, or under `default` when it has none. The operationId as Swagger UI normalised it
 * (swagger-client's `opId`): each character other than `[A-Za-z0-9_]` made `_`, or the method and
 * the path so made when there is none (`get_pets__id_`).
 */
function swaggerUiAliases(operation: SpecOperation): string[] {
  const { operationId, tags } = operation.operation;
  const id =
    typeof operationId === 'string' && operationId.replace(/\s/g, '')
      ? operationId.replace(/\W/g, '_')
      : `${operation.method.toLowerCase()}${operation.path.replace(/\W/g, '_')}`;
  const names =
    Array.isArray(tags) && tags.some((tag) => typeof tag === 'string' && tag.trim())
      ? tags.filter((tag): tag is string => typeof tag === 'string' && !!tag.trim())
      : ['default'];
  return names.map((tag) => `/${swaggerUiName(tag)}/${id}`);
}

/**
 * A tag's section: Redoc's anchor (by its slug, and by the name as it is), Widdershins' (the API's
 * title, then the tag) and Swagger UI's (`/<tag>`; `/default` for the operations without one).
 */
export function tagAliases(document: Json, tag: string, untagged = false): string[] {
  const title = parameterize(String(document.info?.title ?? ''));
  return [`tag/${redocSlug(tag)}`, `tag/${tag}`, ...(title ? [`${title}-${parameterize(tag)}`] : []), `/${untagged ? 'default' : swaggerUiName(tag)}`];
}

/**
 * An operation's section (`tag`: the tag it is shown under; `heading`: the id of its heading).
 * Webhooks have none. Widdershins' heading of an operation was its operationId (its `--summary`
 * option made it the summary), so its id there was Slate's slug of that text, or Shins' when the
 * site was built with Shins (`getMuseumHours` → `getmuseumhours`; "List user's groups" →
 * `list-user-s-groups`): those, where they differ from the heading's own.
 */
export function operationAliases(operation: SpecOperation, tag: string | undefined, heading: string): string[] {
  if (operation.webhook) return [];
  const { operationId: id, summary } = operation.operation;
  const aliases: string[] = [];
  if (typeof id === 'string' && id && !/\s/.test(id)) {
    aliases.push(`opId${id}`, `operation/${id}`);
    if (tag) aliases.push(`tag/${redocSlug(tag)}/operation/${id}`, `tag/${tag}/operation/${id}`);
  }
  // Redoc's for an operation without an operationId: its JSON pointer, under its tag's anchor.
  if (id === undefined) aliases.push(`${tag ? `tag/${redocSlug(tag)}` : ''}/paths/${pointerToken(operation.path)}/${operation.method}`);
  if (tag) aliases.push(`tag/${parameterize(tag)}/${operation.method.toUpperCase()}${operation.path}`);
  aliases.push(...swaggerUiAliases(operation));
  const headings = [
    ...(typeof id === 'string' && id.trim() ? [slateBaseId(escapeLikeRedcarpet(id.trim())), shinsIdOfText(id)] : []),
    ...(typeof summary === 'string' && summary.trim() ? [shinsIdOfText(summary)] : []),
  ];
  return [...new Set([...aliases, ...headings.filter((alias) => alias !== heading)])];
}

/** The ids Widdershins gave the h3s of an operation's parts, by the part of Shale's they land on. */
const WIDDERSHINS_PARTS = {
  parameters: ['parameters'],
  // Its "Response Schema" h3 sits under the responses, which Shale shows in one part.
  responses: ['responses', 'responseschema'],
} as const;

/**
 * The ids Widdershins 4 gave the h3s of an operation's parameters or responses
 * (`#getpet-parameters`, `#get-a-pet-responses`, `#getpet-responseschema`): its slug of the
 * operation (the operationId, or the method and path joined by `_`, each `/` made `_`; with
 * `--summary`, the summary), lower-cased with spaces made `-`, then `-<part>`. Both slugs, as a site
 * may have been made either way; the id of the heading they go beside (`beside`) is left out.
 * Widdershins drops webhooks, so a webhook has none.
 */
export function partAliases(operation: SpecOperation, part: keyof typeof WIDDERSHINS_PARTS, beside: string): string[] {
  if (operation.webhook) return [];
  const { operationId, summary } = operation.operation;
  const unique = (typeof operationId === 'string' && operationId ? operationId : `${operation.method}_${operation.path}`).split('?')[0]!.split('/').join('_');
  const slugs = [unique, ...(typeof summary === 'string' && summary ? [summary] : [])].map((name) => name.toLowerCase().split(' ').join('-'));
  return [...new Set(slugs.flatMap((slug) => WIDDERSHINS_PARTS[part].map((name) => `${slug}-${name}`)))].filter((alias) => alias !== beside);
}

/**
 * The Markdown of the spec's `info.description` with Redoc's anchors of its sections after their
 * headings: `section/<slug>` for an h1, `section/<h1 slug>/<slug>` for an h2 (Redoc's menu has those
 * two levels), so a link written for Redoc (`#section/Introduction/Overview`, Lumminary's) lands
 * there. `markdown` is what Shale wrote the description as.
 */
export function withRedocSections(markdown: string): string {
  const lines = markdown.split('\n');
  let top: string | undefined;
  // From the last heading up, so each line number still means the line it meant.
  const anchors = topHeadings(markdown).map(({ depth, text, endLine }) => {
    const name = redocSlug(text);
    const id = depth === 1 ? (top = `section/${name}`) : `${top ?? 'section'}/${name}`;
    return { endLine, id: name && !/[\s"<>&]/.test(id) ? id : undefined };
  });
  for (const { endLine, id } of anchors.reverse()) if (id) lines.splice(endLine, 0, '', `<div class="anchors"><span id="${id}"></span></div>`);
  return lines.join('\n');
}

/** A schema's section: Widdershins' ids (and Shins' of its heading, which it lower-cased), and Redoc's. */
export const schemaAliases = (name: string): string[] => [
  `tocS_${name}`,
  shinsCleanId(`tocS_${name}`),
  `schema${name.toLowerCase()}`,
  `schema_${name}`,
  `schema/${name}`,
];
