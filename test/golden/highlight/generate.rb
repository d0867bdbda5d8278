#!/usr/bin/env ruby
# frozen_string_literal: true
#
# Regenerates the golden data for test/unit/highlight from the real Rouge 3.30 and Jekyll 4.3.1
# installed on this machine:
#   ruby test/golden/highlight/generate.rb
# Writes (next to this script):
#   golden.json     - every snippets/, harvested/ and mutated/ <lang>/*.txt lexed with
#                     Rouge::Lexer.find_fancy(lang), formatted with Rouge::Formatters::HTML (what
#                     kramdown and Jekyll wrap); the code itself stays in the .txt files
#   tag.json        - `{% highlight %}` cases rendered through Jekyll's own Liquid tag
#   languages.json  - every name and alias Rouge::Lexer.find knows
#   fancy.json      - snippets lexed with `lang?option=…` language strings and `guess`
#   guess.json      - what Rouge's `guess` finds for sample sources (and which lexers can detect)
# and src/render/highlight/rouge-languages.ts (the same list, for the runtime).
require "json"
require "rouge"
require "jekyll"

raise "want Rouge 3.30.0, have #{Rouge.version}" unless Rouge.version == "3.30.0"
raise "want Jekyll 4.3.1, have #{Jekyll::VERSION}" unless Jekyll::VERSION == "4.3.1"

HERE = __dir__
ROOT = File.expand_path("../../..", HERE)

def write_json(path, data)
  File.write(path, JSON.pretty_generate(data) + "\n")
  puts "wrote #{path}"
end

# Jinja and Twig keep their word lists in class variables (`@@keywords ||= …`) that Twig shares
# with Jinja, so in one Ruby process the first of them to run decides Twig's lists (and Twig,
# Jinja, Twig in that order raises). Each sample is lexed as in a process of its own.
def fresh_template_words
  [Rouge::Lexers::Jinja, Rouge::Lexers::Twig].each do |k|
    k.class_variables(false).each { |v| k.remove_class_variable(v) }
  end
end

# Wollok remembers the names declared by `class`/`object`/`mixin` in one array for the life of the
# process (a local of the lexer's class body, reached through a rule's block): in a Jekyll build a
# name declared in one block is `nc` in every later one. Each sample is lexed as in a fresh process.
def fresh_wollok_entities
  rule = Rouge::Lexers::Wollok.get_state(:foo).rules.find do |r|
    r.respond_to?(:callback) && r.callback.source_location[0].end_with?("wollok.rb")
  end
  rule.callback.binding.local_variable_get(:entities).clear
end

# 1. Samples through Rouge's HTML formatter: snippets/ (written for these tests, or taken from
#    real sites), harvested/ (see harvest.mjs) and mutated/ (see mutate.mjs). The language is the directory name as written,
#    so aliases go through Rouge::Lexer.find_fancy as Jekyll passes them.
def lex_samples(dirs)
  dirs.flat_map { |d| Dir.glob(File.join(d, "*", "*.txt")).sort }.map do |file|
    lang = File.basename(File.dirname(file))
    code = File.read(file, encoding: "UTF-8")
    lexer = Rouge::Lexer.find_fancy(lang, code) or raise "Rouge has no lexer for #{lang}"
    fresh_template_words if %w(jinja twig).include?(lexer.tag)
    fresh_wollok_entities if lexer.tag == "wollok"
    {
      "file" => file.delete_prefix(HERE + "/"),
      "lang" => lang,
      "lexer" => lexer.tag,
      "html" => Rouge::Formatters::HTML.new.format(lexer.lex(code)),
    }
  end
end

# `generate.rb --samples DIR OUT.json`: only lex an ad-hoc sample directory (for bench/measure).
if ARGV[0] == "--samples"
  dir, out = ARGV[1], ARGV[2]
  data = lex_samples([dir]).each { |s| s["file"] = File.expand_path(s["file"], HERE) }
  write_json(out, data)
  exit
end

write_json(File.join(HERE, "golden.json"),
           lex_samples([File.join(HERE, "snippets"), File.join(HERE, "harvested"), File.join(HERE, "mutated")]))

# 2. The {% highlight %} tag, rendered by Jekyll itself.
site = Jekyll::Site.new(Jekyll.configuration("quiet" => true, "source" => HERE,
                                             "destination" => "/tmp/highlight-golden-site"))
