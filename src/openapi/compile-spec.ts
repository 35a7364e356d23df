import { STATUS_CODES } from 'node:http';
import { escapeLikeRedcarpet, slateBaseId } from '../content/slug';
import type { LanguageTab } from '../schema/language-tabs';
import { namedExamples } from './example-values';
import { codeFence, descriptionMarkdown, elementText, inlineCode, inlineText, notesAt, type DescriptionNote, type Dialect } from './markdown-text';
import { nearestLanguages } from '../schema/languages';
import { OPERATION_PART } from '../content/operation-part';
import { GENERATED_SAMPLE } from '../content/generated-sample';
import { operationIds } from './operation-ids';
import { operationAliases, partAliases, schemaAliases, tagAliases, withRedocSections } from './peer-anchors';
import type { OperationMemo } from './operation-memo';
import { generatedSample, sampleServer, writtenSamples, type RequestSample } from './request-samples';
import { constraintsOf, schemaList, typeText, withAllOfFields } from './schema-list';
import { operationTitle, parametersOf, summaryParagraph, pointerPart, resolve, tagsOf, webhooksOf, type Json, type SpecOperation } from './spec-model';
import { lineBreaks } from '../content/line-breaks';

/**
 * An OpenAPI document written as the Markdown (or MDX) of a Slate page: the same headings, tables,
 * code blocks and `>` notes a writer would write, so the page's TOC, ids, split pages, search,
 * language tabs and checks treat it as they treat prose. Operations get fixed ids
 * (operation-ids.ts); everything else gets Slate's ids from its text.
 */
export interface CompileOptions {
  dialect: Dialect;
  tabs: readonly LanguageTab[];
  /** Only these tags (every tag when empty). */
  tags?: readonly string[];
  /** The Webhooks h1 (default: when the spec has webhooks). */
  webhooks?: boolean;
  /** The Schemas h1, one h2 per component schema (default: no). */
  schemas?: boolean;
  /** The spec is the whole page: its description goes under an "Introduction" h1. */
  introduction?: boolean;
  /** Only these operations (by operationId), each as its h2 alone: `<Operation>` in MDX. */
  operations?: readonly string[];
}

/** Something the compiler found wrong or doubtful, at a JSON pointer of the spec. */
interface SpecFinding {
  kind: 'openapi-unsafe-html' | 'openapi-code-language' | 'openapi-sample-language' | 'openapi-no-sample' | 'openapi-server-url';
  pointer: string;
  facts: Record<string, string>;
}

export interface CompiledSpec {
  markdown: string;
  findings: SpecFinding[];
  /**
   * Where in the spec each stretch of the Markdown comes from: the Markdown's line (1-based) at
   * which a section starts, and the JSON pointer of what it shows (the description, the security
   * scheme, the tag, the operation, the schema). A problem found in the Markdown is reported at the
   * spec's line of the last place at or before its line.
   */
  places: Array<[line: number, pointer: string]>;
  /** Operation pointer → heading id (the anchor map's aliases are made from it). */
  ids: Map<string, string>;
}

/** HTTP status meanings for the responses table: every standard code's (Node's own table), and `default`. */
const STATUS_TEXT: Record<string, string> = { ...STATUS_CODES, default: 'Any other status' } as Record<string, string>;

/** Compiles a spec; with `memo`, the operations its last compiling wrote are taken from there (operation-memo.ts). */
export function compileSpec(document: Json, options: CompileOptions, memo?: OperationMemo): CompiledSpec {
  const writer = new SpecWriter(document, options, memo);
  return writer.compile();
}

class SpecWriter {
  private readonly out: string[] = [];
  /** The index in `out` at which each place (CompiledSpec.places) starts. */
  private readonly starts: Array<[index: number, pointer: string]> = [];
  readonly findings: SpecFinding[] = [];
  private readonly notes: DescriptionNote[] = [];
  /**
   * The property lists and examples the operation being written already shows, each with where:
   * one shown again (Kubernetes answers 200, 201 and 202 with a Pod, each in JSON, YAML and
   * protobuf: nine lists of a Pod's hundreds of properties, a page of 1.2 MB) names that place instead.
   */
  private readonly shown = new Map<string, string>();
  private readonly dialect: Dialect;
  /** The tag each operation renders under (Redoc's and Scalar's links name it). */
  private readonly firstTag = new Map<SpecOperation, string>();
  /** The anchors written so far (anchors). */
  private readonly anchorIds = new Set<string>();
  /** Every operation's id (operation-ids.ts): the other headings keep clear of them (sectionHeading). */
  private readonly operationIdSet = new Set<string>();

