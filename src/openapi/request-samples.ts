import { createRequire } from 'node:module';
import type { HarRequest } from '@readme/httpsnippet';
import { canonicalLanguage, sampleLanguage } from '../schema/languages';
import { generatorFor } from '../schema/sample-generators';
import { tabKeyForFence, type LanguageTab } from '../schema/language-tabs';
import { givenExample, schemaValue } from './example-values';
import { bodyFile, formFiles, sendFiles, type UploadedFile } from './file-body';
import { formFields } from './form-fields';
import { bodyAsLiteral, FORM, formAsText, type FormParam } from './sample-bodies';
import { parametersOf, resolve, type Json, type SpecOperation } from './spec-model';

/**
 * httpsnippet, loaded when a spec first needs a generated sample (a site without a spec never does:
 * about 70 ms at the start of every build otherwise). Required, not imported: see load-spec.ts.
 */
let snippets: typeof import('@readme/httpsnippet') | undefined;
const httpsnippet = () => (snippets ??= createRequire(import.meta.url)('@readme/httpsnippet') as typeof import('@readme/httpsnippet'));

/**
 * The request sample of an operation for each language tab: the writer's own (`x-codeSamples`,
 * `x-code-samples`) when its language maps to the tab, else one generated from the operation as a
 * HAR request (first server with its variables' defaults, required parameters, the credentials
 * each security scheme asks for as placeholders, the body from its example) and written by
 * httpsnippet for the tab's language. Generated samples run as they are: the test suite sends each
 * one to an echo server.
 */

export interface RequestSample {
  tab: string;
  code: string;
  /** A label for one of several samples of the writer's in one language. */
  label?: string;
  /** Made by Shale from the operation, not written by the writer (x-codeSamples). */
  generated?: boolean;
}

/** The writer's code samples that map to a tab, and the languages of those that map to none. */
export function writtenSamples(operation: SpecOperation, tabs: readonly LanguageTab[]): { samples: RequestSample[]; unmapped: string[] } {
  const raw = operation.operation['x-codeSamples'] ?? operation.operation['x-code-samples'];
  const samples: RequestSample[] = [];
  const unmapped: string[] = [];
  if (!Array.isArray(raw)) return { samples, unmapped };
  for (const entry of raw) {
    const lang = String(entry?.lang ?? '').trim();
    const source = typeof entry?.source === 'string' ? entry.source : undefined;
    if (!lang || source === undefined) continue;
    const name = sampleLanguage(lang);
    const tab = tabKeyForFence(name, tabs, canonicalLanguage);
    if (!tab) {
      unmapped.push(lang);
      continue;
    }
    samples.push({ tab, code: source, ...(entry.label ? { label: String(entry.label) } : {}) });
  }
  return { samples, unmapped };
}

/** Placeholders for credentials, one per kind, so a reader sees what to put where. */
const TOKEN_PLACEHOLDER = 'YOUR_ACCESS_TOKEN';
const API_KEY_PLACEHOLDER = 'YOUR_API_KEY';

