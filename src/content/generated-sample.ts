/**
 * The word the spec compiler (openapi/compile-spec.ts) puts after the language of a request sample
 * it generated (```` ```shell generated-sample ````). Its code block then carries
 * `data-sample="generated"` (markdown/rehype-code-blocks.ts), and search leaves it out
 * (search/build/records.ts): it only repeats the method, path and parameters the section shows,
 * in the same words for every operation (`curl`, `requests.get`, `fetch`), which would make each
 * of them a result for those words and their prefixes.
 */
export const GENERATED_SAMPLE = 'generated-sample';
