import { describe, expect, it } from 'vitest';
import { redcarpetLines } from '../../src/markdown/slate-headings';

describe("Slate's headings without a space after the hashes", () => {
  it('become headings, with no line moved', () => {
    const body = '##Story Classification\n\ntext\n#Intro\n###### Six\n#######seven\n# Spaced\n';
    expect(redcarpetLines(body)).toBe('## Story Classification\n\ntext\n# Intro\n###### Six\n#######seven\n# Spaced\n');
  });

  it('leave fenced code, indented text and a lone hash alone', () => {
    const body = '```shell\n#!/bin/sh\n#comment\n```\n~~~~\n#x\n```\n#still code\n~~~~\n  #indented\n#\n#Out\n';
    expect(redcarpetLines(body)).toBe('```shell\n#!/bin/sh\n#comment\n```\n~~~~\n#x\n```\n#still code\n~~~~\n  #indented\n#\n# Out\n');
  });

  it('return a body with no such line as it is', () => {
    const body = '# Title\n\ntext with #hash\n';
    expect(redcarpetLines(body)).toBe(body);
  });

  it('leave raw HTML blocks and comments as they are', () => {
    const body =
      '<pre>\n#include <stdio.h>\n</pre>\n<div class="note">\n#tag\n</div>\n\n<!--\n#hidden\n-->\n<!-- one line -->\n#After\n<aside class="notice">One line.</aside>\n#Next\n';
    expect(redcarpetLines(body)).toBe(
      '<pre>\n#include <stdio.h>\n</pre>\n<div class="note">\n#tag\n</div>\n\n<!--\n#hidden\n-->\n<!-- one line -->\n# After\n<aside class="notice">One line.</aside>\n# Next\n',
    );
  });

  it('escape a `1)` item marker, which Redcarpet read as text (only `1.` starts its ordered lists), not in code', () => {
    const body = '1) Set the method:\n\n`GET`\n\n2) Set the URI\n> 3) quoted\n1. a real item\n```\n1) code\n```\n';
    expect(redcarpetLines(body)).toBe('1\\) Set the method:\n\n`GET`\n\n2\\) Set the URI\n> 3\\) quoted\n1. a real item\n```\n1) code\n```\n');
  });

  it('reads a line of many block-quote markers in one pass (a fuzzed source once made it backtrack for minutes)', () => {
    const quoted = `${'>  '.repeat(5000)}x\n${'> '.repeat(2000)}1) step\n`;
    expect(redcarpetLines(quoted)).toBe(`${'>  '.repeat(5000)}x\n${'> '.repeat(2000)}1\\) step\n`);
  });

  it('puts a link destination with spaces in <…>, as Redcarpet made a link of it, not in code spans or fenced code', () => {
    const body =
      'See [the docs](http://a.com/x y) and [k](l m "t"), [y](a b \'c\') `[c](d e)` [**b** t](f g) [u](  h i  )\n' +
      'Kept: [a](b "title") [z](a (b)) [w](<e f>) [n](plain)\n```\n[c](d e)\n```\n| [t](u v) | x |\n';
    expect(redcarpetLines(body)).toBe(
      'See [the docs](<http://a.com/x y>) and [k](<l m> "t"), [y](<a b> \'c\') `[c](d e)` [**b** t](<f g>) [u](<h i>)\n' +
        'Kept: [a](b "title") [z](a (b)) [w](<e f>) [n](plain)\n```\n[c](d e)\n```\n| [t](<u v>) | x |\n',
    );
  });

  it('joins link text to a URL, path or anchor after blanks, as Redcarpet did, and to a defined reference', () => {
    const body =
      'See [section 2.1] (https://tools.ietf.org/html/rfc6749#section-2.1) of **[[OAUTH2]](#nref)**, [up]\t(../a.html "t") [s] (/x) [h] (#top)\n' +
      '[the guide] [Guide] and [a [b] c]  (mailto:x@y.z)\n\n[guide]: https://example.com/guide\n';
    expect(redcarpetLines(body)).toBe(
      'See [section 2.1](https://tools.ietf.org/html/rfc6749#section-2.1) of **[[OAUTH2]](#nref)**, [up](../a.html "t") [s](/x) [h](#top)\n' +
        '[the guide][Guide] and [a [b] c](mailto:x@y.z)\n\n[guide]: https://example.com/guide\n',
    );
  });

  it('leave blanks after link text before anything else as written: prose, placeholders, code', () => {
    const body = 'array[0] (first) [optional] (see below) [from] [to] [x] (a b) `[c] (http://d)` foo] (http://e)\n```\n[f] (http://g)\n```\n';
    expect(redcarpetLines(body)).toBe(body);
  });

  it('reads a line of many backticks and unclosed destinations in bounded time', () => {
    const line = `${'`a'.repeat(3000)} ${'](x y '.repeat(3000)}\n`;
    expect(redcarpetLines(line)).toBe(line);
  });
});

describe("Slate's lines read as Redcarpet read them", () => {
  it("escape a backslash that escaped nothing in Redcarpet, not in code spans, HTML blocks or before Redcarpet's escapes", () => {
    const body = 'JSON: "[{\\"value\\":1}]" 50\\% a\\/b \\$5 \\*not em\\* \\\\" `\\"code\\"`\n\n<aside>50\\%</aside>\n';
    expect(redcarpetLines(body)).toBe('JSON: "[{\\\\"value\\\\":1}]" 50\\\\% a\\\\/b \\\\$5 \\*not em\\* \\\\" `\\"code\\"`\n\n<aside>50\\%</aside>\n');
  });

  it('read an HTML line right under a line of a paragraph as text of the paragraph, as Redcarpet did', () => {
    const body =
      'Intro:\n<aside class="notice">Note *em*. 50\\%</aside>\nSecond\n\n<div>\nblock 50\\%\n</div>\nafter\n\n- item\n<div>x</div>\n\n# Title\n<p>y</p>\n\n<b>one</b>\n<i>two</i>\n';
    expect(redcarpetLines(body)).toBe(
      'Intro:\n<aside class="notice">Note *em*. 50\\\\%</aside>\nSecond\n\n<div>\nblock 50\\%\n</div>\nafter\n\n- item\n<div>x</div>\n\n# Title\n<p>y</p>\n\n<b>one</b>\n<i>two</i>\n',
    );
  });
});
