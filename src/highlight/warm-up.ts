import { getHighlighter, highlightToHast, loadLanguages } from './highlighter';

/**
 * Code like the request samples and response examples of an API reference, in the languages of
 * Slate's default tabs. A TextMate grammar compiles each rule's expressions the first time a line
 * reaches it: highlighting these once makes a process ready for such code (about 0.4 s on the
 * first page a process renders, GitHub's spec: the WebAssembly engine, five grammars, their rules).
 */
const SAMPLES: Array<[string, string]> = [
  [
    'shell',
    "curl --request POST \\\n  --url 'https://api.example.com/v1/items?page=2' \\\n  --header 'Authorization: Bearer TOKEN' \\\n  --data '{\"name\": \"x\"}'",
  ],
  [
    'ruby',
    'require \'uri\'\nrequire \'net/http\'\n\nurl = URI("https://api.example.com/v1/items")\n\nhttp = Net::HTTP.new(url.host, url.port)\nhttp.use_ssl = true\n\nrequest = Net::HTTP::Post.new(url)\nrequest["Authorization"] = \'Bearer TOKEN\'\nrequest.body = "{\\"name\\":\\"x\\"}"\n\nresponse = http.request(request)\nputs response.read_body',
  ],
  [
    'python',
    'import requests\n\nurl = "https://api.example.com/v1/items"\n\npayload = {"name": "x", "count": 1, "active": True}\nheaders = {"Authorization": "Bearer TOKEN"}\n\nresponse = requests.post(url, json=payload, headers=headers)\n\nprint(response.text)',
  ],
  [
    'javascript',
    "const options = {method: 'POST', headers: {Authorization: 'Bearer TOKEN'}, body: '{\"name\":\"x\"}'};\n\nfetch('https://api.example.com/v1/items', options)\n  .then(res => res.json())\n  .then(res => console.log(res))\n  .catch(err => console.error(err));",
  ],
  [
    'json',
    '{\n  "id": 1,\n  "name": "x",\n  "tags": [\n    "a"\n  ],\n  "owner": {\n    "login": "octocat",\n    "site_admin": false\n  },\n  "score": 1.5,\n  "deleted_at": null\n}',
  ],
];

/** Loads and exercises the highlighter on such code, in a thread about to render pages of it. */
export async function warmUpHighlighter(): Promise<void> {
  await loadLanguages(SAMPLES.map(([language]) => language));
  const shiki = await getHighlighter();
  for (const [language, code] of SAMPLES) highlightToHast(shiki, code, language);
}