py = "import numpy as np\n\ndef f(x):\n    return np.sqrt(x)  # root\n"
tag_cases = ([
  ["python", "", "\n" + py],
  ["python", " linenos", py],
  ["py", " linenos", "\n\n" + py + "\n\n"],
  ["ruby", "", "def foo\n  puts 'foo'\nend"],
  ["ruby", " linenos", "def foo\n  puts 'foo'\nend"],
  ["bash", "", "$ echo \"<b>&\"\n"],
  ["YAML", " linenos", "a: 1\nb: [x, y]\n"],
  ["c++", "", "int main() { return 0; }"],
  ["nosuchlang", "", "<p>not highlighted & kept</p>"],
  ["text", " linenos", "one\ntwo"],
  ["python", " linenos mark_lines=\"1 2\"", "a = 1\nb = 2\nc = 3\n"],
  ["js", " mark_lines=\"2\"", "let a = 1;\nlet b = 2;\n"],
  ["json", " linenos=table", "{\"a\": 1}\n"],
  ["diff", "", "\r\n-old\n+new\r\n"],
  ["python", "", "   \n    indented = True\n   "],
] + [
  # Real snippets in each language, with and without line numbers (the body of a Liquid sample is
  # wrapped in {% raw %} so that the tag receives it as written).
  ["liquid", "", "snippets/liquid/jekyll-docs-loops.txt"], ["liquid", " linenos", "snippets/liquid/layout-default.txt"],
  ["scss", " linenos", "snippets/scss/jekyll-main.txt"], ["sass", "", "snippets/sass/basic.txt"],
  ["css", " linenos", "snippets/css/syntax.txt"], ["html", " linenos", "snippets/html/page.txt"],
  ["xml", "", "snippets/xml/feed.txt"], ["yaml", " linenos", "snippets/yaml/config-complex.txt"],
  ["yml", "", "snippets/yml/front-matter.txt"], ["json", "", "snippets/json/data-files.txt"],
  ["javascript", " linenos", "snippets/js/site.txt"], ["typescript", "", "snippets/ts/types.txt"],
  ["python", " linenos", "snippets/py/script.txt"], ["ruby", "", "snippets/rb/plugin-generator.txt"],
  ["shell", " linenos", "snippets/shell/deploy.txt"], ["bash", "", "snippets/sh/install.txt"],
  ["console", "", "snippets/console/jekyll-new.txt"], ["shell-session", " linenos", "snippets/console/prompts.txt"],
  ["diff", " linenos", "snippets/diff/git-diff.txt"], ["c", "", "snippets/c/hello.txt"],
  ["cpp", " linenos", "snippets/c++/templates.txt"], ["java", "", "snippets/java/records-streams.txt"],
  ["go", " linenos", "snippets/go/http-server.txt"], ["rust", "", "snippets/rust/traits-generics.txt"],
  ["sql", " linenos", "snippets/sql/schema.txt"], ["markdown", "", "snippets/md/readme.txt"],
  ["toml", " linenos", "snippets/toml/cargo.txt"], ["dockerfile", "", "snippets/docker/jekyll.txt"],
  ["plaintext", " linenos", "snippets/plaintext/notes.txt"], ["guess", "", "snippets/shell/deploy.txt"],
  ["JSON", " linenos=table", "snippets/jsonc/settings.txt"],
].map do |lang, opts, file|
  [lang, opts, File.read(File.join(HERE, file), encoding: "UTF-8")]
end).map do |lang, opts, code|
  body = code.include?("{%") || code.include?("{{") ? "{% raw %}#{code}{% endraw %}" : code
  source = "{% highlight #{lang}#{opts} %}#{body}{% endhighlight %}"
  html = Liquid::Template.parse(source).render!({}, :registers => { :site => site })
  { "markup" => "#{lang}#{opts}", "code" => code, "html" => html }
end
write_json(File.join(HERE, "tag.json"), tag_cases)

# 3. Every language name Rouge::Lexer.find accepts (tags and aliases, as registered), with the
#    tag of the lexer it finds.
names = Rouge::Lexer.all.flat_map { |l| [l.tag] + l.aliases }.uniq.sort
table = names.to_h { |n| [n, (Rouge::Lexer.find(n) or raise "find(#{n}) failed").tag] }
write_json(File.join(HERE, "languages.json"), table)
ts = +"// Generated by test/golden/highlight/generate.rb from Rouge #{Rouge.version}; do not edit.\n"
ts << "// Every tag and alias Rouge::Lexer.find accepts, mapped to the lexer's tag. Lookup is exact\n"
ts << "// (case-sensitive), as in Rouge.\n"
ts << "export const ROUGE_LEXERS: ReadonlyMap<string, string> = new Map([\n"
table.each { |n, t| ts << "  [#{n.to_json}, #{t.to_json}],\n" }
ts << "]);\n"
ts << "\n/**\n * Every lexer in Rouge::Lexer.all order, as [tag, aliases, mimetypes]: what Rouge's guessers\n"
ts << " * filter (./guess.ts). A function, so the table is only built when a language is guessed.\n */\n"
ts << "export function rougeLexerList(): Array<[string, string[], string[]]> {\n  return [\n"
Rouge::Lexer.all.each { |l| ts << "    [#{l.tag.to_json}, #{l.aliases.to_json}, #{l.mimetypes.to_json}],\n" }
ts << "  ];\n}\n"
ts_path = File.join(ROOT, "src", "render", "highlight", "rouge-languages.ts")
File.write(ts_path, ts)
puts "wrote #{ts_path}"