/** The HAR request a generated sample sends. */
function harRequest(document: Json, operation: SpecOperation, server: string): { request: HarRequest; files: UploadedFile[] } {
  const url = new URL(server);
  // A fragment some specs add to list two operations of one path (Box's `/oauth2/token#refresh`) is never sent.
  let path = operation.path.replace(/#.*$/, '');
  const queryString: Array<{ name: string; value: string }> = [];
  const headers: Array<{ name: string; value: string }> = [];
  const cookies: Array<{ name: string; value: string }> = [];
  for (const parameter of parametersOf(document, operation)) {
    if (parameter.in !== 'path' && parameter.required !== true) continue;
    const value = parameterValue(document, parameter);
    if (parameter.in === 'path') path = path.split(`{${parameter.name}}`).join(encodeURIComponent(String(value)));
    else if (parameter.in === 'query') for (const [name, text] of queryFields(parameter, value)) queryString.push({ name, value: text });
    else if (parameter.in === 'header') headers.push({ name: parameter.name, value: String(value) });
    else if (parameter.in === 'cookie') cookies.push({ name: parameter.name, value: String(value) });
  }
  addCredentials(document, operation, headers, queryString, cookies);
  const body = requestBody(document, operation);
  if (body) headers.push({ name: 'Content-Type', value: body.mimeType });
  const request: HarRequest = {
    method: operation.method.toUpperCase(),
    url: `${url.origin}${url.pathname.replace(/\/$/, '')}${path}`,
    httpVersion: 'HTTP/1.1',
    headers,
    queryString,
    cookies,
    headersSize: -1,
    bodySize: -1,
    // httpsnippet reads postData on every request; one without a body has an empty one.
    postData: body ? { mimeType: body.mimeType, ...(body.params ? { params: body.params } : { text: body.text }) } : { mimeType: '' },
  };
  return { request, files: body?.files ?? [] };
}

/** The sample of an operation for a tab, generated, or undefined when the tab's language has no generator or the server is unusable. */
export function generatedSample(document: Json, operation: SpecOperation, tab: LanguageTab, server = sampleServer(document, operation)): string | undefined {
  const generator = generatorFor(tab.key);
  if (!generator || !('url' in server)) return undefined;
  const { request, files } = harRequest(document, operation, server.url);
  const { target, client, bodyLeftOut } = withBodyOnGet(generator, request, files.length > 0);
  formAsText(target, request);
  const literal = bodyAsLiteral(target, request);
  const body = request.postData?.text;
  if (target === 'php' && body) {
    // httpsnippet rewrites a JSON body as a PHP array for json_encode, which sends `{}` as `[]` and a
    // tab as `\t`, and puts any other body in a double-quoted string, where PHP expands `$NAME`. A
    // placeholder takes the body's place here and the body goes in below, single-quoted as it is.
    request.postData = { mimeType: 'text/plain', text: PHP_BODY_PLACEHOLDER };
  }
  const code = new (httpsnippet().HTTPSnippet)(request, { harIsAlreadyEncoded: false }).convert(target as never, client);
  const generated = Array.isArray(code) ? code[0] : code;
  if (typeof generated !== 'string') return undefined;
  const sample = fixedSample(target, generated, request, server, body);
  const sent = sendFiles(target, literal ? literal(sample) : sample, files);
  return bodyLeftOut ? `${BODY_ON_GET_NOTE}\n${sent}` : sent;
}

/** What a browser's sample says when the operation's body could not be sent (withBodyOnGet). */
const BODY_ON_GET_NOTE = "// A browser's fetch sends no body with GET or HEAD: this request's body is left out here.";

/**
 * The generator for an operation whose GET or HEAD has a body (Elasticsearch's searches read one).
 * fetch refuses such a body (a TypeError), so Node's sample uses its `http` module, which sends a
 * JSON or text body (a form stays with fetch); a browser has no way to send it, so the browser's
 * sample leaves the body and its Content-Type out and says so (`bodyLeftOut`).
 */
function withBodyOnGet(
  [target, client]: [target: string, client: string],
  request: HarRequest,
  hasFiles: boolean,
): { target: string; client: string; bodyLeftOut: boolean } {
  const hasBody = request.postData?.text !== undefined || (request.postData?.params?.length ?? 0) > 0;
  if (!hasBody || !/^(GET|HEAD)$/.test(request.method)) return { target, client, bodyLeftOut: false };
  if (target === 'node' && !hasFiles && request.postData?.text !== undefined) {
    // Node's http frames no body on a GET unless its length is given.
    request.headers.push({ name: 'Content-Length', value: String(Buffer.byteLength(request.postData.text, 'utf8')) });
    return { target, client: 'native', bodyLeftOut: false };
  }
  if (target !== 'javascript') return { target, client, bodyLeftOut: false };
  request.postData = { mimeType: '' };
  request.headers = request.headers.filter(({ name }: { name: string }) => name.toLowerCase() !== 'content-type');
  return { target, client, bodyLeftOut: true };
}

/** httpsnippet's sample with what it gets wrong put right, each for the reason given. */
function fixedSample(
  target: string,
  generated: string,
  request: HarRequest,
  server: { placeholderHost?: string; pathPlaceholders?: string[] },
  body: string | undefined,
): string {
  let text = server.placeholderHost ? generated.split(PLACEHOLDER_HOST).join(server.placeholderHost) : generated;
  // A placeholder in the server's path (Rebilly's `{organizationId}`) is put back as written, not percent-encoded.
  for (const placeholder of server.pathPlaceholders ?? []) text = text.split(encodeURI(placeholder)).join(placeholder);
  if (request.postData?.mimeType === 'multipart/form-data' && MULTIPART_AS_TEXT.has(target)) {
    // httpsnippet percent-encodes a part's name in the body it writes (`name="meta%5Bplan%5D"`); a
    // part's name is sent as it is (`meta[plan]`).
    text = text.replace(/(name=\\?")([^"\\]*%[0-9A-F]{2}[^"\\]*)(\\?")/gi, (whole, open: string, name: string, close: string) => {
      const decoded = decodeURIComponent(name);
      return /["\\]/.test(decoded) ? whole : `${open}${decoded}${close}`;
    });
  }
  if (target === 'http') {
    // httpsnippet counts the body's characters as its Content-Length, short of its UTF-8 bytes for
    // non-ASCII text: the server would read part of it. The length is of the body as written.
    const start = text.indexOf('\r\n\r\n');
    if (start < 0) return text;
    const length = Buffer.byteLength(text.slice(start + 4), 'utf8');
    return text.slice(0, start).replace(/^Content-Length: \d+$/im, `Content-Length: ${length}`) + text.slice(start);
  }
  if (target === 'shell') {
    // httpsnippet sends a body with an apostrophe through an unquoted here-document, in which the
    // shell expands `$NAME` and backticks: the body that arrived was not the example. Quoted, it is.
    return text.replace(/<<EOF\n/, "<<'EOF'\n");
  }
  if (target === 'ruby') {
    // The body is a double-quoted Ruby string, in which `#{…}`, `#$name` and `#@name` are code.
    return text.replace(/^request\.body = .*$/m, (line) => line.replace(/#(?=[{$@])/g, '\\#'));
  }
  if (target === 'php') {
    // The URL and the headers are double-quoted PHP strings, in which `$NAME` is a variable.
    const escaped = text.replace(/"(?:[^"\\]|\\.)*"/g, (literal) => literal.replace(/\$/g, '\\$'));
    return body ? escaped.replace(JSON.stringify(PHP_BODY_PLACEHOLDER), () => `'${body.replace(/[\\']/g, '\\$&')}'`) : escaped;
  }
  if ((target === 'node' || target === 'javascript') && request.postData?.params) {
    // httpsnippet writes a form's fields between single quotes as they are, so an apostrophe ends the
    // string: the sample does not parse. JSON's strings are JavaScript strings.
    let fixed = text;
    for (const { name, value } of request.postData.params) {
      for (const call of ['encodedParams.set', 'form.append', 'formData.append']) {
        fixed = fixed.replace(`${call}('${name}', '${value}');`, () => `${call}(${JSON.stringify(name)}, ${JSON.stringify(value)});`);
      }
    }
    // `set` keeps the last of a name's fields (a list's items: `tags=a&tags=b`); `append` keeps each.
    return fixed.replace(/^encodedParams\.set\(/gm, 'encodedParams.append(');
  }
  if (target === 'java') return javaProgram(text);
  return text;
}

const PHP_BODY_PLACEHOLDER = 'SHALE_REQUEST_BODY';

/** Languages whose multipart body httpsnippet writes out as one string (Python's when it sends no file). */
const MULTIPART_AS_TEXT = new Set(['ruby', 'python', 'go', 'java', 'php', 'http']);

/**
 * httpsnippet's java.net.http sample is statements without their imports, which run nowhere as
 * written; in a class with a main method they are a program (`java Main.java`, JDK 11 or later).
 */
function javaProgram(statements: string): string {
  const body = statements.split('\n').map((line) => (line ? `    ${line}` : line));
  return [
    'import java.net.URI;',
    'import java.net.http.HttpClient;',
    'import java.net.http.HttpRequest;',
    'import java.net.http.HttpResponse;',
    '',
    'public class Main {',
    '  public static void main(String[] args) throws Exception {',
    ...body,
    '  }',
    '}',
  ].join('\n');
}

/** The server a generated sample is sent to: its URL, or what is wrong with it (a problem of the spec). */
export type SampleServer = { url: string; placeholderHost?: string; pathPlaceholders?: string[] } | { unusable: string; pointer: string; reason: string };

/**
 * Stands in for a host that is a placeholder (`{your-agent-url}`, a variable's default that names
 * what to put there) while httpsnippet writes the sample, which would mangle it; the placeholder is
 * put back in the sample's text.
 */
const PLACEHOLDER_HOST = 'placeholder-host.invalid';

/**
 * The first server of an operation (its own, its path's, the spec's) with its variables' defaults,
 * as a whole URL: a relative one (`/v1`) is relative to where the spec is served, and a sample needs
 * a host. A URL with an empty host (DigitalOcean's `https://` for a presigned upload URL) is none:
 * no sample can be sent there.
 */
export function sampleServer(document: Json, operation: SpecOperation): SampleServer {
  const own = operation.operation.servers;
  const ofPath = operation.pathItem.servers;
  const [servers, at]: [Json[], string] = Array.isArray(own)
    ? [own, operation.pointer]
    : Array.isArray(ofPath)
      ? [ofPath, operation.pointer.slice(0, operation.pointer.lastIndexOf('/'))]
      : [Array.isArray(document.servers) ? document.servers : [], ''];
  const server = servers[0];
  const pointer = `${at}/servers/0/url`;
  let url = typeof server?.url === 'string' ? server.url : '/';
  const pathPlaceholders: string[] = [];
  for (const [name, variable] of Object.entries<Json>(server?.variables ?? {})) {
    const value = String(variable?.default ?? '');
    // A default that names what to put there (`{organizationId}`) rather than a value.
    if (/^\{[^{}/]+\}$/.test(value) && encodeURI(value) !== value) pathPlaceholders.push(value);
    url = url.split(`{${name}}`).join(value);
  }
  if (/^[a-z][a-z\d+.-]*:\/\/(?:[/?#]|$)/i.test(url)) return { unusable: url, pointer, reason: 'it has no host' };
  const host = /^[a-z][a-z\d+.-]*:\/\/([^/?#]+)/i.exec(url)?.[1];
  if (host && /[^\w.:@[\]%-]/.test(host)) {
    // Not a host: a placeholder for one (DigitalOcean's `{your-agent-url}`).
    const standIn = url.replace(host, PLACEHOLDER_HOST);
    if (URL.canParse(standIn)) return { url: new URL(standIn).toString(), placeholderHost: host };
  }
  try {
    return { url: new URL(url, 'https://api.example.com').toString(), ...(pathPlaceholders.length ? { pathPlaceholders } : {}) };
  } catch {
    return { unusable: url, pointer, reason: 'it does not parse as a URL' };
  }
}

function parameterValue(document: Json, parameter: Json): unknown {
  const given = givenExample(document, parameter);
  if (given.found) return given.value;
  const media = parameter.content ? Object.values<Json>(parameter.content)[0] : undefined;
  // A parameter with a media type (`content`) may give its example there.
  const ofMedia = givenExample(document, media);
  if (ofMedia.found) return ofMedia.value;
  const schema = resolve(document, parameter.schema ?? media?.schema ?? {}) ?? {};
  // A plain string with nothing to go by: its name says what to put there (`/repos/OWNER/REPO`),
  // where a made-up value ("string") reads like a real one.
  const plain =
    schema.type === 'string' && !schema.format && schema.example === undefined && schema.default === undefined && !schema.enum && schema.const === undefined;
  if (plain && !schema.examples?.length)
    return String(parameter.name)
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_');
  const value = schemaValue(document, parameter.schema ?? media?.schema ?? {}, 'request');
  if (value === undefined) return parameter.name;
  // A query's object is sent as its style says (queryFields); elsewhere its name stands in for it.
  return typeof value === 'object' && value !== null && !Array.isArray(value) && parameter.in !== 'query' ? parameter.name : value;
}

/**
 * A query parameter's fields: its value in JSON when it has a media type (`content`), else as its
 * `style` and `explode` say (a list repeated or joined, an object's properties or deepObject's
 * bracketed names), by the same rules as a URL-encoded form's fields.
 */
function queryFields(parameter: Json, value: unknown): Array<[string, string]> {
  const name = String(parameter.name);
  if (parameter.content) return [[name, typeof value === 'string' ? value : JSON.stringify(value)]];
  return formFields({ [name]: value }, { [name]: { style: parameter.style, explode: parameter.explode } }, false);
}

function addCredentials(document: Json, operation: SpecOperation, headers: Json[], query: Json[], cookies: Json[]): void {
  const requirements: Json[] = operation.operation.security ?? document.security ?? [];
  const first = requirements.find((requirement) => requirement && Object.keys(requirement).length > 0);
  const schemes = Object.keys(first ?? {}).map((name) => resolve(document, document.components?.securitySchemes?.[name]));
  // Several keys sent together (Plaid's client id, secret and version) each get a placeholder of their own.
  const keys = schemes.filter((scheme) => scheme?.type === 'apiKey').length;
  for (const scheme of schemes) {
    if (!scheme) continue;
    if (scheme.type === 'apiKey') {
      const own = `YOUR_${String(scheme.name)
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')}`;
      const entry = { name: String(scheme.name), value: keys > 1 ? own : API_KEY_PLACEHOLDER };
      if (scheme.in === 'query') query.push(entry);
      else if (scheme.in === 'cookie') cookies.push(entry);
      else headers.push(entry);
    } else if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'basic') {
      headers.push({ name: 'Authorization', value: `Basic ${Buffer.from('USERNAME:PASSWORD').toString('base64')}` });
    } else if (scheme.type === 'http' || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') {
      headers.push({ name: 'Authorization', value: `Bearer ${TOKEN_PLACEHOLDER}` });
    }
  }
}

function requestBody(document: Json, operation: SpecOperation): { mimeType: string; text?: string; params?: FormParam[]; files?: UploadedFile[] } | undefined {
  const body = resolve(document, operation.operation.requestBody);
  const content: Record<string, Json> = body?.content ?? {};
  const types = Object.keys(content);
  if (types.length === 0) return undefined;
  const mimeType = types.find((type) => /json/i.test(type)) ?? types.find((type) => type === 'application/x-www-form-urlencoded') ?? types[0]!;
  const media = content[mimeType];
  const given = givenExample(document, media);
  const file = bodyFile(document, mimeType, media, given);
  if (file) return { mimeType, text: file.marker, files: [file] };
  const value = given.found ? given.value : schemaValue(document, media?.schema ?? {}, 'request');
  // A form's fields go to httpsnippet one by one: it encodes them (and a multipart body's boundary) itself.
  // A multipart form's file fields are sent from files (file-body.ts), the others as OpenAPI says
  // a form's fields are (form-fields.ts).
  if ((mimeType === FORM || mimeType === 'multipart/form-data') && value && typeof value === 'object' && !Array.isArray(value)) {
    const fields = value as Record<string, unknown>;
    const multipart = mimeType === 'multipart/form-data';
    const files = multipart ? formFiles(document, media, fields) : new Map<string, UploadedFile>();
    const params = Object.entries(fields).flatMap(([name, v]): FormParam[] => {
      const file = files.get(name);
      if (file) return [{ name, value: file.marker, fileName: file.fileName, contentType: file.contentType }];
      return formFields({ [name]: v }, media?.encoding, multipart).map(([field, text]) => ({ name: field, value: text }));
    });
    return { mimeType, params, files: [...files.values()] };
  }
  if (/json/i.test(mimeType)) return { mimeType, text: JSON.stringify(value ?? {}) };
  return { mimeType, text: typeof value === 'string' ? value : JSON.stringify(value ?? '') };
}
