#!/usr/bin/env node
// Hunts for differences between build-site's Liquid filters and Jekyll 4.3.1's on odd inputs:
// writes a cases file in test/golden/liquid's format where every template is one filter called on
// one value of the golden "basic" context with random arguments of the right count (Liquid's
// and Jekyll's filters × nil, booleans, numbers, strings, arrays, hashes, times…); with --tags,
// conditions, case, for, tablerow and lookups on those values instead. Render it with
// real Jekyll and compare, as the Liquid golden test does:
//
//   node scripts/liquid-matrix.mjs --seed 1 --per 3 --out /tmp/matrix.json [--tags | --themes | --academic] [--site strict] [--wide]
//
// --themes: idioms of real themes on the same inputs (capture in for with forloop, nested loops,
// where_exp with and/or, group_by_exp, sort "last", {% liquid %}, {%- -%} around comment, cycle
// groups, ranges from sizes, slugify modes, number_of_words, date_to_xmlschema, smartify).
//   LIQUID_GOLDEN_CASES=/tmp/matrix.json LIQUID_GOLDEN_OUT=/tmp/matrix-expected.json \
//     ruby test/golden/liquid/generate.rb
//   LIQUID_GOLDEN_CASES=/tmp/matrix.json LIQUID_GOLDEN_OUT=/tmp/matrix-expected.json \
//     node --test dist/test/unit/liquid/golden.test.js
//
// --academic: what academic sites' templates do, composed at random (see the branch below).
//
// What it finds is pinned by adding the template to test/golden/liquid/cases.json.
import fs from "node:fs";
import path from "node:path";
import { flag, option, root, seeded } from "./fuzz-common.mjs";

const seed = Number(option("--seed", "1"));
const per = Number(option("--per", "3"));
const out = option("--out", null);
// One of cases.json's sites (its timezone, baseurl and liquid options): "strict" has
// strict_variables and strict_filters on.
const site = option("--site", undefined);
if (!out) {
  console.error("usage: node scripts/liquid-matrix.mjs [--seed N] [--per N] --out FILE.json");
  process.exit(2);
}

// Filters whose output is random or compiled by a different engine (Sass: libsass in Debian's
// Jekyll, Dart Sass here) are left out.
const SKIP = new Set(["sample", "sassify", "scssify"]);
const arityFile = fs.readFileSync(path.join(root, "src", "render", "liquid", "filters", "arity.ts"), "utf8");
const filters = [...arityFile.matchAll(/(\w+): \[(\d+), (\d+)\]/g)]
  .map(([, name, min, max]) => ({ name, min: Number(min), max: Number(max) }))
  .filter((f) => !SKIP.has(f.name));

const INPUTS = [
  "page.nil", "true", "false", "int", "neg", "float", "pi", "page.half", "str", "numstr", "floatstr", "html",
  "page.empty", "page.blank", "page.tags", "page.list", "page.hash", "nums", "floats", "strs", "mixed",
  "withnil", "nested", "items", "people", "t_off", "t_local", "d", "cjk", "words", "unicode", "empty",
  "12345678901234567890", "-2.5", "'3 apples'", "' 42 '", "'a,b;c d'", "'2025-05-30 10:00'", "site.data.nav",
  "nilnames", "(1..3)", "'<p>a</p>\n\nb'",
];
const ARGS = [
  "1", "-1", "0", "2.5", "-0.5", "100", "'a'", "''", "' '", "nil", "true", "false", "'x,y'", "'name'",
  "'%Y-%m-%d'", "'%-d %B %y'", "'ordinal'", "'US'", "page.tags", "page.hash", "nums", "str", "int", "float",
  "'year'", "'team'", "'i'", "'i.year > 2020'", "'i == 1'", "'i.size'", "'pretty'", "'raw'", "'ascii'", "'latin'",
  "'cjk'", "'last'", "empty", "'3'",
];

