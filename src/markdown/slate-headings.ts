/**
 * Slate's Redcarpet reads a line that starts with one to six `#` as a heading whether or not a space
 * follows them (`##Story Classification`): `space_after_headers` is not among the options of Slate's
 * config.rb. CommonMark wants the space, so in Shale such a line was a paragraph, and the links to
 * the heading Slate made from it pointed nowhere (Accern's public Slate docs have them). In Slate's
 * format each such line gets its space before it is parsed. Lines in fenced code (`#!/bin/sh`,
 * `#comment`) are left as they are. No line moves, so problems keep their lines.
 */
const HASHES_THEN_TEXT = /^(#{1,6})(?=[^\s#])/;
const ANY_LINE = /^#{1,6}[^\s#]/m;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function spaceAfterHashes(body: string): string {
  if (!ANY_LINE.test(body)) return body;
  const lines = body.split('\n');
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (fence) {
      const closing = FENCE.exec(line);
      if (closing && closing[1]![0] === fence[0] && closing[1]!.length >= fence.length && !line.slice(closing[0].length).trim()) fence = undefined;
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      fence = opening[1];
      continue;
    }
    lines[index] = line.replace(HASHES_THEN_TEXT, '$1 ');
  }
  return lines.join('\n');
}
