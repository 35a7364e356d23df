import { resolve, type Json } from './spec-model';

/**
 * Uploads in generated samples. A request body that is a file's bytes (`format: binary`, or a media
 * type that is not text with no schema saying otherwise) and a multipart form's file fields are
 * sent from files, as a reader would send them: curl's `--data-binary @file`, Ruby's
 * `File.binread`, Python's `open(…, "rb")`. httpsnippet reads files only for a few languages'
 * forms, so the sample is generated with a marker where each file's bytes go, and each language's
 * literal holding a marker is rewritten to read the file there.
 */

export interface UploadedFile {
  /** Stands for the file's bytes in the sample httpsnippet writes. */
  marker: string;
  fileName: string;
  contentType: string;
}

/** Media types whose bodies are text (or a form Shale encodes field by field), never a file's bytes. */
const TEXTUAL = /json|xml|yaml|^text\/|x-www-form-urlencoded|multipart\/|graphql|javascript|csv/i;

const marker = (index: number) => `SHALE_FILE_${index}`;

/** A schema for a file's bytes: OpenAPI 3.0's `format: binary`, 3.1's `contentMediaType`. */
function isBinary(schema: Json): boolean {
  return schema?.type === 'string' && (schema.format === 'binary' || typeof schema.contentMediaType === 'string') && schema.contentEncoding === undefined;
}

/**
 * A curl-style example (`@example.zip`, GitHub's release asset upload) names its file; else it is
 * the given stem with the media type's short subtype as extension (`file.png`, `file.bin`).
 */
function fileName(stem: string, contentType: string, example: unknown): string {
  if (typeof example === 'string' && /^@[\w.-]+$/.test(example)) return example.slice(1);
  const subtype = /^[\w-]+\/([a-z0-9]{1,5})$/i.exec(contentType)?.[1]?.toLowerCase();
  return `${stem}.${subtype === undefined ? 'bin' : subtype}`;
}

/** The file a whole request body is read from, or undefined when the body is not a file's bytes. */
export function bodyFile(document: Json, mimeType: string, media: Json, example: { found: boolean; value?: unknown }): UploadedFile | undefined {
  const schema = resolve(document, media?.schema) ?? {};
  const untypedBytes = !TEXTUAL.test(mimeType) && !example.found && (schema.type === undefined || schema.type === 'string') && schema.properties === undefined;
  if (!isBinary(schema) && !untypedBytes) return undefined;
  return { marker: marker(0), fileName: fileName('file', mimeType, example.value), contentType: mimeType };
}

/** The fields of a multipart form that are files, by name: their schema says bytes. */
export function formFiles(document: Json, media: Json, fields: Record<string, unknown>): Map<string, UploadedFile> {
  const schema = resolve(document, media?.schema) ?? {};
  const files = new Map<string, UploadedFile>();
  for (const [name, value] of Object.entries(fields)) {
    const declaredProperty = resolve(document, schema.properties?.[name]);
    // A list of files (`type: array` of bytes) sends one here, a reader adds more the same way.
    const property = declaredProperty?.type === 'array' ? resolve(document, declaredProperty.items) : declaredProperty;
    if (!isBinary(property)) continue;
    // The form's encoding may name the part's type; a list (`image/png, image/jpeg`) gives its first.
    const declared = String(media?.encoding?.[name]?.contentType ?? property.contentMediaType ?? '')
      .split(',')[0]!
      .trim();
    const contentType = declared && !declared.includes('*') ? declared : 'application/octet-stream';
    files.set(name, { marker: marker(files.size), fileName: fileName(name.replace(/[^\w.-]+/g, '_') || 'file', contentType, value), contentType });
  }
  return files;
}