// --wide: more inputs and arguments (other times, floats, ranges, odd numeric strings, drops of
// the context), for seeds the default lists have exhausted.
if (flag("--wide")) {
  INPUTS.push(
    "t_summer", "t_new_year", "page.date", "page.f", "page.n", "page.yes", "page.hash.e", "one", "two", "three",
    "(3..1)", "(1..1)", "(0..-2)", "'  '", "'0'", "'-0'", "'1e3'", "'0x1A'", "'1_000'", "'٣'", "' x '", "'a\tb'",
    "'Ünïcödé'", "'--a...b--'", "'\"q\" & <t>'", "'2024-02-29'", "'12:30'", "nums | first", "nested[1]",
    "items[0].meta", "people | map: 'age'", "floats | first", "-0.0", "1e3", "0.1", "'%'", "'{{ x }}'", "'&amp;'",
  );
  ARGS.push(
    "'%s'", "'%-I:%M %p'", "'%A %e %Z'", "3.0", "'1'", "'-1'", "'1.5'", "(1..3)", "t_local", "d", "nil", "'  '",
    "'age'", "'meta.rank'", "'cat'", "'y'", "'x'", "items", "people", "'p'", "'p.age > 26'", "'p.team'", "'item.cat'",
    "true", "'<!--more-->'", "'US'", "'%B %-d, %Y'", "99999999999999999999", "-100", "'\n'",
  );
}

const { pick, random } = seeded(seed);

