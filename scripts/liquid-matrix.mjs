#!/usr/bin/env node
// Hunts for differences between build-site's Liquid filters and Jekyll 4.3.1's on odd inputs:
// writes a cases file in test/golden/liquid's format where every template is one filter called on
// one value of the golden "basic" context with random arguments of the right count (Liquid's
// and Jekyll's filters × nil, booleans, numbers, strings, arrays, hashes, times…); with --tags,
// conditions, case, for, tablerow and lookups on those values instead. Render it with
// real Jekyll and compare, as the Liquid golden test does:
//
//   node scripts/liquid-matrix.mjs --seed 1 --per 3 --out /tmp/matrix.json [--tags | --themes] [--site strict] [--wide]
//
// --themes: idioms of real themes on the same inputs (capture in for with forloop, nested loops,
// where_exp with and/or, group_by_exp, sort "last", {% liquid %}, {%- -%} around comment, cycle
// groups, ranges from sizes, slugify modes, number_of_words, date_to_xmlschema, smartify).
//   LIQUID_GOLDEN_CASES=/tmp/matrix.json LIQUID_GOLDEN_OUT=/tmp/matrix-expected.json \
//     ruby test/golden/liquid/generate.rb
//   LIQUID_GOLDEN_CASES=/tmp/matrix.json LIQUID_GOLDEN_OUT=/tmp/matrix-expected.json \
//     node --test dist/test/unit/liquid/golden.test.js
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
if (flag("--themes")) {
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