/** A generated sample with a marker for each file's bytes, made to send the files instead. */
export function sendFiles(target: string, sample: string, files: readonly UploadedFile[]): string {
  const [first] = files;
  if (!first) return sample;
  const name = (file: UploadedFile) => JSON.stringify(file.fileName);
  const only = files.length === 1 ? first : undefined;
  switch (target) {
    case 'shell':
      // A form's file fields httpsnippet writes itself (`--form file=@file.png`).
      return only ? sample.replace(`--data ${only.marker}`, `--data-binary @${only.fileName}`) : sample;
    case 'ruby':
      return spliced(
        sample,
        files,
        (file) => `File.binread(${name(file)})`,
        (piece) => `"${piece}".b`,
        ' + ',
      );
    case 'python':
      // A form's file fields are in the `files` list sample-bodies.ts writes, opened there.
      return only ? sample.replace(`"${only.marker}"`, `open(${name(only)}, "rb")`) : sample;
    case 'javascript': {
      // In a browser a file is one the reader chose in the page's file inputs.
      const variable = (index: number) => (files.length === 1 ? 'file' : `file${index + 1}`);
      const input = (index: number) => (files.length === 1 ? `querySelector('input[type="file"]')` : `querySelectorAll('input[type="file"]')[${index}]`);
      const chosen = files.map((_, index) => `const ${variable(index)} = document.${input(index)}.files[0];`);
      const sent = files.reduce((text, file, index) => text.replace(`'${file.marker}'`, variable(index)).replace(`"${file.marker}"`, variable(index)), sample);
      return `${chosen.join('\n')}\n\n${sent}`;
    }
    case 'node': {
      if (only && sample.includes(`'${only.marker}'`))
        return `import fs from 'node:fs';\n\n${sample.replace(`'${only.marker}'`, `fs.readFileSync(${name(only)})`)}`;
      // httpsnippet's form file is a Blob of a stream, sent without its name or type.
      return files.reduce(
        (text, file) =>
          text.replace(
            `await new Response(fs.createReadStream('${file.fileName}')).blob())`,
            `new Blob([fs.readFileSync(${name(file)})], { type: ${JSON.stringify(file.contentType)} }), ${name(file)})`,
          ),
        sample,
      );
    }
    case 'go': {
      const withOs = sample.replace('import (\n', 'import (\n\t"os"\n');
      if (only && sample.includes(`strings.NewReader("${only.marker}")`)) {
        const opened = withOs.replace(`payload := strings.NewReader("${only.marker}")`, `payload, _ := os.Open(${name(only)})`);
        // `strings` was imported for the marker's reader alone; Go refuses an unused import.
        return opened.includes('strings.') ? opened : opened.replace('\t"strings"\n', '');
      }
      const variable = (index: number) => `file${index + 1}`;
      const read = spliced(
        withOs,
        files,
        (file) => variable(files.indexOf(file)),
        (piece) => `strings.NewReader("${piece}")`,
        ', ',
      );
      const opens = files.map((file, index) => `${variable(index)}, _ := os.Open(${name(file)})`);
      return read.replace(/^(\s*)payload := strings\.NewReader\((.*)\)$/m, (_, indent: string, readers: string) =>
        [...opens, `payload := io.MultiReader(${readers})`].map((line) => indent + line).join('\n'),
      );
    }
    case 'java': {
      const imports = (names: string[]) => sample.replace(JAVA_LAST_IMPORT, [JAVA_LAST_IMPORT, ...names.map((imported) => `import ${imported};`)].join('\n'));
      if (only && sample.includes(`ofString("${only.marker}")`))
        return imports(['java.nio.file.Path']).replace(`ofString("${only.marker}")`, `ofFile(Path.of(${name(only)}))`);
      return imports(['java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List']).replace(
        /BodyPublishers\.ofString\((".*")\)/,
        (_, literal: string) => {
          const arrays = spliced(
            literal,
            files,
            (file) => `Files.readAllBytes(Path.of(${name(file)}))`,
            (piece) => `"${piece}".getBytes(StandardCharsets.UTF_8)`,
            ', ',
          );
          return `BodyPublishers.ofByteArrays(List.of(${arrays}))`;
        },
      );
    }
    case 'php':
      if (only && sample.includes(`'${only.marker}'`)) return sample.replace(`'${only.marker}'`, `file_get_contents('${only.fileName}')`);
      return spliced(
        sample,
        files,
        (file) => `file_get_contents('${file.fileName}')`,
        (piece) => `"${piece}"`,
        ' . ',
      );
    case 'csharp':
      return files.reduce(
        (text, file) => text.replace(`new StringContent("${file.marker}")`, `new ByteArrayContent(File.ReadAllBytes(${name(file)}))`),
        sample,
      );
    case 'http': {
      // A raw message cannot read a file: where its length and bytes go is said instead.
      const length = sample.replace(/^Content-Length: \d+$/im, 'Content-Length: <the length of the body in bytes>');
      return files.reduce((text, file) => text.replace(file.marker, `<the bytes of ${file.fileName}>`), length);
    }
    default:
      return sample;
  }
}

/** The last import of Java's program (request-samples.ts), after which a file's imports go. */
const JAVA_LAST_IMPORT = 'import java.net.http.HttpResponse;';

/**
 * The string literal of the sample that holds the files' markers (delimited by double quotes, with
 * backslash escapes), cut at each marker: the text between markers written by `piece`, each file by
 * `read`, joined with `join`. An empty piece is left out.
 */
function spliced(sample: string, files: readonly UploadedFile[], read: (file: UploadedFile) => string, piece: (text: string) => string, join: string): string {
  const at = sample.indexOf(files[0]!.marker);
  if (at < 0) return sample;
  let start = at;
  while (start > 0 && !unescapedQuote(sample, start - 1)) start--;
  let end = at;
  while (end < sample.length && !unescapedQuote(sample, end)) end++;
  const parts: string[] = [];
  let text = sample.slice(start, end);
  for (const file of files) {
    const [before, after = ''] = text.split(file.marker);
    if (before) parts.push(piece(before));
    parts.push(read(file));
    text = after;
  }
  if (text) parts.push(piece(text));
  return sample.slice(0, start - 1) + parts.join(join) + sample.slice(end + 1);
}

/** Whether the character at `index` is a double quote that ends (or starts) a literal, not `\"`. */
function unescapedQuote(text: string, index: number): boolean {
  if (text[index] !== '"') return false;
  let backslashes = 0;
  while (text[index - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 0;
}