# 3b. Language strings with Rouge lexer options (`lang?key=value`, read by find_fancy) and
#     `guess`, on snippet files: fancy.json.
fancy_cases = [
  ["console?comments=true", "snippets/console/prompts.txt"],
  ["console?comments", "snippets/console/irb.txt"],
  ["terminal?comments=off", "snippets/console/irb.txt"],
  ["console?lang=python&prompt=>>>,...", "snippets/console/python-repl.txt"],
  ["console?prompt=>>>,...&lang=python&error=Traceback,error:", "snippets/console/python-repl.txt"],
  ["console?lang=ruby&prompt=>", "snippets/console/irb.txt"],
  ["console?prompt=%25,>&error=fatal:", "snippets/console/irb.txt"],
  # IRBLexer reads only the console's ?error= option (its prompt, lang and output are fixed)
  ["irb?error=%3D>%20%22,%20%20&prompt=$&lang=python", "snippets/irb/hashes.txt"],
  ["console?output=json", "snippets/console/json-output.txt"],
  ["console?lang=nosuchlang", "snippets/console/jekyll-new.txt"],
  ["console?prompt=", "snippets/console/jekyll-new.txt"],
  ["shell-session?lang=sh&lang=python", "snippets/console/python-repl.txt"],
  ["console?lang=yaml", "snippets/console/prompts.txt"],
  ["guess", "snippets/shell/deploy.txt"],
  ["guess", "snippets/html/jekyll-layout.txt"],
  ["guess", "snippets/xml/feed.txt"],
  ["guess", "snippets/py/script.txt"],
  ["guess", "snippets/diff/git-diff.txt"],
  ["guess", "snippets/liquid/layout-default.txt"],
  ["guess?mimetype=text/x-yaml", "snippets/yml/front-matter.txt"],
  ["ruby?foo=bar", "snippets/rb/plugin-generator.txt"],
  ["php?start_inline=true", "snippets/php/structure-a.txt"],
  ["php?start_inline=1", "snippets/php/constructs.txt"],
  ["php?start_inline=false", "snippets/php/structure-a.txt"],
  ["php?funcnamehighlighting=off", "snippets/php/constructs.txt"],
  ["php?disabledmodules=Array,Strings", "snippets/php/constructs.txt"],
  ["php?parent=xml", "snippets/php/constructs.txt"],
  ["jinja?parent=nginx", "snippets/jinja/ansible.txt"],
  ["twig?parent=nosuchlang", "snippets/twig/page.txt"],
]
fancy = fancy_cases.map do |lang, file|
  code = File.read(File.join(HERE, file), encoding: "UTF-8")
  lexer = Rouge::Lexer.find_fancy(lang, code) or raise "no lexer for #{lang}"
  fresh_template_words if %w(jinja twig).include?(lexer.tag)
  fresh_wollok_entities if lexer.tag == "wollok"
  { "lang" => lang, "file" => file, "lexer" => lexer.tag,
    "html" => Rouge::Formatters::HTML.new.format(lexer.lex(code)) }
end
write_json(File.join(HERE, "fancy.json"), fancy)

