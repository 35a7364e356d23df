import type { HarRequest } from '@readme/httpsnippet';
import { javascriptLiteral, pythonLiteral } from './literals';

/**
 * How a generated sample's body is handed to httpsnippet, language by language, where what
 * httpsnippet writes from the body as it is would send something else (request-samples.ts runs it).
 */

export const FORM = 'application/x-www-form-urlencoded';

/** A field of a form; a file field names its file and the type of its bytes. */
export interface FormParam {
  name: string;
  value: string;
  fileName?: string;
  contentType?: string;
}

/** Languages whose URL-encoded body httpsnippet writes out as one string, from its fields as a query string library would (`tags[0]=a`). */
const FORM_AS_TEXT = new Set(['ruby', 'go', 'java', 'php', 'http']);

/**
 * A URL-encoded form given to httpsnippet as the text it is sent as, for the languages that would
 * write its fields as `qs` does (a name repeated becomes `tags[0]=a&tags[1]=b`). The fields are
 * encoded as a browser encodes a form (spaces as `%20`, which every server reads as a space).
 */
export function formAsText(target: string, request: HarRequest): void {
  const postData = request.postData;
  if (postData?.mimeType !== FORM || !postData.params) return;
  if (!FORM_AS_TEXT.has(target)) return;
  const text = postData.params
    .map(({ name, value }: { name: string; value?: string }) => `${encodeURIComponent(name)}=${encodeURIComponent(value ?? '')}`)
    .join('&');
  request.postData = { mimeType: 'text/plain', text };
}

/** Stands for the body in Python's and JavaScript's samples while httpsnippet writes them (bodyAsLiteral). */
const LITERAL_MARKER = 'SHALE_BODY_LITERAL';

/**
 * Bodies that Shale writes itself in some languages, because httpsnippet escapes only the quotes
 * of the literals it writes there (a backslash, `C:\\temp`, or a line break sent other text, or
 * the sample did not parse), and leaves out a JSON body that is `0`, `false` or `""`. The request
 * gets a marker for its body, and the function returned puts the body in its place:
 *
 * - JSON, in Python and JavaScript: a literal of the language (literals.ts);
 * - a URL-encoded form, in Python a dict (a list for a repeated name), in JavaScript's fetch
 *   `URLSearchParams` of an object (of pairs when a name repeats), in C# `FormUrlEncodedContent`
 *   of pairs (a Dictionary refuses a name twice);
 * - a multipart form, in Python requests' list of `files` (a file opened, a field as
 *   `(None, text)`), with no Content-Type of the sample's own: requests writes the boundary.
 */
export function bodyAsLiteral(target: string, request: HarRequest): ((sample: string) => string) | undefined {
  const postData = request.postData;
  if (!postData) return undefined;
  if (/json/i.test(postData.mimeType) && postData.text !== undefined && (target === 'python' || target === 'javascript' || target === 'node')) {
    let value: unknown;
    try {
      value = JSON.parse(postData.text);
    } catch {
      // Not JSON: a file's marker (file-body.ts), which is replaced later.
      return undefined;
    }
    request.postData = { mimeType: postData.mimeType, text: JSON.stringify(LITERAL_MARKER) };
    if (target === 'python') return (sample) => sample.replace(`"${LITERAL_MARKER}"`, () => pythonLiteral(value));
    // The body is a property of the request's options, 2 spaces in.
    return (sample) => sample.replace(`'${LITERAL_MARKER}'`, () => javascriptLiteral(value, '  '));
  }
  const params: FormParam[] | undefined = postData.params;
  if (!params) return undefined;
  if (postData.mimeType === FORM && (target === 'python' || target === 'javascript' || target === 'csharp')) {
    request.postData = { mimeType: 'text/plain', text: LITERAL_MARKER };
    const pairs = params.map(({ name, value }): [string, string] => [name, value]);
    if (target === 'csharp') {
      const entries = pairs.map(([name, value]) => `        new KeyValuePair<string, string>(${JSON.stringify(name)}, ${JSON.stringify(value)}),`);
      const content = `new FormUrlEncodedContent(new List<KeyValuePair<string, string>>\n    {\n${entries.join('\n')}\n    })`;
      // The content's type is the form's (httpsnippet names the marker's, text/plain).
      return (sample) =>
        sample
          .replace(`new StringContent("${LITERAL_MARKER}")`, () => content)
          .replace('new MediaTypeHeaderValue("text/plain")', `new MediaTypeHeaderValue("${FORM}")`);
    }
    const fields = new Map<string, string[]>();
    for (const [name, value] of pairs) fields.set(name, [...(fields.get(name) ?? []), value]);
    const dict = Object.fromEntries([...fields].map(([name, values]) => [name, values.length === 1 ? values[0] : values]));
    if (target === 'python') return (sample) => sample.replace(`"${LITERAL_MARKER}"`, () => pythonLiteral(dict));
    const repeats = fields.size < pairs.length;
    return (sample) => sample.replace(`'${LITERAL_MARKER}'`, () => `new URLSearchParams(${javascriptLiteral(repeats ? pairs : dict, '  ')})`);
  }
  if (postData.mimeType !== 'multipart/form-data' || target !== 'python') return undefined;
  request.postData = { mimeType: 'text/plain', text: LITERAL_MARKER };
  request.headers = request.headers.filter(({ name }: { name: string }) => name.toLowerCase() !== 'content-type');
  const parts = params.map(({ name, value, fileName, contentType }) => {
    const content = fileName
      ? `${JSON.stringify(fileName)}, open(${JSON.stringify(fileName)}, "rb"), ${JSON.stringify(contentType ?? 'application/octet-stream')}`
      : `None, ${JSON.stringify(value)}`;
    return `    (${JSON.stringify(name)}, (${content}))`;
  });
  return (sample) => sample.replace(`payload = "${LITERAL_MARKER}"`, () => `files = [\n${parts.join(',\n')}\n]`).replace('data=payload', 'files=files');
}
