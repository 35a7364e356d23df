import { createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import { beforeAll, describe, expect, it } from 'vitest';
import { LineTokenizer, putBack, shortenWords } from '../../src/highlight/line-tokens';
import { THEME } from '../../src/highlight/theme';

/**
 * The line tokenizer must give exactly shiki's tokens, however lines repeat: the same text in
 * another state (inside a string, a comment, a heredoc), a first line that starts a grammar's
 * `\A` rules, empty lines inside open constructs, Windows line ends.
 */
const SAMPLES: Array<[string, string]> = [
  ['shellscript', '#!/bin/bash\ncurl "https://api.example.com/v1/widgets" \\\n  -H "Authorization: Bearer $TOKEN"\n#!/bin/bash'],
  ['shellscript', 'cat <<EOF\ncurl "https://api.example.com/v1/widgets" \\\n\nEOF\ncurl "https://api.example.com/v1/widgets" \\\n  -X POST'],
  ['ruby', "require 'example'\ntext = <<~DOC\n  require 'example'\n\n  #{value}\nDOC\nrequire 'example'"],
  ['ruby', "=begin\nrequire 'example'\n=end\nrequire 'example'\nputs \"a\n\nrequire 'example'\""],
  ['python', 'import example\n"""\nimport example\n\nimport example\n"""\nimport example'],
  ['python', "def f():\n    return f'{x!r}'\n\n# import example\nimport example"],
  ['javascript', 'const a = `\nconst a = 1;\n\n${b}\n`;\nconst a = 1;\n/*\nconst a = 1;\n\n*/\nconst a = 1;'],
  [
    'javascript',
    'const client = new Example({ token: process.env.TOKEN });\r\nawait client.widgets.list();\r\n\r\nconst client = new Example({ token: process.env.TOKEN });',
  ],
  ['json', '{\n  "id": 1,\n  "nested": {\n    "id": 1,\n    "list": [\n      "id",\n\n      1\n    ]\n  },\n  "id": 1\n}'],
  ['json', '{\n  "id": 1,\n  "nested": {\n    "id": 1,\n    "list": [\n      "id",\n\n      1\n    ]\n  },\n  "id": 1\n}\n\n'],
  ['ruby', ''],
];

let shiki: Highlighter;
beforeAll(async () => {
  shiki = await createHighlighter({ themes: [THEME], langs: ['shellscript', 'ruby', 'python', 'javascript', 'json', 'java', 'php'] });
});

const shikiTokens = (code: string, language: string) =>
  shiki
    .codeToTokens(code, { lang: language as BundledLanguage, theme: THEME, tokenizeTimeLimit: 0 })
    .tokens.map((line) => line.map((token) => ({ content: token.content, color: token.color ?? '', fontStyle: token.fontStyle ?? 0 })));

describe('LineTokenizer', () => {
  it('gives shiki’s tokens for every sample, whether it sees it first or again', () => {
    const tokenizer = new LineTokenizer(shiki, THEME);
    for (const round of [1, 2]) {
      for (const [language, code] of SAMPLES)
        expect(tokenizer.tokenize(code, language), `${language} (round ${round}): ${code}`).toEqual(shikiTokens(code, language));
    }
  });

  it('gives shiki’s tokens for the samples in any order (lines remembered from other blocks)', () => {
    const tokenizer = new LineTokenizer(shiki, THEME);
    for (const [language, code] of [...SAMPLES].reverse())
      expect(tokenizer.tokenize(code, language), `${language}: ${code}`).toEqual(shikiTokens(code, language));
  });

  it('tokenizes a line met again in the same state only once', () => {
    const tokenizer = new LineTokenizer(shiki, THEME);
    const grammar = shiki.getLanguage('javascript');
    let calls = 0;
    const original = grammar.tokenizeLine2.bind(grammar);
    grammar.tokenizeLine2 = (...args) => {
      calls++;
      return original(...args);
    };
    try {
      tokenizer.tokenize('const a = 1;\nconst b = 2;', 'javascript');
      expect(calls).toBe(2);
      // Another block builds its own state objects: equal states are still recognised.
      tokenizer.tokenize('const a = 1;\nconst b = 2;\nconst b = 2;', 'javascript');
      expect(calls).toBe(2);
      // A first line is tokenized in its own state (rules anchored at the start of the text).
      tokenizer.tokenize('const b = 2;', 'javascript');
      expect(calls).toBe(3);
      // Inside a comment the same text is another line.
      tokenizer.tokenize('/*\nconst a = 1;\n*/', 'javascript');
      expect(calls).toBe(6);
    } finally {
      grammar.tokenizeLine2 = original;
    }
  });

  it('gives shiki’s tokens for lines with long words, which some grammars read with their middles cut out', () => {
    const tokenizer = new LineTokenizer(shiki, THEME);
    // A base64 payload with no `+` or `/`, as GitHub's spec has one 4,733 characters long.
    const word = (length: number, seed: number) =>
      Array.from({ length }, (_, i) => 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9_0123456789'[(i * 7 + seed) % 47]).join('');
    const samples: Array<[string, string]> = [
      [
        'javascript',
        `const options = {\n  body: JSON.stringify({payload: '${word(1500, 1)}', n: 1}),\n  // ${word(600, 2)} and ${word(300, 3)}\n};\nconst ${word(400, 4)} = 0x${'f'.repeat(300)};`,
      ],
      ['ruby', `request.body = "{\\"payload\\": \\"${word(1200, 5)}\\"}"\n# ${word(500, 6)}\nx = :${word(300, 7)}`],
      ['java', `String s = "${word(900, 8)}";\n/* ${word(400, 9)}\n${word(700, 10)} */`],
      ['php', `<?php\n$payload = '${word(800, 11)}';\necho "${word(300, 12)}{$x}${word(300, 13)}";`],
      ['json', `{"payload": "${word(900, 14)}", "n": ${'9'.repeat(400)}e${'1'.repeat(300)}}`],
    ];
    for (const [language, code] of samples) expect(tokenizer.tokenize(code, language), language).toEqual(shikiTokens(code, language));
  });

  it('hands a long word’s line to the grammar shortened only in the grammars that read it the same', () => {
    const seen = (language: string, code: string) => {
      const grammar = shiki.getLanguage(language);
      const original = grammar.tokenizeLine2;
      const lengths: number[] = [];
      grammar.tokenizeLine2 = function (this: typeof grammar, line, ...rest) {
        lengths.push(line.length);
        return original.call(this, line, ...rest);
      };
      try {
        new LineTokenizer(shiki, THEME).tokenize(code, language);
      } finally {
        grammar.tokenizeLine2 = original;
      }
      return lengths;
    };
    const payload = 'a'.repeat(5000);
    // Each word keeps 64 characters at each end.
    expect(seen('javascript', `x = '${payload}';`)).toEqual([7 + 128]);
    expect(seen('json', `"${payload}"`)).toEqual([5002]);
  });

  it('puts each cut back inside the token it fell in, and gives up when it fell on an edge', () => {
    const line = `s = '${'a'.repeat(100)}${'b'.repeat(200)}${'c'.repeat(100)}' + ${'d'.repeat(300)}`;
    const { text, cuts } = shortenWords(line)!;
    expect(text).toBe(`s = '${'a'.repeat(64)}${'c'.repeat(64)}' + ${'d'.repeat(128)}`);
    const token = (content: string) => ({ content, color: '#fff', fontStyle: 0 });
    const quote = text.indexOf("' +");
    // The string one token, the last word one.
    expect(
      putBack([token(text.slice(0, quote + 1)), token(text.slice(quote + 1, quote + 4)), token(text.slice(quote + 4))], cuts)
        ?.map((t) => t.content)
        .join(''),
    ).toBe(line);
    // A token ending where a cut is: the grammar split the word there, so its middle may hold more tokens.
    const cut = cuts[0]!.at;
    expect(putBack([token(text.slice(0, cut)), token(text.slice(cut))], cuts)).toBeUndefined();
    expect(shortenWords(`s = '${'a'.repeat(255)}'`)).toBeUndefined();
  });

  it('fails loudly when shiki’s grammar state has another shape than the one it reads', () => {
    const tokenizer = new LineTokenizer(shiki, THEME);
    const grammar = shiki.getLanguage('ruby');
    const original = grammar.tokenizeLine2;
    grammar.tokenizeLine2 = () => ({ tokens: new Uint32Array([0, 0]), ruleStack: {} as never, stoppedEarly: false });
    try {
      expect(() => tokenizer.tokenize('a = 1\nb = 2', 'ruby')).toThrow(/grammar state has changed shape/);
    } finally {
      grammar.tokenizeLine2 = original;
    }
  });

  it('names the theme’s default text colour', () => {
    expect(new LineTokenizer(shiki, THEME).foreground.toLowerCase()).toBe(shiki.getTheme(THEME).fg.toLowerCase());
  });
});