# 4. What `guess` (Rouge::Lexer.find_fancy("guess", code), optionally "guess?mimetype=…") finds:
#    Rouge's Mimetype, Modeline and Source guessers over every lexer. An ambiguous guess raises in
#    Rouge (and fails the Jekyll build); recorded as "error" with Rouge's message.
guess_sources = [
  "", "plain words only\n", "#!/bin/bash\necho hi\n", "  \n#!/usr/bin/env python3\nprint(1)\n",
  "#!/usr/bin/python2.7\n", "#!/usr/bin/env node\nconsole.log(1)\n", "#!/usr/bin/env ruby -w\n",
  "#!/bin/zsh\n", "#!/usr/bin/ksh93\n", "#!/usr/bin/env bash\n", "#!/usr/local/bin/perl\n",
  "#!/usr/bin/env Rscript\n", "#!/usr/bin/env rustc\n", "#!/usr/bin/awk -f\n", "#!/bin/sed -f\n",
  "#! /usr/bin/env lua\n", "#!/usr/bin/env php\n<?php echo 1; ?>\n", "<?php\necho 'x';\n",
  "<?hh\n", "<!DOCTYPE html>\n<html><body></body></html>\n", "<html lang=\"en\">\n</html>\n",
  "<?xml version=\"1.0\"?>\n<root/>\n", "<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html></html>\n",
  "<!DOCTYPE note SYSTEM \"Note.dtd\">\n<note/>\n", "  <!DOCTYPE svg>\n", "%YAML 1.2\n---\na: 1\n",
  "---\na: 1\n", "Index: foo.c\n", "diff --git a/x b/x\n", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n",
  "+++ b\n--- a\n", "\\documentclass{article}\n", "  \\input{x}\n", "pragma solidity ^0.8.0;\n",
  "#lang racket\n", "#lang scribble/manual\n", "#lang other\n", "%!PS-Adobe-3.0\n",
  "model Foo\nend-model\n", "<Biml xmlns=\"x\"></Biml>\n", "async function foo(): Awaitable<int> {}\n",
  "<?lassoscript\n", "# vim: ft=python\nx = 1\n", "x = 1\n# vim: set ts=2 ft=ruby :\n",
  "// -*- mode: c++ -*-\n", "/* -*- coding: utf-8; mode: c -*- */\n", "# -*- ruby -*-\n",
  "# vim: syntax=nosuchlang\n", "#!/bin/bash\n# vim: ft=python\n", "\uFEFF#!/bin/sh\r\necho\r\n",
  "#!/usr/bin/env python\n<!DOCTYPE html>\n", "#!/usr/bin/env groovy\n", "#!/usr/bin/env julia\n",
  "#!/usr/bin/tclsh\n", "#!/usr/bin/env crystal\n", "#!/usr/bin/env runhaskell\n",
  "#!/usr/bin/env coffee\n", "#!/usr/bin/env shell\n", "#!/usr/bin/env bashful\n", "#!sh\n",
  "#!/bin/sh\necho '<html>'\n", "# vim: ft=sh\n# -*- mode: ruby -*-\n",
]
guess_cases = guess_sources.flat_map { |src| [[src, nil]] } +
  [["x = 1\n", "text/x-python"], ["x = 1\n", "application/json"], ["#!/bin/sh\n", "text/x-python"],
   ["<a/>", "text/xml"], ["x", "no/such-type"], ["x", "text/plain"]]
guess = guess_cases.map do |src, mime|
  lang = mime ? "guess?mimetype=#{mime}" : "guess"
  result = begin
    Rouge::Lexer.find_fancy(lang, src).tag
  rescue Rouge::Guesser::Ambiguous => e
    "error: #{e.message}"
  end
  { "lang" => lang, "code" => src, "tag" => result }
end
write_json(File.join(HERE, "guess.json"),
           { "detectable" => Rouge::Lexer.all.select(&:detectable?).map(&:tag).sort, "cases" => guess })

# 5. Rouge's word lists that our lexers need (facts about Rouge, kept as data).
# The `(a|b|…)\\b` alternations of Erlang's first three word rules, in order.
erlang_rule_words = Rouge::Lexers::Erlang.get_state(:root).rules
  .map { |r| r.re.source[/\A\(([a-z0-9_|]+)\)\\b\z/, 1] }.compact.map { |alt| alt.split("|") }
raise "Erlang word rules not found" unless erlang_rule_words.size == 3
# Perl's keyword and builtin lists are local variables of its class body too: the `(?:a|b|…)\\b`
# rules of its root state are keywords, word operators and builtins, in order.
perl_rule_words = Rouge::Lexers::Perl.get_state(:root).rules.select { |r| r.respond_to?(:re) }
  .map { |r| r.re.source[/\A\(\?:([A-Za-z0-9_|]+)\)\\b\z/, 1] }.compact.map { |alt| alt.split("|") }
