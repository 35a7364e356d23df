import { createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import { beforeAll, describe, expect, it } from 'vitest';
import { LineTokenizer } from '../../src/highlight/line-tokens';
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
  shiki = await createHighlighter({ themes: [THEME], langs: ['shellscript', 'ruby', 'python', 'javascript', 'json'] });
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