  constructor(
    private readonly document: Json,
    private readonly options: CompileOptions,
    private readonly memo?: OperationMemo,
  ) {
    this.dialect = options.dialect;
  }

  compile(): CompiledSpec {
    const document = this.document;
    const tags = tagsOf(document, this.options.tags);
    const webhooks = this.options.webhooks === false ? [] : webhooksOf(document);
    const all = [...tags.flatMap((tag) => tag.operations), ...webhooks];
    // Ids from every operation of the spec, whatever is shown: an operation keeps its id on every page.
    const everything = this.options.tags?.length ? [...tagsOf(document).flatMap((tag) => tag.operations), ...webhooksOf(document)] : all;
    const byPointer = new Map([...operationIds(everything)].map(([operation, id]) => [operation.pointer, id]));
    for (const id of byPointer.values()) this.operationIdSet.add(id);
    const ids = new Map(all.map((operation) => [operation, byPointer.get(operation.pointer)!]));
    // Operations without a tag have none in the other renderers' links either.
    for (const tag of tags) for (const operation of tag.operations) if (operation.operation.tags?.length) this.firstTag.set(operation, tag.name);
    if (this.options.operations?.length) {
      // The ids are the whole reference's, so an operation keeps its id wherever it is shown.
      for (const operation of all.filter((one) => this.options.operations!.includes(one.operation.operationId))) this.operation(operation, ids.get(operation)!);
      return this.finish(ids);
    }
    const whole = !this.options.tags?.length;

    // An empty description (DigitalOcean's, whose text is put in by its own build) makes no empty Introduction.
    if (whole && typeof document.info?.description === 'string' && document.info.description.trim()) {
      this.at('/info/description');
      if (this.options.introduction) this.sectionHeading(1, 'Introduction', 'section');
      this.description(document.info.description, '/info/description', 0, true);
    }
    if (whole) this.security();
    for (const tag of tags) {
      const declared = (document.tags ?? []).findIndex((t: Json) => t?.name === tag.name);
      // An undeclared tag is where it is first used.
      this.at(declared >= 0 ? `/tags/${declared}` : (tag.operations[0]?.pointer ?? ''));
      this.sectionHeading(1, tag.title, 'tag');
      this.anchors(tagAliases(document, tag.name, tag.operations.length > 0 && tag.operations.every((operation) => !operation.operation.tags?.length)));
      if (typeof tag.description === 'string')
        this.description(tag.description, `/tags/${(document.tags ?? []).findIndex((t: Json) => t?.name === tag.name)}/description`, 1);
      if (tag.alsoListed.length) {
        this.out.push(
          `Also in this group: ${tag.alsoListed.map((operation) => `[${inlineText(operationTitle(operation))}](#${ids.get(operation)})`).join(', ')}.`,
        );
      }
      for (const operation of tag.operations) this.operation(operation, ids.get(operation)!);
    }
    if (webhooks.length) {
      this.at(webhooks[0]!.pointer);
      this.sectionHeading(1, 'Webhooks', 'section');
      for (const webhook of webhooks) this.operation(webhook, ids.get(webhook)!);
    }
    if (this.options.schemas) this.schemas();
    return this.finish(ids);
  }

  private finish(ids: Map<SpecOperation, string>): CompiledSpec {
    // A schema shown under several operations is reported once, where it is written.
    const noted = new Set(this.notes.map(({ pointer, what, language }) => JSON.stringify([pointer, what, language ?? false])));
    for (const entry of noted) {
      const [pointer, what, language] = JSON.parse(entry) as [string, string, boolean];
      if (language) this.findings.push({ kind: 'openapi-code-language', pointer, facts: { language: what, nearest: nearestLanguages(what).join(', ') } });
      else this.findings.push({ kind: 'openapi-unsafe-html', pointer, facts: { what } });
    }
    const idsByPointer = new Map([...ids].map(([operation, id]) => [operation.pointer, id]));
    return { markdown: `${this.out.join('\n\n')}\n`, findings: this.findings, ids: idsByPointer, places: this.places() };
  }

  /** From here on, what is written shows `pointer` (see CompiledSpec.places). */
  private at(pointer: string): void {
    if (pointer) this.starts.push([this.out.length, pointer]);
  }

  /** The Markdown's line of each place: each piece of `out` takes its lines and the blank line after it. */
  private places(): Array<[number, string]> {
    const places: Array<[number, string]> = [];
    let line = 1;
    let index = 0;
    for (const [start, pointer] of this.starts) {
      for (; index < start; index++) line += lineCount(this.out[index]!) + 1;
      if (places.at(-1)?.[0] === line) places.pop();
      places.push([line, pointer]);
    }
    return places;
  }

  /**
   * Anchors other renderers gave a section, as empty elements at its top, so links written for them
   * land here. An HTML block of its own (in MDX, a JSX element) that takes no room on the page.
   */
  private anchors(ids: string[]): void {
    // Each once on the page: a tag named "Operations" and the untagged operations' "Operations" (Azure's Cosmos DB) would both claim tag/Operations.
    const safe = [...new Set(ids)].filter((id) => id && !/[\s"]/.test(id) && !this.anchorIds.has(id));
    for (const id of safe) this.anchorIds.add(id);
    if (safe.length) this.out.push(`<div class="anchors">${safe.map((id) => `<span id="${elementText(id)}"></span>`).join('')}</div>`);
  }

  /**
   * A heading with Slate's id of its text, unless an operation has that id (Miataru's tag
   * "getLocation" and its operation getLocation, which has no summary): an operation's id is fixed,
   * so the heading gets `<id>-<kind>` instead.
   */
  private sectionHeading(level: number, text: string, kind: string): void {
    const slug = slateBaseId(escapeLikeRedcarpet(text));
    if (!this.operationIdSet.has(slug)) return this.heading(level, text);
    let id = `${slug}-${kind}`;
    for (let n = 2; this.operationIdSet.has(id); n++) id = `${slug}-${kind}-${n}`;
    this.heading(level, text, id);
  }

  /**
   * An h3 of an operation's own parts (Parameters, Responses…): a heading for the outline, the TOC
   * and search, but no section of its own (rehype-sections.ts): the operation's samples and
   * examples stack in the code column beside all of its parts, with no gap below a tall sample.
   */
  private partHeading(text: string, id: string): void {
    this.out.push(`<h3 id="${id}" class="${OPERATION_PART}">${elementText(text)}</h3>`);
  }

  private heading(level: number, text: string, id?: string): void {
    // A heading with an id is HTML: a summary's code spans (`store`) become code there too.
    if (id) this.out.push(`<h${level} id="${id}">${elementText(text).replace(/`([^`\n]+)`/g, '<code>$1</code>')}</h${level}>`);
    else this.out.push(`${'#'.repeat(level)} ${inlineText(text)}`);
  }

  /** A description's Markdown; `redocSections`: with Redoc's anchors of its sections (the spec's own description: MDX has no raw HTML for them). */
  private description(text: string, pointer: string, headingShift: number, redocSections = false): void {
    const written = descriptionMarkdown(text, this.dialect, { headingShift });
    this.notes.push(...notesAt(pointer, written));
    const { markdown } = written;
    if (markdown) this.out.push(redocSections && this.dialect === 'md' ? withRedocSections(markdown) : markdown);
  }

  /** A description for a table cell: its Markdown on one line. */
  private oneLine(text: unknown, pointer: string): string {
    if (typeof text !== 'string') return '';
    const written = descriptionMarkdown(text, this.dialect);
    this.notes.push(...notesAt(pointer, written));
    return written.markdown.replace(/\n+/g, ' ');
  }

  private security(): void {
    const schemes = Object.entries<Json>(this.document.components?.securitySchemes ?? {});
    if (schemes.length === 0) return;
    this.at('/components/securitySchemes');
    this.sectionHeading(1, 'Authentication', 'section');
    for (const [name, raw] of schemes) {
      this.at(`/components/securitySchemes/${pointerPart(name)}`);
      const scheme = resolve(this.document, raw) ?? {};
      this.sectionHeading(2, name, 'scheme');
      const facts: string[] = [`Type: ${inlineText(schemeKind(scheme))}.`];
      if (scheme.type === 'apiKey') facts.push(`Send the key in the ${inlineText(String(scheme.in))} ${inlineCode(String(scheme.name))}.`);
      if (scheme.type === 'http') facts.push(`Send it in the ${inlineCode('Authorization')} header: ${inlineCode(`${capitalised(String(scheme.scheme))} …`)}.`);
      if (scheme.type === 'openIdConnect' && scheme.openIdConnectUrl) facts.push(`Discovery: <${scheme.openIdConnectUrl}>.`);
      this.out.push(facts.join(' '));
      if (typeof scheme.description === 'string') this.description(scheme.description, `/components/securitySchemes/${pointerPart(name)}/description`, 2);
      for (const [flowName, flow] of Object.entries<Json>(scheme.flows ?? {})) {
        const urls = [
          flow.authorizationUrl && `authorization URL <${flow.authorizationUrl}>`,
          flow.tokenUrl && `token URL <${flow.tokenUrl}>`,
          flow.refreshUrl && `refresh URL <${flow.refreshUrl}>`,
        ].filter(Boolean);
        this.out.push(`Flow ${inlineCode(flowName)}${urls.length ? `: ${urls.join(', ')}` : ''}.`);
        const scopes = Object.entries<string>(flow.scopes ?? {});
        if (scopes.length)
          this.table(
            ['Scope', 'Description'],
            scopes.map(([scope, text]) => [inlineCode(scope), inlineText(String(text ?? ''))]),
          );
      }
    }
  }

  /** An operation's sections, as its last compiling wrote them when nothing they are written from changed. */
  private operation(operation: SpecOperation, id: string): void {
    this.at(operation.pointer);
    const key = this.memo?.key(operation, id, this.firstTag.get(operation));
    const known = key ? this.memo!.get(key) : undefined;
    if (known) {
      this.out.push(...known.out);
      this.findings.push(...(known.findings as SpecFinding[]));
      this.notes.push(...known.notes);
      return;
    }
    const before = { out: this.out.length, findings: this.findings.length, notes: this.notes.length };
    this.writeOperation(operation, id);
    if (key) {
      this.memo!.set(key, {
        out: this.out.slice(before.out),
        findings: this.findings.slice(before.findings),
        notes: this.notes.slice(before.notes),
      });
    }
  }

  private writeOperation(operation: SpecOperation, id: string): void {
    const { operation: op, pointer } = operation;
    this.shown.clear();
    this.heading(2, operationTitle(operation), id);
    this.anchors(operationAliases(operation, this.firstTag.get(operation), id));
    this.samples(operation);
    this.endpoint(operation);
    if (op.deprecated === true) this.out.push('**Deprecated.** This operation may be removed; avoid it in new code.');
    const summary = summaryParagraph(operation);
    if (summary) this.description(summary, `${pointer}/summary`, 2);
    if (typeof op.description === 'string') this.description(op.description, `${pointer}/description`, 2);
    const servers: Json[] = op.servers ?? operation.pathItem.servers ?? [];
    if (servers.length) this.out.push(`Served from: ${servers.map((server) => inlineCode(String(server?.url))).join(', ')}.`);
    this.parameters(operation, id);
    this.requestBody(operation, id);
    this.responses(operation, id);
    this.callbacks(operation, id);
  }

  /**
   * The method and path (a webhook's name), and the operationId: an element of its own, which
   * search reads to find the operation by a concrete path (`/repos/octo/hello`). Raw HTML in a
   * Markdown page, JSX in MDX: both read `<p class>`, and elementText escapes what each would parse.
   */
  private endpoint(operation: SpecOperation): void {
    const code = (text: string) => `<code>${elementText(text)}</code>`;
    const id = operation.operation.operationId;
    const operationId = typeof id === 'string' ? ` · operation ${code(id)}` : '';
    if (operation.webhook) this.out.push(`<p class="webhook">Webhook ${code(operation.path)}${operationId}</p>`);
    else this.out.push(`<p class="endpoint">${code(`${operation.method.toUpperCase()} ${operation.path}`)}${operationId}</p>`);
  }

  private samples(operation: SpecOperation): void {
    if (operation.webhook) return;
    const { samples, unmapped } = writtenSamples(operation, this.options.tabs);
    for (const lang of unmapped) this.findings.push({ kind: 'openapi-sample-language', pointer: `${operation.pointer}/x-codeSamples`, facts: { lang } });
    const all: RequestSample[] = [];
    const server = sampleServer(this.document, operation);
    let serverReported = false;
    for (const tab of this.options.tabs) {
      const written = samples.filter((sample) => sample.tab === tab.key);
      if (written.length) {
        all.push(...written);
        continue;
      }
      if ('unusable' in server) {
        // One problem for the server, not one per tab (the report says it once for all its operations).
        if (!serverReported)
          this.findings.push({ kind: 'openapi-server-url', pointer: server.pointer, facts: { url: server.unusable, reason: server.reason } });
        serverReported = true;
        continue;
      }
      const code = generatedSample(this.document, operation, tab, server);
      if (code === undefined) this.findings.push({ kind: 'openapi-no-sample', pointer: operation.pointer, facts: { tab: tab.key } });
      else all.push({ tab: tab.key, code, generated: true });
    }
    if (all.length === 0) return;
    this.out.push('> Code samples');
    for (const sample of all) {
      // A label tells apart several samples of one tab; a label shows under every tab, so one alone goes without.
      if (sample.label && all.filter((other) => other.tab === sample.tab).length > 1) this.out.push(`> ${inlineText(sample.label)}`);
      this.out.push(codeFence(sample.tab, sample.code, sample.generated ? GENERATED_SAMPLE : undefined));
    }
  }

  private parameters(operation: SpecOperation, id: string): void {
    const parameters = parametersOf(this.document, operation);
    if (parameters.length === 0) return;
    this.partHeading('Parameters', `${id}-parameters`);
    this.anchors(partAliases(operation, 'parameters', `${id}-parameters`));
    const rows = parameters.map((parameter) => {
      const schema = parameter.schema ?? (parameter.content ? Object.values<Json>(parameter.content)[0]?.schema : undefined) ?? {};
      const resolved = withAllOfFields(this.document, schema);
      const notes = constraintsOf({ ...resolved, deprecated: parameter.deprecated ?? resolved.deprecated });
      const style = parameter.style && parameter.style !== defaultStyle(parameter.in) ? [`style ${inlineCode(parameter.style)}`] : [];
      const explode =
        parameter.explode !== undefined &&
        parameter.explode !== (parameter.style === 'form' || (!parameter.style && (parameter.in === 'query' || parameter.in === 'cookie')))
          ? [`explode ${parameter.explode}`]
          : [];
      const index = (operation.operation.parameters ?? []).findIndex((raw: Json) => resolve(this.document, raw) === parameter);
      const description = this.oneLine(
        parameter.description,
        index < 0 ? `${operation.pointer}/parameters` : `${operation.pointer}/parameters/${index}/description`,
      );
      const facts = [...notes, ...style, ...explode].join(', ');
      return [
        inlineCode(String(parameter.name)),
        String(parameter.in),
        inlineText(typeText(this.document, schema)),
        parameter.required ? 'yes' : 'no',
        [description, facts && `${capitalised(facts)}.`].filter(Boolean).join(' '),
      ];
    });
    this.table(['Name', 'In', 'Type', 'Required', 'Description'], rows);
  }

  private requestBody(operation: SpecOperation, id: string): void {
    const body = resolve(this.document, operation.operation.requestBody);
    const content = Object.entries<Json>(body?.content ?? {});
    if (content.length === 0) return;
    this.partHeading(operation.webhook ? 'Payload' : 'Request body', `${id}-body`);
    // Widdershins listed the body under "Parameters": with no parameters, its id of them lands here.
    if (parametersOf(this.document, operation).length === 0) this.anchors(partAliases(operation, 'parameters', `${id}-body`));
    if (typeof body.description === 'string') this.description(body.description, `${operation.pointer}/requestBody/description`, 3);
    // The API sends a webhook's payload: its readOnly properties are in it (and writeOnly ones are not), as in a response.
    const direction = operation.webhook ? 'response' : 'request';
    for (const [type, media] of content) {
      const pointer = `${operation.pointer}/requestBody/content/${pointerPart(type)}/schema`;
      const list = schemaList(this.document, media?.schema ?? {}, pointer, { dialect: this.dialect, direction, notes: this.notes });
      const intro = `${inlineCode(type)}${body.required ? ' (required)' : ''}: ${inlineText(typeText(this.document, media?.schema ?? {}))}`;
      this.propertyList(intro, list, `the request body's ${inlineCode(type)}`);
      if (operation.webhook) this.examples(`Example payload`, media, direction);
    }
  }

  private responses(operation: SpecOperation, id: string): void {
    const responses = Object.entries<Json>(operation.operation.responses ?? {});
    if (responses.length === 0) return;
    this.partHeading('Responses', `${id}-responses`);
    this.anchors(partAliases(operation, 'responses', `${id}-responses`));
    this.table(
      ['Status', 'Meaning', 'Description'],
      responses.map(([status, raw]) => {
        const response = resolve(this.document, raw) ?? {};
        const description = this.oneLine(response.description, `${operation.pointer}/responses/${pointerPart(status)}/description`);
        return [inlineCode(status), STATUS_TEXT[status] ?? `${status[0]}xx`, description];
      }),
    );
    for (const [status, raw] of responses) {
      const response = resolve(this.document, raw) ?? {};
      const headers = Object.entries<Json>(response.headers ?? {});
      if (headers.length) {
        this.out.push(`Headers of ${inlineCode(status)}:`);
        this.table(
          ['Header', 'Type', 'Description'],
          headers.map(([name, rawHeader]) => {
            const header = resolve(this.document, rawHeader) ?? {};
            // A description is CommonMark, as everywhere in a spec: `code` in it shows as code.
            const description = this.oneLine(
              header.description,
              `${operation.pointer}/responses/${pointerPart(status)}/headers/${pointerPart(name)}/description`,
            );
            return [inlineCode(name), inlineText(typeText(this.document, header.schema ?? {})), description];
          }),
        );
      }
      for (const [type, media] of Object.entries<Json>(response.content ?? {})) {
        if (!media?.schema && media?.example === undefined && !media?.examples) continue;
        const pointer = `${operation.pointer}/responses/${pointerPart(status)}/content/${pointerPart(type)}/schema`;
        // Several media types with examples each say which theirs is in.
        const several = Object.entries<Json>(response.content ?? {}).filter(([kind, one]) => exampleLanguage(kind, one)).length > 1;
        this.examples(several ? `${status} response, ${type}` : `${status} response`, media, 'response', type);
        if (media?.schema) {
          const list = schemaList(this.document, media.schema, pointer, { dialect: this.dialect, direction: 'response', notes: this.notes });
          const place = `${inlineCode(status)} ${inlineCode(type)}`;
          this.propertyList(`${place}: ${inlineText(typeText(this.document, media.schema))}`, list, place);
        }
      }
      const links = Object.entries<Json>(response.links ?? {});
      if (links.length) {
        this.out.push(
          `Links of ${inlineCode(status)}: ${links.map(([name, link]) => `${inlineCode(name)}${resolve(this.document, link)?.operationId ? ` → ${inlineCode(resolve(this.document, link).operationId)}` : ''}`).join(', ')}.`,
        );
      }
    }
  }

  private callbacks(operation: SpecOperation, id: string): void {
    const callbacks = Object.entries<Json>(operation.operation.callbacks ?? {});
    if (callbacks.length === 0) return;
    this.partHeading('Callbacks', `${id}-callbacks`);
    for (const [name, raw] of callbacks) {
      const callback = resolve(this.document, raw) ?? {};
      for (const [expression, item] of Object.entries<Json>(callback)) {
        const pathItem = resolve(this.document, item) ?? {};
        for (const method of Object.keys(pathItem).filter((key) => /^(get|put|post|delete|patch|head|options|trace)$/.test(key))) {
          const callbackOperation = pathItem[method];
          this.out.push(
            `${inlineCode(name)}: the API calls ${inlineCode(`${method.toUpperCase()} ${expression}`)}${callbackOperation?.summary ? `: ${inlineText(String(callbackOperation.summary))}` : ''}.`,
          );
          const at = `${operation.pointer}/callbacks/${pointerPart(name)}/${pointerPart(expression)}/${method}`;
          if (typeof callbackOperation?.description === 'string') this.description(callbackOperation.description, `${at}/description`, 3);
          const body = resolve(this.document, callbackOperation?.requestBody);
          for (const [type, media] of Object.entries<Json>(body?.content ?? {})) {
            const pointer = `${at}/requestBody/content/${pointerPart(type)}/schema`;
            // The API sends a callback's body: its readOnly properties are in it (and writeOnly ones are not).
            const list = schemaList(this.document, media?.schema ?? {}, pointer, { dialect: this.dialect, direction: 'response', notes: this.notes });
            if (list) this.out.push(list);
          }
        }
      }
    }
  }

  /** A schema's line and its property list, or, when the operation already shows the same list, where (see `shown`). */
  private propertyList(intro: string, list: string, place: string): void {
    const first = list ? this.shown.get(list) : undefined;
    if (first) {
      this.out.push(`${intro}, with the properties listed under ${first}.`);
      return;
    }
    this.out.push(intro);
    if (!list) return;
    this.out.push(list);
    this.shown.set(list, place);
  }

  private examples(label: string, media: Json, direction: 'request' | 'response', type = 'application/json'): void {
    const json = /json/i.test(type);
    const language = exampleLanguage(type, media);
    if (!language) return;
    for (const example of namedExamples(this.document, media, direction)) {
      if (!json && typeof example.value !== 'string') continue;
      const name = example.label ? `${label}: ${example.label}` : label;
      const code = codeFence(language, json ? JSON.stringify(example.value ?? null, null, 2) : String(example.value));
      const first = this.shown.get(code);
      if (first) {
        this.out.push(`> ${inlineText(`${name}: the same as the ${first}.`)}`);
        continue;
      }
      this.out.push(`> ${inlineText(name)}`);
      this.out.push(code);
      this.shown.set(code, name);
    }
  }

  private schemas(): void {
    const schemas = Object.entries<Json>(this.document.components?.schemas ?? {});
    if (schemas.length === 0) return;
    this.at('/components/schemas');
    this.sectionHeading(1, 'Schemas', 'section');
    for (const [name, raw] of schemas) {
      this.shown.clear();
      this.at(`/components/schemas/${pointerPart(name)}`);
      this.sectionHeading(2, name, 'schema');
      this.anchors(schemaAliases(name));
      const schema = resolve(this.document, raw) ?? {};
      const pointer = `/components/schemas/${pointerPart(name)}`;
      this.examples(name, { schema: { $ref: `#${pointer}` } }, 'response');
      if (typeof schema.description === 'string') this.description(schema.description, `${pointer}/description`, 2);
      this.out.push(`Type: ${inlineText(typeText(this.document, raw))}`);
      const list = schemaList(this.document, { $ref: `#${pointer}` }, pointer, { dialect: this.dialect, direction: 'response', notes: this.notes });
      if (list) this.out.push(list);
    }
  }

  private table(header: string[], rows: string[][]): void {
    const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ') || ' ';
    this.out.push(
      [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n'),
    );
  }
}

const lineCount = (text: string) => lineBreaks(text) + 1;

/**
 * The code language a media type's examples are shown in, or undefined when none is: JSON's always
 * (made from the schema when the spec gives none); text of another type (CSV, XML, plain text) only
 * when the spec gives it, none is made up.
 */
function exampleLanguage(type: string, media: Json): string | undefined {
  if (/json/i.test(type)) return 'json';
  return media?.example === undefined && media?.examples === undefined ? undefined : textLanguage(type);
}

/** The code language of a text example by its media type; undefined for bytes (an image, a PDF), which are no text to show. */
function textLanguage(type: string): string | undefined {
  if (/xml/i.test(type)) return 'xml';
  if (/yaml/i.test(type)) return 'yaml';
  if (/html/i.test(type)) return 'html';
  if (/csv/i.test(type)) return 'csv';
  if (/markdown/i.test(type)) return 'markdown';
  if (/^text\//i.test(type) || /graphql|javascript/i.test(type)) return 'text';
  return undefined;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function schemeKind(scheme: Json): string {
  if (scheme.type === 'http') return `HTTP ${capitalised(String(scheme.scheme ?? ''))}${scheme.bearerFormat ? ` (${scheme.bearerFormat})` : ''}`;
  if (scheme.type === 'apiKey') return 'API key';
  if (scheme.type === 'oauth2') return 'OAuth 2.0';
  if (scheme.type === 'openIdConnect') return 'OpenID Connect';
  if (scheme.type === 'mutualTLS') return 'Mutual TLS';
  return String(scheme.type ?? 'unknown');
}

const defaultStyle = (place: string) => (place === 'query' || place === 'cookie' ? 'form' : 'simple');
