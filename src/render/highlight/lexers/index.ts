/**
 * Every lexer, keyed by Rouge's lexer tag (the name and alias → tag table, which ../guess.ts
 * reads too, is ../rouge-languages.ts): each of Rouge 3.30's lexers ported to our
 * Rouge-compatible engine, and Rouge's PlainText.
 *
 * Each lexer module is a lazy import (the `bundle: lazy` comment, scripts/bundle.mjs): in the bundle its
 * top-level code runs when a block in its language is first highlighted, not at every start-up.
 * The ~190 modules' top-level code was ~10 ms of a cold homepage build's ~23 ms of module
 * start-up (bench/PROFILE.md, nineteenth session), and a site highlights a handful of languages.
 * So this table maps each tag to a function that reads the lexer from its module, and nothing
 * here (nor the name lookup, nor guessing) touches a module before its language is used.
 */
import { type LexerDef, plainLexer } from '../engine.js';
import { ROUGE_LEXERS } from '../rouge-languages.js';
import * as apacheLexers from './apache.js'; // bundle: lazy
import * as armasmLexers from './armasm.js'; // bundle: lazy
import * as batchfileLexers from './batchfile.js'; // bundle: lazy
import * as awkLexers from './awk.js'; // bundle: lazy
import * as bibtexLexers from './bibtex.js'; // bundle: lazy
import * as cLexers from './c.js'; // bundle: lazy
import * as csharpLexers from './csharp.js'; // bundle: lazy
import * as clojureLexers from './clojure.js'; // bundle: lazy
import * as cythonLexers from './cython.js'; // bundle: lazy
import * as dLexers from './d.js'; // bundle: lazy
import * as cmakeLexers from './cmake.js'; // bundle: lazy
import * as commonLispLexers from './common-lisp.js'; // bundle: lazy
import * as coffeescriptLexers from './coffeescript.js'; // bundle: lazy
import * as configFormatsLexers from './config-formats.js'; // bundle: lazy
import * as consoleLexers from './console.js'; // bundle: lazy
import * as coqLexers from './coq.js'; // bundle: lazy
import * as crystalLexers from './crystal.js'; // bundle: lazy
import * as cssLexers from './css.js'; // bundle: lazy
import * as dartLexers from './dart.js'; // bundle: lazy
import * as diffLexers from './diff.js'; // bundle: lazy
import * as elmLexers from './elm.js'; // bundle: lazy
import * as erlangLexers from './erlang.js'; // bundle: lazy
import * as dotLexers from './dot.js'; // bundle: lazy
import * as elixirLexers from './elixir.js'; // bundle: lazy
import * as erbLexers from './erb.js'; // bundle: lazy
import * as slimLexers from './slim.js'; // bundle: lazy
import * as smartyLexers from './smarty.js'; // bundle: lazy
import * as fortranLexers from './fortran.js'; // bundle: lazy
import * as fsharpLexers from './fsharp.js'; // bundle: lazy
import * as gdscriptLexers from './gdscript.js'; // bundle: lazy
import * as gherkinLexers from './gherkin.js'; // bundle: lazy
import * as goLexers from './go.js'; // bundle: lazy
import * as graphqlLexers from './graphql.js'; // bundle: lazy
import * as groovyLexers from './groovy.js'; // bundle: lazy
import * as handlebarsLexers from './handlebars.js'; // bundle: lazy
import * as hamlLexers from './haml.js'; // bundle: lazy
import * as haskellLexers from './haskell.js'; // bundle: lazy
import * as hclLexers from './hcl.js'; // bundle: lazy
import * as htmlLexers from './html.js'; // bundle: lazy
import * as httpLexers from './http.js'; // bundle: lazy
import * as irbLexers from './irb.js'; // bundle: lazy
import * as javaLexers from './java.js'; // bundle: lazy
import * as jinjaLexers from './jinja.js'; // bundle: lazy
import * as javascriptLexers from './javascript.js'; // bundle: lazy
import * as jsonLexers from './json.js'; // bundle: lazy
import * as juliaLexers from './julia.js'; // bundle: lazy
import * as kotlinLexers from './kotlin.js'; // bundle: lazy
import * as leanLexers from './lean.js'; // bundle: lazy
import * as liquidLexers from './liquid.js'; // bundle: lazy
import * as llvmLexers from './llvm.js'; // bundle: lazy
import * as luaLexers from './lua.js'; // bundle: lazy
import * as makeLexers from './make.js'; // bundle: lazy
import * as markdownLexers from './markdown.js'; // bundle: lazy
import * as mathematicaLexers from './mathematica.js'; // bundle: lazy
import * as matlabLexers from './matlab.js'; // bundle: lazy
import * as nginxLexers from './nginx.js'; // bundle: lazy
import * as nasmLexers from './nasm.js'; // bundle: lazy
import * as nimLexers from './nim.js'; // bundle: lazy
import * as nixLexers from './nix.js'; // bundle: lazy
import * as ocamlLexers from './ocaml.js'; // bundle: lazy
import * as pascalLexers from './pascal.js'; // bundle: lazy
import * as phpLexers from './php.js'; // bundle: lazy
import * as powershellLexers from './powershell.js'; // bundle: lazy
import * as propertiesLexers from './properties.js'; // bundle: lazy
import * as perlLexers from './perl.js'; // bundle: lazy
import * as praatLexers from './praat.js'; // bundle: lazy
import * as prologLexers from './prolog.js'; // bundle: lazy
import * as protobufLexers from './protobuf.js'; // bundle: lazy
import * as pythonLexers from './python.js'; // bundle: lazy
import * as rLexers from './r.js'; // bundle: lazy
import * as racketLexers from './racket.js'; // bundle: lazy
import * as rubyLexers from './ruby.js'; // bundle: lazy
import * as rustLexers from './rust.js'; // bundle: lazy
import * as sasLexers from './sas.js'; // bundle: lazy
import * as scalaLexers from './scala.js'; // bundle: lazy
import * as schemeLexers from './scheme.js'; // bundle: lazy
import * as sassLexers from './sass.js'; // bundle: lazy
import * as sedLexers from './sed.js'; // bundle: lazy
import * as cypherLexers from './cypher.js'; // bundle: lazy
import * as moonscriptLexers from './moonscript.js'; // bundle: lazy
import * as prometheusLexers from './prometheus.js'; // bundle: lazy
import * as puppetLexers from './puppet.js'; // bundle: lazy
import * as valaLexers from './vala.js'; // bundle: lazy
import * as adaLexers from './ada.js'; // bundle: lazy
import * as smalltalkLexers from './smalltalk.js'; // bundle: lazy
import * as applescriptLexers from './applescript.js'; // bundle: lazy
import * as janetLexers from './janet.js'; // bundle: lazy
import * as qLexers from './q.js'; // bundle: lazy
import * as rescriptLexers from './rescript.js'; // bundle: lazy
import * as reasonmlLexers from './reasonml.js'; // bundle: lazy
import * as idrisLexers from './idris.js'; // bundle: lazy
import * as literateHaskellLexers from './literate-haskell.js'; // bundle: lazy
import * as mesonLexers from './meson.js'; // bundle: lazy
import * as plistLexers from './plist.js'; // bundle: lazy
import * as jsonnetLexers from './jsonnet.js'; // bundle: lazy
import * as sshLexers from './ssh.js'; // bundle: lazy
import * as tapLexers from './tap.js'; // bundle: lazy
import * as qmlLexers from './qml.js'; // bundle: lazy
import * as jspLexers from './jsp.js'; // bundle: lazy
import * as actionscriptLexers from './actionscript.js'; // bundle: lazy
import * as haxeLexers from './haxe.js'; // bundle: lazy
import * as livescriptLexers from './livescript.js'; // bundle: lazy
import * as plsqlLexers from './plsql.js'; // bundle: lazy
import * as hoconLexers from './hocon.js'; // bundle: lazy
import * as emailLexers from './email.js'; // bundle: lazy
import * as systemdLexers from './systemd.js'; // bundle: lazy
import * as scssLexers from './scss.js'; // bundle: lazy
import * as shellLexers from './shell.js'; // bundle: lazy
import * as smlLexers from './sml.js'; // bundle: lazy
import * as solidityLexers from './solidity.js'; // bundle: lazy
import * as sparqlLexers from './sparql.js'; // bundle: lazy
import * as sqlLexers from './sql.js'; // bundle: lazy
import * as stanLexers from './stan.js'; // bundle: lazy
import * as stataLexers from './stata.js'; // bundle: lazy
import { sublexers } from './sublexers.js';
import * as swiftLexers from './swift.js'; // bundle: lazy
import * as tclLexers from './tcl.js'; // bundle: lazy
import * as texLexers from './tex.js'; // bundle: lazy
import * as turtleLexers from './turtle.js'; // bundle: lazy
import * as vbLexers from './vb.js'; // bundle: lazy
import * as verilogLexers from './verilog.js'; // bundle: lazy
import * as vhdlLexers from './vhdl.js'; // bundle: lazy
import * as vimlLexers from './viml.js'; // bundle: lazy
import * as vueLexers from './vue.js'; // bundle: lazy
import * as xpathLexers from './xpath.js'; // bundle: lazy
import * as robotFrameworkLexers from './robot-framework.js'; // bundle: lazy
import * as isabelleLexers from './isabelle.js'; // bundle: lazy
import * as dafnyLexers from './dafny.js'; // bundle: lazy
import * as minizincLexers from './minizinc.js'; // bundle: lazy
import * as hylangLexers from './hylang.js'; // bundle: lazy
import * as regoLexers from './rego.js'; // bundle: lazy
import * as postscriptLexers from './postscript.js'; // bundle: lazy
import * as brainfuckLexers from './brainfuck.js'; // bundle: lazy
import * as literateCoffeescriptLexers from './literate-coffeescript.js'; // bundle: lazy
import * as hqlLexers from './hql.js'; // bundle: lazy
import * as freefemLexers from './freefem.js'; // bundle: lazy
import * as idlangLexers from './idlang.js'; // bundle: lazy
import * as bpfLexers from './bpf.js'; // bundle: lazy
import * as ghcCmmLexers from './ghc-cmm.js'; // bundle: lazy
import * as wollokLexers from './wollok.js'; // bundle: lazy
import * as ghcCoreLexers from './ghc-core.js'; // bundle: lazy
import * as ponyLexers from './pony.js'; // bundle: lazy
import * as eiffelLexers from './eiffel.js'; // bundle: lazy
import * as lustreLexers from './lustre.js'; // bundle: lazy
import * as ioLexers from './io.js'; // bundle: lazy
import * as supercolliderLexers from './supercollider.js'; // bundle: lazy
import * as csvsLexers from './csvs.js'; // bundle: lazy
import * as jLexers from './j.js'; // bundle: lazy
import * as syzkallerLexers from './syzkaller.js'; // bundle: lazy
import * as oclLexers from './ocl.js'; // bundle: lazy
import * as hackLexers from './hack.js'; // bundle: lazy
import * as moselLexers from './mosel.js'; // bundle: lazy
import * as igorproLexers from './igorpro.js'; // bundle: lazy
import * as varnishLexers from './varnish.js'; // bundle: lazy
import * as yangLexers from './yang.js'; // bundle: lazy
import * as m68kLexers from './m68k.js'; // bundle: lazy
import * as cleanLexers from './clean.js'; // bundle: lazy
import * as factorLexers from './factor.js'; // bundle: lazy
import * as sliceLexers from './slice.js'; // bundle: lazy
import * as sieveLexers from './sieve.js'; // bundle: lazy
import * as ceylonLexers from './ceylon.js'; // bundle: lazy
import * as nialLexers from './nial.js'; // bundle: lazy
import * as yamlLexers from './yaml.js'; // bundle: lazy
import * as apexLexers from './apex.js'; // bundle: lazy
import * as velocityLexers from './velocity.js'; // bundle: lazy
import * as abapLexers from './abap.js'; // bundle: lazy
import * as lassoLexers from './lasso.js'; // bundle: lazy
import * as masonLexers from './mason.js'; // bundle: lazy
import * as mxmlLexers from './mxml.js'; // bundle: lazy
import * as augeasLexers from './augeas.js'; // bundle: lazy
import * as cfscriptLexers from './cfscript.js'; // bundle: lazy
import * as ttcn3Lexers from './ttcn3.js'; // bundle: lazy
import * as fluentLexers from './fluent.js'; // bundle: lazy
import * as xojoLexers from './xojo.js'; // bundle: lazy
import * as sqfLexers from './sqf.js'; // bundle: lazy
import * as magikLexers from './magik.js'; // bundle: lazy
import * as escapeLexers from './escape.js'; // bundle: lazy
import * as openedgeLexers from './openedge.js'; // bundle: lazy
import * as riscOsLexers from './risc-os.js'; // bundle: lazy
import * as jslLexers from './jsl.js'; // bundle: lazy
import * as nesasmLexers from './nesasm.js'; // bundle: lazy
import * as bimlLexers from './biml.js'; // bundle: lazy
import * as tulipLexers from './tulip.js'; // bundle: lazy
import * as bbcbasicLexers from './bbcbasic.js'; // bundle: lazy
import * as brightscriptLexers from './brightscript.js'; // bundle: lazy
import * as opentypeFeatureFileLexers from './opentype-feature-file.js'; // bundle: lazy
import * as isblLexers from './isbl.js'; // bundle: lazy
import * as eclLexers from './ecl.js'; // bundle: lazy
import * as bslLexers from './bsl.js'; // bundle: lazy
import * as datastudioLexers from './datastudio.js'; // bundle: lazy
import * as apiblueprintLexers from './apiblueprint.js'; // bundle: lazy
import * as zigLexers from './zig.js'; // bundle: lazy