raise "Perl word rules not found" unless perl_rule_words.size == 3
lists = {
  "CSS_ATTRIBUTES" => Rouge::Lexers::CSS.attributes,
  "CSS_BUILTINS" => Rouge::Lexers::CSS.builtins,
  "CSS_CONSTANTS" => Rouge::Lexers::CSS.constants,
  "CSS_VENDOR_PREFIXES" => Rouge::Lexers::CSS.vendor_prefixes,
  "C_KEYWORDS" => Rouge::Lexers::C.keywords,
  "C_KEYWORDS_TYPE" => Rouge::Lexers::C.keywords_type,
  "C_RESERVED" => Rouge::Lexers::C.reserved,
  "C_BUILTINS" => Rouge::Lexers::C.builtins,
  "CPP_KEYWORDS" => Rouge::Lexers::Cpp.keywords,
  "CPP_KEYWORDS_TYPE" => Rouge::Lexers::Cpp.keywords_type,
  "CPP_RESERVED" => Rouge::Lexers::Cpp.reserved,
  "GLSL_KEYWORDS" => Rouge::Lexers::Glsl.keywords,
  "GLSL_KEYWORDS_TYPE" => Rouge::Lexers::Glsl.keywords_type,
  "GLSL_RESERVED" => Rouge::Lexers::Glsl.reserved,
  "GLSL_BUILTINS" => Rouge::Lexers::Glsl.builtins,
  "SQL_KEYWORDS" => Rouge::Lexers::SQL.keywords,
  "SQL_KEYWORDS_TYPE" => Rouge::Lexers::SQL.keywords_type,
  "MATLAB_BUILTINS" => Rouge::Lexers::Matlab.builtins,
  "STATA_KEYWORDS" => Rouge::Lexers::Stata::KEYWORDS,
  "STATA_FUNCTIONS" => Rouge::Lexers::Stata::PRIMITIVE_FUNCTIONS,
  "STATA_TYPE_KEYWORDS" => Rouge::Lexers::Stata.type_keywords,
  "STATA_RESERVED_KEYWORDS" => Rouge::Lexers::Stata.reserved_keywords,
  "COQ_GALLINA" => Rouge::Lexers::Coq.gallina,
  "COQ_COMMANDS" => Rouge::Lexers::Coq.coq,
  "COQ_LTAC" => Rouge::Lexers::Coq.ltac,
  "COQ_TACTICALS" => Rouge::Lexers::Coq.tacticals,
  "COQ_TERMINATORS" => Rouge::Lexers::Coq.terminators,
  "COQ_KEYOPTS" => Rouge::Lexers::Coq.keyopts,
  # Erlang's word lists are local variables of its class body: read them back from its rules
  "ERLANG_KEYWORDS" => erlang_rule_words[0],
  "ERLANG_BUILTINS" => erlang_rule_words[1],
  "ERLANG_WORD_OPERATORS" => erlang_rule_words[2],
  "OCAML_KEYWORDS" => Rouge::Lexers::OCaml.keywords,
  "OCAML_WORD_OPERATORS" => Rouge::Lexers::OCaml.word_operators,
  "OCAML_PRIMITIVES" => Rouge::Lexers::OCaml.primitives,
  "SCHEME_KEYWORDS" => Rouge::Lexers::Scheme.keywords,
  "SCHEME_BUILTINS" => Rouge::Lexers::Scheme.builtins,
  "SML_KEYWORDS" => Rouge::Lexers::SML.keywords,
  "SML_SYMBOLIC_RESERVED" => Rouge::Lexers::SML.symbolic_reserved,
  "LEAN_KEYWORDS" => Rouge::Lexers::Lean.keywords,
  "LEAN_TYPES" => Rouge::Lexers::Lean.types,
  # every module's functions: `lua?disabled_modules=…` options never reach Lua#initialize
  # (find_fancy passes string keys, it deletes symbol keys), so all modules are always on
  "LUA_BUILTINS" => Rouge::Lexers::Lua.builtins.values.reduce(:|),
  "VIML_COMMANDS" => Rouge::Lexers::VimL.keywords[:command],
  "VIML_FUNCTIONS" => Rouge::Lexers::VimL.keywords[:function],
  "VIML_OPTIONS" => Rouge::Lexers::VimL.keywords[:option],
  "VIML_AUTO" => Rouge::Lexers::VimL.keywords[:auto],
  "VHDL_KEYWORDS" => Rouge::Lexers::VHDL.keywords,
  "VHDL_KEYWORDS_TYPE" => Rouge::Lexers::VHDL.keywords_type,
  "VHDL_OPERATOR_WORDS" => Rouge::Lexers::VHDL.operator_words,
  "VERILOG_KEYWORDS" => Rouge::Lexers::Verilog.keywords,
  "VERILOG_KEYWORDS_TYPE" => Rouge::Lexers::Verilog.keywords_type,
  "VERILOG_SYSTEM_TASKS" => Rouge::Lexers::Verilog.keywords_system_task,
  "STAN_KEYWORDS" => Rouge::Lexers::Stan.keywords,
  "STAN_TYPES" => Rouge::Lexers::Stan.types,
  "STAN_RESERVED" => Rouge::Lexers::Stan.reserved,
  "STAN_BUILTIN_FUNCTIONS" => Rouge::Lexers::Stan.builtin_functions,
  "STAN_DISTRIBUTIONS" => Rouge::Lexers::Stan.distributions,
  "STAN_CONSTANTS" => Rouge::Lexers::Stan.constants,
  "SAS_DATA_STEP_STATEMENTS" => Rouge::Lexers::SAS.data_step_statements,
  "SAS_FUNCTIONS" => Rouge::Lexers::SAS.sas_functions,
  "SAS_MACRO_STATEMENTS" => Rouge::Lexers::SAS.sas_macro_statements,
  "SAS_MACRO_FUNCTIONS" => Rouge::Lexers::SAS.sas_macro_functions,
  "SAS_PROC_NAMES" => Rouge::Lexers::SAS.sas_proc_names,
  "CLOJURE_KEYWORDS" => Rouge::Lexers::Clojure.keywords,
  "CLOJURE_BUILTINS" => Rouge::Lexers::Clojure.builtins,
  "FORTRAN_KEYWORDS" => Rouge::Lexers::Fortran.keywords,
  "FORTRAN_TYPES" => Rouge::Lexers::Fortran.types,
  "FORTRAN_INTRINSICS" => Rouge::Lexers::Fortran.intrinsics,
  # lexers/llvm/keywords.rb
  "LLVM_KEYWORDS" => Rouge::Lexers::LLVM.keywords,
  "LLVM_INSTRUCTIONS" => Rouge::Lexers::LLVM.instructions,
  "LLVM_TYPES" => Rouge::Lexers::LLVM.types,
  # lexers/gherkin/keywords.rb: the words before a `:` (the step words are in GHERKIN_STEP below)
  "GHERKIN_ELEMENT" => Rouge::Lexers::Gherkin.keywords[:element],
  "GHERKIN_FEATURE" => Rouge::Lexers::Gherkin.keywords[:feature],
  "GHERKIN_EXAMPLES" => Rouge::Lexers::Gherkin.keywords[:examples],
  "RACKET_KEYWORDS" => Rouge::Lexers::Racket.keywords,
  "RACKET_BUILTINS" => Rouge::Lexers::Racket.builtins,
  # Common Lisp's lists, tested in this order
  "COMMON_LISP_FUNCTIONS" => Rouge::Lexers::CommonLisp::BUILTIN_FUNCTIONS,
  "COMMON_LISP_SPECIAL_FORMS" => Rouge::Lexers::CommonLisp::SPECIAL_FORMS,
  "COMMON_LISP_MACROS" => Rouge::Lexers::CommonLisp::MACROS,
  "COMMON_LISP_LAMBDA_LIST_KEYWORDS" => Rouge::Lexers::CommonLisp::LAMBDA_LIST_KEYWORDS,
  "COMMON_LISP_DECLARATIONS" => Rouge::Lexers::CommonLisp::DECLARATIONS,
  "COMMON_LISP_TYPES" => Rouge::Lexers::CommonLisp::BUILTIN_TYPES,
  "COMMON_LISP_CLASSES" => Rouge::Lexers::CommonLisp::BUILTIN_CLASSES,
  # Apache#name_for_token tests a word against all three lists alike
  "APACHE_WORDS" => Rouge::Lexers::Apache.sections | Rouge::Lexers::Apache.directives | Rouge::Lexers::Apache.values,
}
lists.merge!(
  "PERL_KEYWORDS" => perl_rule_words[0],
  "PERL_BUILTINS" => perl_rule_words[2],
)
# compat-lex4's lexers
lists.merge!(
  "JSONNET_BUILTINS" => Rouge::Lexers::Jsonnet.builtins,
  "HLSL_KEYWORDS" => Rouge::Lexers::HLSL.keywords,
  "HLSL_KEYWORDS_TYPE" => Rouge::Lexers::HLSL.keywords_type,
  "HLSL_RESERVED" => Rouge::Lexers::HLSL.reserved,
  "HLSL_BUILTINS" => Rouge::Lexers::HLSL.builtins,
  "JANET_BUNDLED" => Rouge::Lexers::Janet.bundled,
)
# compat-rouge5's lexers
lists.merge!(
  "PLSQL_KEYWORDS_RESERVED" => Rouge::Lexers::PLSQL.keywords_reserved,
  "PLSQL_KEYWORDS" => Rouge::Lexers::PLSQL.keywords,
  "PLSQL_KEYWORDS_FUNC" => Rouge::Lexers::PLSQL.keywords_func,
  "PLSQL_KEYWORDS_TYPE" => Rouge::Lexers::PLSQL.keywords_type,
)
# compat-rouge6's lexers
lists.merge!(
  "IGORPRO_KEYWORDS" => Rouge::Lexers::IgorPro.keywords,
  "IGORPRO_PREPROCESSOR" => Rouge::Lexers::IgorPro.preprocessor,
  "IGORPRO_DECLARATIONS" => Rouge::Lexers::IgorPro.igorDeclarations,
  "IGORPRO_CONSTANTS" => Rouge::Lexers::IgorPro.igorConstants,
)
# compat-rouge7's lexers
lists.merge!(
  "LASSO_KEYWORDS" => Rouge::Lexers::Lasso.keywords[:keywords],
  "LASSO_TRAITS" => Rouge::Lexers::Lasso.keywords[:traits],
  "LASSO_EXCEPTIONS" => Rouge::Lexers::Lasso.keywords[:exceptions],
  "OPENEDGE_KEYWORDS_TYPE" => Rouge::Lexers::OpenEdge.keywords_type,
  "ISBL_GLOBALS" => Rouge::Lexers::ISBL.globals,
  "ECL_CLASS_FIRST" => Rouge::Lexers::ECL.class_first,
  "ECL_CLASS_SECOND" => Rouge::Lexers::ECL.class_second,
  "ECL_FUNCTIONS" => Rouge::Lexers::ECL.functions,
  "ECL_KEYWORDS" => Rouge::Lexers::ECL.keywords,
  "ECL_TEMPLATE" => Rouge::Lexers::ECL.template,
  "ECL_TYPE" => Rouge::Lexers::ECL.type,
  "ECL_TYPED" => Rouge::Lexers::ECL.typed,
)
# Long lists are written as one space-separated string (smaller in the bundle than a JSON array).
long_lists = {
  "MATHEMATICA_BUILTINS" => Rouge::Lexers::Mathematica.builtins,
  # compat-rouge6's lexers
  "IDLANG_ROUTINES" => Rouge::Lexers::IDLang.routines,
  # IgorPro looks words up lower-cased: its mixed-case entries never match, as in Rouge
  "IGORPRO_FUNCTIONS" => Rouge::Lexers::IgorPro.igorFunction,
  "IGORPRO_OPERATIONS" => Rouge::Lexers::IgorPro.igorOperation,
  # Factor tests a word against all its vocabularies' lists alike
  "FACTOR_BUILTINS" => Rouge::Lexers::Factor.builtins.values.reduce(:|),
  # compat-rouge7's lexers
  "ABAP_KEYWORDS" => Rouge::Lexers::ABAP.keywords,
  "ABAP_BUILTINS" => Rouge::Lexers::ABAP.builtins,
  "LASSO_BUILTINS" => Rouge::Lexers::Lasso.keywords[:builtins],
  "LASSO_TYPES" => Rouge::Lexers::Lasso.keywords[:types],
  "SQF_COMMANDS" => Rouge::Lexers::SQF.commands,
  "OPENEDGE_KEYWORDS" => Rouge::Lexers::OpenEdge.keywords,
  "BRIGHTSCRIPT_BUILTINS" => Rouge::Lexers::Brightscript.builtins,
  "ISBL_CONSTANTS" => Rouge::Lexers::ISBL.constants,
  "ISBL_INTERFACES" => Rouge::Lexers::ISBL.interfaces,
  "DATASTUDIO_SQL_KEYWORDS" => Rouge::Lexers::Datastudio.sql_keywords,
}
# PHP's builtin functions by module (php?disabledmodules=… drops modules): one line per module,
# the module's name, a tab, then its functions separated by spaces.
module_lists = {
  "PHP_BUILTIN_MODULES" => Rouge::Lexers::PHP.builtins,
}
ws = +"// Generated by test/golden/highlight/generate.rb from Rouge #{Rouge.version}; do not edit.\n"
ws << "// Word lists of Rouge's lexers, used by ./lexers/; each becomes a Set on first lookup.\n"
ws << "import { type WordList, wordList } from './engine.js';\n"
lists.each do |name, words|
  ws << "\nexport const #{name}: WordList = wordList(() => #{words.to_a.sort.to_json});\n"