const templates = new Set();
if (flag("--academic")) {
  // What academic sites' templates do, composed at random (for seeds --themes has exhausted):
  // nested includes with parameters (card.html includes hello.html and params.html with values
  // read from its own include.*), where_exp with chains of and/or over properties, nil, empty and
  // blank, group_by_exp through filters, sort and sort_natural on properties with nil values,
  // Jekyll's date filters on strings, capture accumulating inside loops, every forloop and
  // tablerowloop property, {% liquid %} with echo, case and comments, inline {% # %} comments,
  // whitespace control ({%- -%}, {{- -}}) drawn for every delimiter of a template, and break and
  // continue nested in tablerow, capture, case and includes.
  const ARRAYS = ["items", "people", "nilnames", "withnil", "nums", "strs", "mixed", "page.tags", "nested", "floats",
    "site.data.nav", "page.list", "page.hash", "page.nil", "str", "(1..4)", "one", "three", "site.posts", "empty"];
  const PROPS = ["name", "year", "tags", "meta.rank", "pub", "cat", "age", "team", "id", "score", "title", "size", "url", "nil"];
  const VALUES = ["nil", "empty", "blank", "true", "false", "0", "1", "2020", "'2021'", "25", "'a'", "'x'", "'ai'", "'red'",
    "''", "2.5", "'A'", "'Home'", "page.n", "page.title"];
  const OPS = ["==", "!=", ">", "<", ">=", "<=", "contains", "<>"];
  const JOIN = ["and", "or"];
  const cond = (v) => {
    const n = 1 + Math.floor(random() * 3);
    const parts = [];
    for (let k = 0; k < n; k++) {
      const lhs = maybeProp(v);
      parts.push(random() < 0.15 ? lhs : `${lhs} ${pick(OPS)} ${random() < 0.2 ? maybeProp(v) : pick(VALUES)}`);
    }
    return parts.reduce((acc, part) => `${acc} ${pick(JOIN)} ${part}`);
  };
  const maybeProp = (v) => (random() < 0.8 ? `${v}.${pick(PROPS)}` : v);
  const DATE_STRINGS = ["'2024-02-29'", "'2024-01-05T08:00:00Z'", "'May 3, 2021'", "'3 May 2021 10:00 +0200'",
    "'2023-01-29 18:30:22 2023 -0800'", "'now'", "'today'", "'1700000000'", "''", "'not a date'", "'2024-13-45'",
    "'Aug 2020'", "'2021'", "'12/31/2020'", "'31.12.2020'", "'2020-06-15 12:00:00 UTC'",
    "'Tue, 01 Dec 2026 00:00:00 GMT'", "'20240131'", "1700000000", "'1700000000.5'", "page.date", "d", "t_off",
    "'2024-06-01 25:00'", "'  2024-06-01  '", "'2024/06/01'", "'June 2024'", "'2024-06-01T10:00:00.123+05:30'", "nil",
    "page.nil", "'1st of May 2024'", "'Sunday'", "'10:30'", "'2024-06'"];
  const FORMATS = ["'%Y'", "'%b %-d, %Y'", "'%F %T %z'", "'%A, %B %e'", "'%s'", "'%Y-%m-%dT%H:%M:%S%:z'", "'%j %U %W'",
    "'%-m/%-d/%y'", "''", "nil", "'%I:%M %p %Z'", "'%d %b'"];
  const WS = () => (random() < 0.5 ? "-" : "");
  // {%D … D%} and {{D … D}} in a base template: each D trimmed or not.
  const trim = (t) => t.replace(/D/g, WS);
  // break and continue where Ruby's interrupt stack shows (interrupt.html breaks or continues
  // its caller's loop): in tablerow cells, captures, case, {% liquid %} and includes, nested two
  // deep in for and tablerow, with text after them.
  const INTERRUPTS = ["{% break %}", "{% continue %}", "{% include interrupt.html stop=true %}", "{% include interrupt.html skip=true %}",
    "{% if V == 2 %}{% break %}{% endif %}", "{% unless V == 1 %}{% continue %}{% endunless %}", "{% liquid\nif V > 1\nbreak\nendif\n%}"];
  const interruptBody = (depth, v) => {
    let out = "";
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
      const r = random();
      if (r < 0.25) out += pick(["t", "\n", " ", `<${v}>`]);
      else if (r < 0.45) out += pick(INTERRUPTS).replace(/V/g, v);
      else if (r < 0.55 || depth >= 2) out += `{{ ${v} }}`;
      else if (r < 0.75) {
        const w = pick(["a", "b", "c"]);
        const kind = pick(["for", "for", "tablerow"]);
        const attrs = pick(["", " limit: 2", kind === "tablerow" ? " cols: 2" : " reversed"]);
        const otherwise = kind === "for" && random() < 0.3 ? "{% else %}E" : "";
        out += `{% ${kind} ${w} in ${pick(["(1..3)", "nums", "three", "page.list"])}${attrs} %}${interruptBody(depth + 1, w)}${otherwise}{% end${kind} %}`;
      } else if (r < 0.85) out += `{% capture cap %}${interruptBody(depth + 1, v)}{% endcapture %}[{{ cap }}]`;
      else out += `{% case ${v} %}{% when 2 %}${interruptBody(depth + 1, v)}{% else %}w{% endcase %}`;
    }
    return out;
  };
  const idioms = [
    () => `[${interruptBody(0, "x")}]${pick(["", "{% for z in (1..2) %}z{{ z }}{% endfor %}tail"])}`,
    () => `[{% for x in (1..3) %}${interruptBody(1, "x")}{% endfor %}|{% tablerow x in (1..3) cols: 2 %}${interruptBody(1, "x")}{% endtablerow %}]tail`,
    (a) => `[{% for it in ${a} limit: 3 %}{%- include card.html item=it label=forloop.index show=${pick(VALUES)} fallback=${pick(INPUTS)} -%}{% endfor %}]`,
    (a) => `[{% include nested.html who=${a} %}|{% include params.html a=${a} b='{{ ${a} | size }}' c=${pick(INPUTS)} %}|{% include loop.html list=${a} %}]`,
    (a) => `[{% include card.html item=${a} label=${pick(INPUTS)} show=true %}|{% include {{ page.inc }} name=${a} %}]`,
    (a) => `[{{ ${a} | where_exp: "i", "${cond("i")}" | map: ${pick(["'name'", "'title'", "'id'", "'age'"])} | join: ',' }}|{{ ${a} | where_exp: "i", "${cond("i")}" | size }}]`,
    (a) => `[{% assign f = ${a} | where_exp: "p", "${cond("p")}" %}{% for p in f %}{{ p.name | default: p }};{% endfor %}|{{ ${a} | find_exp: "i", "${cond("i")}" | inspect }}]`,
    (a) => `[{% assign g = ${a} | group_by_exp: "i", "${maybeProp("i")} ${pick(["", "| default: 'none'", "| downcase", "| slice: 0", "| plus: 0 | modulo: 2", "| first", "| size", "| date: '%Y'", "| append: '-x'"])}" %}{% for grp in g %}{{ grp.name | inspect }}={{ grp.items | size }}({{ grp.size }});{% endfor %}]`,
    (a) => `[{{ ${a} | sort: '${pick(PROPS)}'${pick(["", ", 'last'", ", 'first'", ", nil"])} | map: '${pick(PROPS)}' | inspect }}]`,
    (a) => `[{{ ${a} | sort_natural: '${pick(PROPS)}' | map: 'name' | join: ',' }}|{{ ${a} | sort | inspect }}|{{ ${a} | sort_natural | reverse | join: ',' }}]`,
    () => { const d = pick(DATE_STRINGS); return `[{{ ${d} | date: ${pick(FORMATS)} }}|{{ ${d} | date_to_string${pick(["", ": 'ordinal'", ": 'ordinal', 'US'", ": nil, 'US'"])} }}|{{ ${d} | date_to_long_string${pick(["", ": 'ordinal'", ": 'ordinal', 'US'"])} }}]`; },
    () => { const d = pick(DATE_STRINGS); return `[{{ ${d} | date_to_xmlschema }}|{{ ${d} | date_to_rfc822 }}|{{ ${d} | date: '%s' | minus: ${d} | date: '%s' }}]`; },
    (a) => `[{% assign acc = '' %}{% for x in ${a} ${pick(["", "reversed", "limit: 2", "offset: 1"])} %}{% capture acc %}{{ acc }}{% unless forloop.first %}, {% endunless %}{{ x ${pick(["", "| size", "| inspect", "| upcase", "| json", "| jsonify"])} }}{% endcapture %}{% endfor %}{{ acc }}|{{ acc | split: ', ' | size }}]`,
    (a) => `[{% for x in ${a} limit: 3 %}{% capture row %}{%- cycle 'odd', 'even' -%}:{{ forloop.index0 }}{% endcapture %}{{ row }}{% if forloop.last %}!{% endif %} {% endfor %}{{ row }}]`,
    (a) => `[{% for x in ${a} ${pick(["", "limit: 3", "offset: 1", "reversed", "offset: continue"])} %}{{ forloop.name }}|{{ forloop.index }}|{{ forloop.index0 }}|{{ forloop.rindex }}|{{ forloop.rindex0 }}|{{ forloop.first }}|{{ forloop.last }}|{{ forloop.length }}|{{ forloop.parentloop | inspect }};{% endfor %}{{ forloop.index | inspect }}]`,
    (a) => `[{% tablerow x in ${a} cols: ${pick(["1", "2", "3", "'2'", "nil", "0"])} ${pick(["", "limit: 2", "offset: 1", "limit: 3 offset: 1"])} %}{{ tablerowloop.col }}/{{ tablerowloop.col0 }}/{{ tablerowloop.row }}/{{ tablerowloop.index }}/{{ tablerowloop.index0 }}/{{ tablerowloop.rindex }}/{{ tablerowloop.rindex0 }}/{{ tablerowloop.first }}/{{ tablerowloop.last }}/{{ tablerowloop.length }}/{{ tablerowloop.col_first }}/{{ tablerowloop.col_last }}:{{ x }}{% endtablerow %}]`,
    (a) => `[{% for o in ${pick(ARRAYS)} limit: 2 %}{% tablerow x in ${a} cols: 2 limit: 3 %}{{ forloop.index }}.{{ tablerowloop.index }}{{ forloop.parentloop.index }}{% endtablerow %}{% endfor %}]`,
    (a) => `[{%- liquid
  # ${pick(["a comment", "for x in y", "{{ x }}"])}
  assign n = ${a} | size
  for x in ${a} limit: 3
    case x
      when ${pick(VALUES)}, ${pick(VALUES)}
        echo 'hit'
      else
        echo x | append: ';'
    endcase
  endfor
  echo n | times: 2
  unless n > 2
    echo ' small'
  endunless
-%}]`,
    (a) => `[{% liquid
  capture c
    for x in ${a} limit: 2
      echo forloop.index
      cycle '-', '+'
    endfor
  endcapture
  if c contains '1' and ${cond("x")}
    echo c | strip | prepend: 'c='
  elsif ${a}
    echo ${a} | first
  endif
%}|{% # an inline comment ${pick(["", "with }} braces", "%"])} %}{% echo ${a} | size %}]`,
    (a) => trim(`[A 
{%D if ${a} D%}
  B {{D ${a} | size D}} 
{%D elsif ${pick(VALUES)} D%} E {%D else D%}	 C
{%D endif D%}
 D]`),
    (a) => trim(`[ {%D for x in ${a} limit: 2 D%}
  {{D x D}}
  {%D else D%} none {%D endfor D%} 
|{%D capture c D%}
 x 
{%D endcapture D%}{{D c D}}|
{%D assign v = ${a} D%} {%D unless v D%}
not{%D endunless D%}]`),
    (a) => trim(`[ {%D case ${a} D%}
 {%D when ${pick(VALUES)} D%} one 
 {%D when ${a} D%} self 
 {%D else D%} other 
 {%D endcase D%} |{%D raw D%} {{ x }} {%D endraw D%}|{%D comment D%} c {%D endcomment D%}| {%D include hello.html name=${a} D%} 
]`),
    (a) => trim(`[ {%D tablerow x in ${a} cols: 2 limit: 3 D%}
 {{D x D}} 
{%D endtablerow D%} | {%D increment k D%} {%D decrement k D%} | {%D cycle 'a', 'b' D%} {%D echo ${a} | size D%} 
]`),
    (a) => `[{% include list.html entries=${a} max=${pick(["2", "3", "page.n", "nil", "'2'"])} show=${pick(VALUES)} label=${pick(INPUTS)} %}|{{ it.name }}|{{ include.label | inspect }}|{{ entry | inspect }}]`,
    (a) => `[{{ ${a}[0].name }}|{{ ${a}.first.name }}|{{ ${a}.last | inspect }}|{{ ${a}[-1] | inspect }}|{{ ${a}[page.n] | inspect }}|{{ ${a}['name'] | inspect }}|{{ ${a}.size | minus: 1 }}|{{ ${a}[${a}.size] | inspect }}]`,
    (a) => `[{{ ${a} | where: '${pick(PROPS)}', ${pick(VALUES)} | map: 'name' | join: ',' }}|{{ ${a} | find: '${pick(PROPS)}', ${pick(VALUES)} | inspect }}|{{ ${a} | map: '${pick(PROPS)}' | compact | uniq | join: ',' }}|{{ ${a} | map: 'meta' | map: 'rank' | inspect }}]`,
    (a) => `[{% for x in ${a} limit: 2 %}{% for y in ${pick(ARRAYS)} limit: 2 %}{% for z in ${pick(ARRAYS)} limit: 2 %}{{ forloop.parentloop.parentloop.index }}{{ forloop.parentloop.index }}{{ forloop.index }}{% if z == y or z == x %}{% break %}{% endif %},{% endfor %}{% endfor %}{% endfor %}]`,
    (a) => `[{% for x in ${a} limit: 2 %}{{ x | inspect }}{% endfor %}|{% for x in ${a} offset: continue limit: 2 %}{{ x | inspect }}{% endfor %}|{% for x in ${a} offset: continue %}{{ x | inspect }}{% else %}done{% endfor %}]`,
    (a) => `[{% include_cached cached.html x=${a} %}|{% include_cached cached.html x=${a} %}|{% increment counter %}{% include count.html %}|{% assign counter = ${pick(VALUES)} %}{% include count.html %}|{% increment counter %}]`,
    (a) => `[{% if ${a} == empty %}E{% endif %}{% if ${a} == blank %}B{% endif %}{% if ${a} %}T{% endif %}{% if ${a} != nil %}N{% endif %}{% if ${a}.size > 0 %}S{% endif %}{% if ${a} contains ${pick(VALUES)} %}C{% endif %}{% if empty == ${a} %}e{% endif %}]`,
    (a) => `[{{ ${a} | map: '${pick(PROPS)}' | array_to_sentence_string${pick(["", ": 'or'", ": ''", ": nil"])} }}|{{ ${a} | slice: ${pick(["1", "-1", "0, 2", "-2, 5"])} | inspect }}|{{ ${a} | jsonify }}]`,
  ];
  for (const a of ARRAYS) for (let k = 0; k < per * 4; k++) templates.add(pick(idioms)(a));
} else if (flag("--themes")) {
  // Idioms of researchers' themes (al-folio, academicpages, minimal-mistakes, Chirpy): capture
  // inside for with forloop's properties, nested loops with parentloop and break, where_exp with
  // and/or/contains, group_by_exp, sort with "last", {% liquid %} and {%- -%} around comment,
  // cycle groups, filter chains in assign and ranges built from a size; each on random inputs.
  const OPS = ["==", "!=", ">", "<=", "contains"];
  const JOIN = ["and", "or"];
  const EXP_TAIL = ["| size", "| first", ".size", "| downcase", "| default: 0", ".name", "| split: ',' | first"];
  const idioms = [
    (a) => `[{% for x in ${a} limit: 4 %}{% capture c %}{{ forloop.index }}/{{ forloop.length }}{% if forloop.first %}F{% endif %}{% if forloop.last %}L{% endif %}{{ forloop.rindex0 }}{% endcapture %}{{ c | strip }}:{{ x }};{% endfor %}]`,
    (a) => `[{% for x in ${a} limit: 3 %}{% for y in ${pick(INPUTS)} limit: 3 %}{{ forloop.parentloop.index }}.{{ forloop.index }}{% if y == x %}={% break %}{% endif %}{% if forloop.index == 2 %}{% continue %}{% endif %}-{% endfor %};{% endfor %}]`,
    (a) => `[{{ ${a} | where_exp: "i", "i ${pick(OPS)} ${pick(INPUTS)} ${pick(JOIN)} i ${pick(OPS)} ${pick(ARGS)}" | inspect }}]`,
    (a) => `[{{ ${a} | group_by_exp: "i", "i ${pick(EXP_TAIL)}" | map: "name" | inspect }}|{{ ${a} | group_by_exp: "i", "i ${pick(EXP_TAIL)}" | map: "size" | join: "," }}]`,
    (a) => `[{%- liquid\n  assign v = ${a} | default: ${pick(INPUTS)}\n  if v\n    echo v | inspect\n  else\n    echo "none"\n  endif\n-%}]`,
    (a) => `[ {%- comment -%} note {%- endcomment -%} {{- ${a} | size -}} {%- assign z = ${a} | jsonify -%} {{ z }} ]`,
    (a) => `[{% cycle 'g': ${a}, ${pick(INPUTS)} %}{% cycle 'g': ${a}, ${pick(INPUTS)} %}{% cycle 'g': ${a}, ${pick(INPUTS)} %}]`,
    (a) => `[{% unless ${a} == empty or ${a} == blank %}{{ ${a} | first | default: 'none' }}{% else %}e{% endunless %}]`,
    (a) => `[{% if ${a} and ${pick(INPUTS)} or ${pick(INPUTS)} %}t{% endif %}{% if ${a} contains ${pick(ARGS)} and ${pick(INPUTS)} %}c{% endif %}]`,
    (a) => `[{{ ${a} | sort: ${pick(ARGS)}, 'last' | map: ${pick(ARGS)} | join: ',' }}]`,
    (a) => `[{% assign t = ${a} | size | plus: 1 %}{% for i in (1..t) limit: 3 %}{{ i }}{% endfor %}|{% for i in (t..2) %}{{ i }}{% endfor %}]`,
    (a) => `[{{ ${a} | push: ${pick(INPUTS)} | uniq | compact | size }}|{{ ${a} | concat: ${pick(INPUTS)} | reverse | first }}]`,
    (a) => `[{% capture s %}{% for x in ${a} limit: 3 %}{{ x | slugify: ${pick(["'pretty'", "'ascii'", "'latin'", "'raw'", "'default'"])} }} {% endfor %}{% endcapture %}{{ s | split: ' ' | join: '/' }}]`,
    (a) => `[{{ ${a} | number_of_words: ${pick(["'cjk'", "'auto'", "nil"])} }}|{{ ${a} | date_to_xmlschema }}|{{ ${a} | smartify }}]`,
  ];
  for (const a of INPUTS) for (let k = 0; k < per; k++) templates.add(pick(idioms)(a));
} else if (flag("--tags")) {
  // Conditions and loops instead of filters: every operator between two inputs, and `for`,
  // `case` and `cycle` over each input with random attributes.
  const OPERATORS = ["==", "!=", "<>", "<", ">", "<=", ">=", "contains"];
  for (const a of INPUTS) {
    for (let k = 0; k < per; k++) {
      const b = pick(INPUTS);
      const op = pick(OPERATORS);
      templates.add(`[{% if ${a} ${op} ${b} %}y{% else %}n{% endif %}]`);
      templates.add(`[{% unless ${a} ${op} ${b} or ${pick(INPUTS)} %}y{% endunless %}]`);
      templates.add(`[{% case ${a} %}{% when ${b} %}1{% when ${pick(INPUTS)}, ${pick(INPUTS)} %}2{% else %}e{% endcase %}]`);
      const attrs = ["", ` limit: ${pick(ARGS)}`, ` offset: ${pick(ARGS)}`, " reversed", ` limit: ${pick(ARGS)} offset: ${pick(ARGS)}`];
      templates.add(`[{% for x in ${a}${pick(attrs)} %}{{ x }}{{ forloop.index }},{% else %}none{% endfor %}]`);
      templates.add(`[{% tablerow x in ${a} cols: ${pick(ARGS)} %}{{ x }}{% endtablerow %}]`);
      templates.add(`[{% assign v = ${a} %}{{ v }}|{{ v.size }}|{{ v.first }}|{{ v[0] }}|{{ v[${pick(ARGS)}] }}]`);
    }
  }
} else for (const filter of filters) {
  for (const input of INPUTS) {
    for (let k = 0; k < per; k++) {
      const count = filter.min - 1 + Math.floor(random() * (filter.max - filter.min + 1));
      const args = Array.from({ length: count }, () => pick(ARGS));
      templates.add(`[{{ ${input} | ${filter.name}${args.length ? ": " + args.join(", ") : ""} }}]`);
    }
  }
}

const golden = JSON.parse(fs.readFileSync(path.join(root, "test", "golden", "liquid", "cases.json"), "utf8"));
const spec = { sites: golden.sites, contexts: golden.contexts, groups: [{ name: `matrix-${seed}`, site, templates: [...templates] }] };
fs.writeFileSync(out, JSON.stringify(spec, null, 1) + "\n");
console.log(`${templates.size} templates → ${out}`);