const plaintext = plainLexer('plaintext', '');

/**
 * Lexers that reproduce Rouge 3.30's tokens exactly (by construction and by the golden tests),
 * each read from its module on first use (see the top of this file).
 */
const NATIVE: ReadonlyMap<string, () => LexerDef> = new Map<string, () => LexerDef>([
  ['plaintext', () => plaintext],
  ['python', () => pythonLexers.python],
  ['shell', () => shellLexers.shell],
  ['console', () => consoleLexers.consoleLexer],
  ['json', () => jsonLexers.json],
  ['json-doc', () => jsonLexers.jsonDoc],
  ['diff', () => diffLexers.diff],
  ['yaml', () => yamlLexers.yaml],
  ['javascript', () => javascriptLexers.javascript],
  ['typescript', () => javascriptLexers.typescript],
  ['jsx', () => javascriptLexers.jsx],
  ['powershell', () => powershellLexers.powershell],
  ['nginx', () => nginxLexers.nginx],
  ['conf', () => nginxLexers.conf],
  ['cmake', () => cmakeLexers.cmake],
  ['http', () => httpLexers.http],
  ['protobuf', () => protobufLexers.protobuf],
  ['tsx', () => javascriptLexers.tsx],
  ['html', () => htmlLexers.html],
  ['xml', () => htmlLexers.xml],
  ['css', () => cssLexers.css],
  ['scss', () => scssLexers.scss],
  ['liquid', () => liquidLexers.liquid],
  ['sass', () => sassLexers.sass],
  ['markdown', () => markdownLexers.markdown],
  ['make', () => makeLexers.make],
  ['tex', () => texLexers.tex],
  ['bibtex', () => bibtexLexers.bibtex],
  ['c', () => cLexers.c],
  ['cpp', () => cLexers.cpp],
  ['cuda', () => cLexers.cuda],
  ['glsl', () => cLexers.glsl],
  ['csharp', () => csharpLexers.csharp],
  ['sql', () => sqlLexers.sql],
  ['ruby', () => rubyLexers.ruby],
  ['r', () => rLexers.r],
  ['matlab', () => matlabLexers.matlab],
  ['stata', () => stataLexers.stata],
  ['fortran', () => fortranLexers.fortran],
  ['coq', () => coqLexers.coq],
  ['erlang', () => erlangLexers.erlang],
  ['ocaml', () => ocamlLexers.ocaml],
  ['prolog', () => prologLexers.prolog],
  ['scheme', () => schemeLexers.scheme],
  ['sml', () => smlLexers.sml],
  ['lean', () => leanLexers.lean],
  ['lua', () => luaLexers.lua],
  ['viml', () => vimlLexers.viml],
  ['vhdl', () => vhdlLexers.vhdl],
  ['verilog', () => verilogLexers.verilog],
  ['stan', () => stanLexers.stan],
  ['praat', () => praatLexers.praat],
  ['sas', () => sasLexers.sas],
  ['clojure', () => clojureLexers.clojure],
  ['mathematica', () => mathematicaLexers.mathematica],
  ['julia', () => juliaLexers.julia],
  ['java', () => javaLexers.java],
  ['kotlin', () => kotlinLexers.kotlin],
  ['swift', () => swiftLexers.swift],
  ['php', () => phpLexers.php],
  ['objective_c', () => cLexers.objectiveC],
  ['objective_cpp', () => cLexers.objectiveCpp],
  ['dart', () => dartLexers.dart],
  ['elixir', () => elixirLexers.elixir],
  ['coffeescript', () => coffeescriptLexers.coffeescript],
  ['groovy', () => groovyLexers.groovy],
  ['erb', () => erbLexers.erb],
  ['eex', () => erbLexers.eex],
  ['smarty', () => smartyLexers.smarty],
  ['slim', () => slimLexers.slim],
  ['apache', () => apacheLexers.apache],
  ['batchfile', () => batchfileLexers.batchfile],
  ['handlebars', () => handlebarsLexers.handlebars],
  ['properties', () => propertiesLexers.properties],
  ['go', () => goLexers.go],
  ['rust', () => rustLexers.rust],
  ['haskell', () => haskellLexers.haskell],
  ['scala', () => scalaLexers.scala],
  ['ini', () => configFormatsLexers.ini],
  ['toml', () => configFormatsLexers.toml],
  ['docker', () => configFormatsLexers.docker],
  ['dot', () => dotLexers.dot],
  ['cython', () => cythonLexers.cython],
  ['perl', () => perlLexers.perl],
  ['gdscript', () => gdscriptLexers.gdscript],
  ['awk', () => awkLexers.awk],
  ['tcl', () => tclLexers.tcl],
  ['fsharp', () => fsharpLexers.fsharp],
  ['vb', () => vbLexers.vb],
  ['haml', () => hamlLexers.haml],
  ['jinja', () => jinjaLexers.jinja],
  ['twig', () => jinjaLexers.twig],
  ['hcl', () => hclLexers.hcl],
  ['terraform', () => hclLexers.terraform],
  ['graphql', () => graphqlLexers.graphql],
  ['solidity', () => solidityLexers.solidity],
  ['nix', () => nixLexers.nix],
  ['zig', () => zigLexers.zig],
  ['nim', () => nimLexers.nim],
  ['elm', () => elmLexers.elm],
  ['crystal', () => crystalLexers.crystal],
  ['d', () => dLexers.d],
  ['llvm', () => llvmLexers.llvm],
  ['gradle', () => groovyLexers.gradle],
  ['vue', () => vueLexers.vue],
  ['gherkin', () => gherkinLexers.gherkin],
  ['irb', () => irbLexers.irb],
  ['irb_output', () => irbLexers.irbOutput],
  ['racket', () => racketLexers.racket],
  ['common_lisp', () => commonLispLexers.commonLisp],
  ['pascal', () => pascalLexers.pascal],
  ['nasm', () => nasmLexers.nasm],
  ['armasm', () => armasmLexers.armasm],
  ['sparql', () => sparqlLexers.sparql],
  ['turtle', () => turtleLexers.turtle],
  ['sed', () => sedLexers.sed],
  ['systemd', () => systemdLexers.systemd],
  ['ssh', () => sshLexers.ssh],
  ['plist', () => plistLexers.plist],
  ['jsonnet', () => jsonnetLexers.jsonnet],
  ['hlsl', () => cLexers.hlsl],
  ['meson', () => mesonLexers.meson],
  ['literate_haskell', () => literateHaskellLexers.literateHaskell],
  ['idris', () => idrisLexers.idris],
  ['reasonml', () => reasonmlLexers.reasonml],
  ['rescript', () => rescriptLexers.rescript],
  ['q', () => qLexers.q],
  ['janet', () => janetLexers.janet],
  ['applescript', () => applescriptLexers.applescript],
  ['smalltalk', () => smalltalkLexers.smalltalk],
  ['ada', () => adaLexers.ada],
  ['vala', () => valaLexers.vala],
  ['puppet', () => puppetLexers.puppet],
  ['prometheus', () => prometheusLexers.prometheus],
  ['moonscript', () => moonscriptLexers.moonscript],
  ['cypher', () => cypherLexers.cypher],
  ['tap', () => tapLexers.tap],
  ['email', () => emailLexers.email],
  ['hocon', () => hoconLexers.hocon],
  ['plsql', () => plsqlLexers.plsql],
  ['qml', () => qmlLexers.qml],
  ['jsp', () => jspLexers.jsp],
  ['actionscript', () => actionscriptLexers.actionscript],
  ['haxe', () => haxeLexers.haxe],
  ['livescript', () => livescriptLexers.livescript],
  ['xpath', () => xpathLexers.xpath],
  ['xquery', () => xpathLexers.xquery],
  ['robot_framework', () => robotFrameworkLexers.robotFramework],
  ['isabelle', () => isabelleLexers.isabelle],
  ['dafny', () => dafnyLexers.dafny],
  ['minizinc', () => minizincLexers.minizinc],
  ['hylang', () => hylangLexers.hylang],
  ['rego', () => regoLexers.rego],
  ['postscript', () => postscriptLexers.postscript],
  ['brainfuck', () => brainfuckLexers.brainfuck],
  ['literate_coffeescript', () => literateCoffeescriptLexers.literateCoffeescript],
  ['digdag', () => yamlLexers.digdag],
  ['hql', () => hqlLexers.hql],
  ['freefem', () => freefemLexers.freefem],
  ['idlang', () => idlangLexers.idlang],
  ['epp', () => erbLexers.epp],
  ['bpf', () => bpfLexers.bpf],
  ['ghc-core', () => ghcCoreLexers.ghcCore],
  ['ghc-cmm', () => ghcCmmLexers.ghcCmm],
  ['wollok', () => wollokLexers.wollok],
  ['pony', () => ponyLexers.pony],
  ['eiffel', () => eiffelLexers.eiffel],
  ['lustre', () => lustreLexers.lustre],
  ['lutin', () => lustreLexers.lutin],
  ['io', () => ioLexers.io],
  ['supercollider', () => supercolliderLexers.supercollider],
  ['csvs', () => csvsLexers.csvs],
  ['j', () => jLexers.j],
  ['syzlang', () => syzkallerLexers.syzlang],
  ['syzprog', () => syzkallerLexers.syzprog],
  ['ocl', () => oclLexers.ocl],
  ['hack', () => hackLexers.hack],
  ['mosel', () => moselLexers.mosel],
  ['igorpro', () => igorproLexers.igorpro],
  ['vcl', () => varnishLexers.varnish],
  ['yang', () => yangLexers.yang],
  ['m68k', () => m68kLexers.m68k],
  ['clean', () => cleanLexers.clean],
  ['factor', () => factorLexers.factor],
  ['slice', () => sliceLexers.slice],
  ['sieve', () => sieveLexers.sieve],
  ['ceylon', () => ceylonLexers.ceylon],
  ['nial', () => nialLexers.nial],
  ['apiblueprint', () => apiblueprintLexers.apiblueprint],
  ['datastudio', () => datastudioLexers.datastudio],
  ['bsl', () => bslLexers.bsl],
  ['ecl', () => eclLexers.ecl],
  ['isbl', () => isblLexers.isbl],
  ['opentype_feature_file', () => opentypeFeatureFileLexers.opentypeFeatureFile],
  ['brightscript', () => brightscriptLexers.brightscript],
  ['bbcbasic', () => bbcbasicLexers.bbcbasic],
  ['tulip', () => tulipLexers.tulip],
  ['biml', () => bimlLexers.biml],
  ['nesasm', () => nesasmLexers.nesasm],
  ['jsl', () => jslLexers.jsl],
  ['msgtrans', () => riscOsLexers.msgtrans],
  ['cmhg', () => riscOsLexers.cmhg],
  ['openedge', () => openedgeLexers.openedge],
  ['escape', () => escapeLexers.escape],
  ['magik', () => magikLexers.magik],
  ['sqf', () => sqfLexers.sqf],
  ['xojo', () => xojoLexers.xojo],
  ['fluent', () => fluentLexers.fluent],
  ['ttcn3', () => ttcn3Lexers.ttcn3],
  ['cfscript', () => cfscriptLexers.cfscript],
  ['augeas', () => augeasLexers.augeas],
  ['mxml', () => mxmlLexers.mxml],
  ['mason', () => masonLexers.mason],
  ['lasso', () => lassoLexers.lasso],
  ['abap', () => abapLexers.abap],
  ['velocity', () => velocityLexers.velocity],
  ['apex', () => apexLexers.apex],
]);

/** The Rouge lexer tag for an exact Rouge name or alias (Rouge::Lexer.find), or undefined. */
export function rougeTag(name: string): string | undefined {
  return ROUGE_LEXERS.get(name);
}

/** The lexer for a Rouge tag: native, else plain text (right text, no classes). */
export function lexerForTag(tag: string): LexerDef {
  return NATIVE.get(tag)?.() ?? plainLexer(tag, '');
}

/** The tags of the native lexers, in this file's order (loads none of them). */
export function nativeTags(): string[] {
  return [...NATIVE.keys()];
}

/** Every native lexer by tag, in this file's order: loads them all (tests, bench/highlight-hunt). */
export function allNativeLexers(): Map<string, LexerDef> {
  return new Map([...NATIVE].map(([tag, load]) => [tag, load()]));
}

sublexers.find = (lang) => {
  const tag = rougeTag(lang);
  return tag === undefined ? undefined : lexerForTag(tag);
};
