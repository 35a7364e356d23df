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

  it('become headings in block quotes too, as Redcarpet read them, not in a quoted fence', () => {
    const body = '> ###API Endpoint:\n> text\n\n> > ##Nested\n\n>  ###Two spaces\n\n> ```shell\n> #!/bin/sh\n> ```\n> #After\n\n> ```\n> #open\n#Out\n';
    expect(redcarpetLines(body)).toBe(
      '> ### API Endpoint:\n> text\n\n> > ## Nested\n\n>  ###Two spaces\n\n> ```shell\n> #!/bin/sh\n> ```\n> # After\n\n> ```\n> #open\n# Out\n',
    );
  });

  it('give a heading whose hashes a no-break space follows its space, as Redcarpet made a heading of it', () => {
    expect(redcarpetLines('####\u00a0Filtering by tax\n')).toBe('#### \u00a0Filtering by tax\n');
  });

  it('read on after a line of backticks whose info holds a backtick, which is a code span, not a fence', () => {
    expect(redcarpetLines('```GET https://x.com?code=1```\n\n##Next\n')).toBe('```GET https://x.com?code=1```\n\n## Next\n');
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

  it("write a delimiter row with more cells than the head, or cells of a colon, with the head's cells, as Redcarpet read the table", () => {
    const body = '| A | B |\n|:-|:-|:-|\n| x | y |\n\nA | B\n-|:\n1 | 2\n\n# Head\n| A | B |\n|:-|:-|:\n';
    expect(redcarpetLines(body)).toBe('| A | B |\n| :--- | :--- |\n| x | y |\n\nA | B\n| --- | :--- |\n1 | 2\n\n# Head\n| A | B |\n| :--- | :--- |\n');
  });

  it('write a delimiter row that starts as a list item (`- | -`) with pipes, as Redcarpet read it as a table', () => {
    expect(redcarpetLines('param | description\n- | -\nid | The id.\n')).toBe('param | description\n| --- | --- |\nid | The id.\n');
    expect(redcarpetLines('a | b\n-|-\n1 | 2\n\n- item | one\n- item | two\n')).toBe('a | b\n-|-\n1 | 2\n\n- item | one\n- item | two\n');
    // Under a line of text too, where GFM makes the table it makes of `--- | ---` (Redcarpet kept the text).
    expect(redcarpetLines('<strong>Body</strong>\nfield | type\n- | -\na | b\n')).toBe('<strong>Body</strong>\nfield | type\n| --- | --- |\na | b\n');
  });

  it("escape the parentheses inside a definition's title in parentheses, which Redcarpet took up to the last one (a hidden comment)", () => {
    expect(redcarpetLines('[//]: # (Note (internal): keep)\n\nText (with parens).\n')).toBe('[//]: # (Note \\(internal\\): keep)\n\nText (with parens).\n');
    expect(redcarpetLines('[//]: # (plain comment)\n')).toBe('[//]: # (plain comment)\n');
  });

  it('give a body row that starts as a list item, a quote or a heading a leading pipe, as Redcarpet kept it a row', () => {
    const body = 'Setting | A | B\n--- | --- | ---\n1. disabled for all | false | false\n- x | y | z\n> q | r | s\n# h | i | j\n';
    expect(redcarpetLines(body)).toBe('Setting | A | B\n--- | --- | ---\n| 1. disabled for all | false | false\n| - x | y | z\n| > q | r | s\n| # h | i | j\n');
  });

  it('keep a line indented four columns or more outside a list as text, as Redcarpet did without indented code', () => {
    // Widdershins' OAuth flows, an indented heading and quote (OpenMRS), a tab, a numbered line.
    const body = 'Para.\n\n    - Flow: clientCredentials\n    - Token URL\n\n    ### Query Parameters\n\n    > quoted\n\n\t- tab\n\n     1. one\n';
    expect(redcarpetLines(body)).toBe(
      'Para.\n\n    \\- Flow: clientCredentials\n    \\- Token URL\n\n    \\### Query Parameters\n\n    \\> quoted\n\n\t\\- tab\n\n     1\\. one\n',
    );
    // Under an item, an indented line is the item's (a nested item, a heading in the item): left as written.
    const nested = '* Delete a room.\n\n    ### Query Parameters\n\nText.\n\n- a\n    - b\n';
    expect(redcarpetLines(nested)).toBe(nested);
    // A table at the margin ends the list: Widdershins' second flow, under its scopes, is text (Discord's).
    const flows = '- oAuth2 authentication.\n\n    - Flow: implicit\n\n|Scope|Description|\n|---|---|\n|read|Read|\n\n    - Flow: clientCredentials\n';
    expect(redcarpetLines(flows)).toBe(flows.replace('    - Flow: clientCredentials', '    \\- Flow: clientCredentials'));
  });

  it('give a head written ` | |` its first empty cell, as Redcarpet counted a pipe after blanks as a separator', () => {
    expect(redcarpetLines(' | |\n --- | ------\nDomain | cdn.example.com\n')).toBe('| | |\n --- | ------\nDomain | cdn.example.com\n');
    // Indented four blanks or more too (Redcarpet's Slate read no indented code).
    expect(redcarpetLines('          |      |\n--------- | ---- |\n**q** string | Your query.\n')).toBe(
      '|          |      |\n--------- | ---- |\n**q** string | Your query.\n',
    );
    // Right under an HTML line that closes its element, as under a blank line.
    expect(redcarpetLines('<h3>Headers</h3>\n | |\n --- | ---\nType | json\n')).toBe('<h3>Headers</h3>\n| | |\n --- | ---\nType | json\n');
  });

  it('leave a fence under a line of text unopened, as Redcarpet did, when it would run on over the opening of another fence', () => {
    const body = '**Multiselect**\n```php\n$api->create($data);\n\n### Edit Field\n```php\n$api->edit($id);\n```\n';
    expect(redcarpetLines(body)).toBe('**Multiselect**\n\\`\\`\\`php\n$api->create($data);\n\n### Edit Field\n```php\n$api->edit($id);\n```\n');
    // Closed before any other opening: the code block its writer meant (a warning says Slate showed text).
    const closed = 'Request:\n```php\n$api->create($data);\n```\n\n```php\n$api->edit($id);\n```\n';
    expect(redcarpetLines(closed)).toBe(closed);
  });

  it("quote the code and closing fence of a fence opened on a quote's line, which Redcarpet's quote took up to a blank line", () => {
    expect(redcarpetLines('> ```\nIF rule then x\n```\n\n## Cells\n')).toBe('> ```\n> IF rule then x\n> ```\n\n## Cells\n');
    // No closing fence before a blank line: left as written.
    expect(redcarpetLines('> ```\nIF rule\n\n```\n')).toBe('> ```\nIF rule\n\n```\n');
  });

  it('take the indentation off HTML inside an element opened at the margin and not closed yet, which Redcarpet kept raw', () => {
    expect(redcarpetLines('<aside class="notice">\n  <b>Note:</b>\n\n  <ol>\n    <li>x</li>\n  </ol>\n</aside>\n\n <table>\n</table>\n')).toBe(
      '<aside class="notice">\n  <b>Note:</b>\n\n<ol>\n    <li>x</li>\n  </ol>\n</aside>\n\n <table>\n</table>\n',
    );
  });

  it('join link text to a destination with balanced parentheses, and wrap a spaced one holding them, as Redcarpet read them', () => {
    expect(redcarpetLines('See [order types] (https://en.wikipedia.org/wiki/Order_(exchange)) here.\n')).toBe(
      'See [order types](https://en.wikipedia.org/wiki/Order_(exchange)) here.\n',
    );
    expect(redcarpetLines('See [docs](#Resource Management-(pro-only)) and [t](a (b)).\n')).toBe(
      'See [docs](<#Resource Management-(pro-only)>) and [t](a (b)).\n',
    );
  });

  it("take stray commas out of a tag's attributes, which Redcarpet passed on and CommonMark showed as text, not in quotes or code", () => {
    expect(redcarpetLines('**Method <span style="color:Green" , bold >`GET`</span>** and <b class="a",>b</b>\n')).toBe(
      '**Method <span style="color:Green" bold >`GET`</span>** and <b class="a">b</b>\n',
    );
    const kept = 'Keep <a title="a , b" href="x">x</a>, and `<b x ,>` code, and a, b.\n';
    expect(redcarpetLines(kept)).toBe(kept);
  });

  it('close a heading written #Title# as Redcarpet did, its closing hashes dropped, and leave C# alone', () => {
    expect(redcarpetLines('#Generate Access Token#\n##Quick Pay##\n## Using C#\n##Using F#\n')).toBe(
      '# Generate Access Token #\n## Quick Pay ##\n## Using C#\n## Using F#\n',
    );
  });

  it('read as many delimiter cells as the head has and drop the rest of that line, as Redcarpet did', () => {
    expect(redcarpetLines('A | B | C\n- | - | - | -filter[x] |  | `rsvp`\npage | 1000 | Max\n\nA | B\n---|---|junk\nr | 1\n')).toBe(
      'A | B | C\n| --- | --- | --- |\npage | 1000 | Max\n\nA | B\n| --- | --- |\nr | 1\n',
    );
    // A cell with more than dashes among the head's is no delimiter row: no table, as in Redcarpet.
    const none = 'C | D\n--- | --- x\ns | 2\n';
    expect(redcarpetLines(none)).toBe(none);
  });

  it('give a row that starts with an HTML tag a leading pipe, in the head and in the body', () => {
    const body = '<div style="width:80px">Code</div> | Meaning\n---------- | -------\n<b>400</b> | Bad\n401 | <i>No</i>\nafter\n\n<div>not | a table</div>\n';
    expect(redcarpetLines(body)).toBe(
      '| <div style="width:80px">Code</div> | Meaning\n---------- | -------\n| <b>400</b> | Bad\n401 | <i>No</i>\nafter\n\n<div>not | a table</div>\n',
    );
  });

  it('leave tables GFM reads as Redcarpet did, too few delimiter cells, a table in a paragraph and tables in code as written', () => {
    const body = '| A | B |\n|---|:-:|\n| 1 | 2 |\n\n| A | B | C |\n|---|---|\n\ntext\n| A | B |\n|:-|:-|:-|\n\n```\n| A | B |\n|:-|:-|:-|\n```\n';
    expect(redcarpetLines(body)).toBe(body);
  });
});
