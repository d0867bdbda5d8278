// Seeded mutations of one page with front matter, Liquid and Markdown, for the fuzz test.
// Deterministic: case N of seed S is the same on every machine.

/** mulberry32: a small, good-enough seeded generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BASE_PAGE = `---
title: "Fuzzed page"
date: 2024-05-06 07:08:09 +0200
tags: [a, b, c]
layout: default
permalink: /fuzz/:title/
list:
  - one
  - two: 2
anchor: &x {k: v}
again: *x
---
# {{ page.title | upcase }}

{% assign n = page.tags | size %}
{% for t in page.tags limit: 2 %}- **{{ t }}** ({{ forloop.index }} of {{ n }})
{% endfor %}
{% if page.list[1].two > 1 %}Two is *big*.{% else %}small{% endif %}
{% capture c %}{{ "now" | date: "%Y" }}{% endcapture %}{{ c | strip }}

| a | b |
|---|---|
| {{ page.again.k }} | [link]({{ "/x/" | relative_url }}) |

\`\`\`ruby
puts "{{ site.title }}"
\`\`\`

{% include note.html text="hello" %}
> quote with $$x^2$$ and a footnote[^1]

[^1]: The note.
`;

/** Pieces the mutations insert: Liquid, YAML and Markdown syntax, and hostile input. */
const TOKENS = [
  "{%", "%}", "{{", "}}", "---", "...", ":", "[", "]", "{", "}", "|", "*x", "&y", "- ", "\t", "\n", "\n\n",
  "{% for i in (1..1000000000) %}", "{% endfor %}", "{% for j in (1..300) %}{% for k in (1..300) %}{{ k }}", "{% endfor %}{% endfor %}",
  "{% if %}", "{% endif %}", "{% raw %}", "{% endraw %}", "{% include note.html %}", "{% include ../../etc/passwd %}",
  "{% include nope.html %}", "{% include_relative fuzz.md %}", "{% capture x %}", "{% endcapture %}", "{% assign = %}",
  "{{ page | jsonify }}", "{{ site | inspect }}", "{{ 1 | divided_by: 0 }}", "{{ 'x' | append: 'y' | nosuchfilter }}",
  "{% highlight nosuchlang linenos %}", "{% endhighlight %}", "{% link nope.md %}", "{% post_url nope %}",
  "permalink: /%2e%2e/%2e%2e/x.txt\n", "permalink: /a%00b/\n", "date: 2024-02-30 99:99:99\n", "layout: nope\n",
  "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n", "```", "~~~", "<div markdown=\"1\">", "</div>",
  "<script>", "[x]: <javascript:alert(1)>", "{: .cls #id}", "{::options /}", "$$", "\\", "\u0000", "\uFFFD", "😀",
  "[".repeat(60), "*".repeat(200), "_".repeat(100), "#".repeat(7), "> ".repeat(40), "    ", "{% tablerow c in page.tags cols:2 %}",
  "{% endtablerow %}", "{% cycle 'a', 'b' %}", "{% increment z %}", "{% comment %}", "{% endcomment %}", "{% break %}",
];

/** Mutation N of the base page: 1 to 4 random edits, as bytes (some are not UTF-8). */
export function mutate(seed: number, index: number): Buffer {
  const r = rng(seed * 100_003 + index);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  let text = BASE_PAGE;
  let raw: number[] | null = null;
  const edits = 1 + Math.floor(r() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r() * (text.length + 1));
    const len = Math.floor(r() * 40);
    switch (Math.floor(r() * 12)) {
      case 0: text = text.slice(0, at) + text.slice(at + len); break; // delete
      case 1: text = text.slice(0, at) + text.slice(at, at + len).repeat(2 + Math.floor(r() * 3)) + text.slice(at); break; // duplicate
      case 2: case 3: case 7: case 8: case 9: text = text.slice(0, at) + pick(TOKENS) + text.slice(at); break; // insert syntax
      case 4: { // swap two spans
        const b = Math.floor(r() * (text.length + 1));
        const [x, y] = at < b ? [at, b] : [b, at];
        text = text.slice(0, x) + text.slice(y, y + len) + text.slice(x + len, y) + text.slice(x, x + len) + text.slice(y + len);
        break;
      }
      case 5: text = text.slice(0, at) + String.fromCharCode(Math.floor(r() * 0x3000)) + text.slice(at + 1); break; // a random character
      case 6: raw ??= []; raw.push(at); break; // a byte that is not UTF-8
      default: text = text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 3)); // a small deletion
    }
  }
  const bytes = Buffer.from(text, "utf8");
  if (!raw) return bytes;
  const out = Buffer.from(bytes);
  for (const at of raw) out[Math.min(at, out.length - 1)] = 0xc0 | Math.floor(r() * 2);
  return out;
}