end
long_lists.each do |name, words|
  raise "#{name}: a word with a space" if words.any? { |w| w.include?(" ") }
  ws << "\nexport const #{name}: WordList = wordList(() => #{words.to_a.sort.join(" ").to_json}.split(\" \"));\n"
end
module_lists.each do |name, modules|
  text = modules.map do |mod, words|
    raise "#{name}: odd module name #{mod}" if mod =~ /[\t\n]/
    raise "#{name}: a word with whitespace" if words.any? { |w| w =~ /\s/ }
    "#{mod}\t#{words.to_a.join(" ")}"
  end.join("\n")
  ws << "\nexport const #{name}: string = #{text.to_json};\n"
end
# Regexes Rouge builds from long word lists, as sources (extended-mode whitespace removed).
extended_source = lambda do |re, what|
  src = re.source
  if re.options & Regexp::EXTENDED != 0
    # drop unescaped whitespace; an unescaped `#` would start a comment
    src = src.gsub(/\\.|\s+|#/m) do |t|
      raise "comment in extended regex #{what}" if t == "#"
      t.start_with?("\\") ? t : ""
    end
  end
  src
end
regexes = %w(OPERATORS TYPES KEYWORDS BUILTINS).to_h do |c|
  ["JULIA_#{c}", extended_source.(Rouge::Lexers::Julia.const_get(c), "Julia::#{c}")]
end
# Lean's operator rule is its list of regex fragments joined with `|`, in order (the first
# alternative that matches wins, so `-` shadows `->`).
regexes["LEAN_OPERATORS"] = Rouge::Lexers::Lean.operators.join("|")
# Stan's operator alternation (in order), return-type prefix and optional-whitespace regexes
%w(OP RT WS).each { |c| regexes["STAN_#{c}"] = Rouge::Lexers::Stan.const_get(c).source }
# Praat's word lists are local variables of its class body, used only inside rule regexes: the
# sources of those rules, found by shape (exactly one rule each)
praat_src = lambda do |state, shape|
  srcs = Rouge::Lexers::Praat.get_state(state).rules.select { |r| r.respond_to?(:re) }.map { |r| r.re.source }.grep(shape)
  raise "Praat #{state} rule #{shape.inspect}: #{srcs.size} found" unless srcs.size == 1
  srcs[0]
end
regexes["PRAAT_KEYWORDS"] = praat_src.(:root, /\A\\b\(\?:if\|/)
regexes["PRAAT_OBJECTS"] = praat_src.(:root, /\(\?=\\s\+\\S\+\\n\)\z/)
regexes["PRAAT_FUNCTIONS_STRING"] = praat_src.(:function_call, /\)\\\$\(\?=/)
regexes["PRAAT_FUNCTIONS_ARRAY"] = praat_src.(:function_call, /\)#\(\?=/)
regexes["PRAAT_FUNCTIONS_NUMERIC"] = praat_src.(:function_call, /\)\(\?=\\s\*\[:\(\]\)\z/)
regexes["PRAAT_VARIABLES_STRING"] = praat_src.(:variable_name, /\)\\\$\z/)
regexes["PRAAT_VARIABLES_NUMERIC"] = praat_src.(:variable_name, /\(\?!\\\$\)\\b\z/)
regexes["PRAAT_OBJECT_PREFIX"] = praat_src.(:variable_name, /\A\\b\(Object\|/)
regexes["PRAAT_OBJECT_ATTRIBUTES"] = praat_src.(:object_reference, /\A\\\.\(ncol/)
# AppleScript's word lists are regex fragments (`(is )?equal to`, `(?:Unicode )?text`), joined
# with `|` in Rouge's order into its rules
%w(operators classes literals commands controls declarations reserved builtins handler_params
   references studio_properties studio_classes studio_commands).each do |m|
  regexes["APPLESCRIPT_#{m.upcase}"] = Rouge::Lexers::AppleScript.send(m).to_a.join("|")
end
# Gherkin's step rule: its keywords in the order of lexers/gherkin/keywords.rb (the first that
# matches wins), as Regexp.escape wrote them, but with `\ ` as a plain space (an invalid escape
# under JavaScript's `u` flag)
step_src = Rouge::Lexers::Gherkin.step_regex.source
raise "Gherkin step regex: an unexpected escape" unless (step_src.scan(/\\./).uniq - ["\\ ", "\\*", "\\b"]).empty?
regexes["GHERKIN_STEP"] = step_src.gsub("\\ ", " ")
# compat-rouge7's lexers: BSL's keyword and builtin alternations (extended mode, case-insensitive)
%w(KEYWORDS BUILTINS).each do |c|
  regexes["BSL_#{c}"] = extended_source.(Rouge::Lexers::Bsl.const_get(c), "Bsl::#{c}")
end
regexes.each do |name, src|
  ws << "\nexport const #{name} = #{src.to_json};\n"
end
# SAS's keywords of common PROCs, keyed by PROC name (upper case)
ws << "\n// SAS's keywords of common PROCs, keyed by PROC name (Rouge's SAS.proc_keywords).\n"
ws << "export const SAS_PROC_KEYWORDS: Record<string, string[]> = #{Rouge::Lexers::SAS.proc_keywords.transform_values { |v| v.to_a.sort }.to_json};\n"
ws_path = File.join(ROOT, "src", "render", "highlight", "rouge-words.ts")
File.write(ws_path, ws)
puts "wrote #{ws_path}"
