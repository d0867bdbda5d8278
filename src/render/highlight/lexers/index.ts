/**
 * Every lexer, keyed by Rouge's lexer tag (the alias → tag table is ../rouge-languages.ts):
 * each of Rouge 3.30's lexers ported to our Rouge-compatible engine, and Rouge's PlainText.
 */
import { type LexerDef, plainLexer } from '../engine.js';
import { ROUGE_LEXERS } from '../rouge-languages.js';
import { apache } from './apache.js';
import { armasm } from './armasm.js';
import { batchfile } from './batchfile.js';
import { awk } from './awk.js';
import { bibtex } from './bibtex.js';
import { c, cpp, cuda, glsl, hlsl, objectiveC, objectiveCpp } from './c.js';
import { csharp } from './csharp.js';
import { clojure } from './clojure.js';
import { cython } from './cython.js';
import { d } from './d.js';
import { cmake } from './cmake.js';
import { commonLisp } from './common-lisp.js';
import { coffeescript } from './coffeescript.js';
import { docker, ini, toml } from './config-formats.js';
import { consoleLexer } from './console.js';
import { coq } from './coq.js';
import { crystal } from './crystal.js';
import { css } from './css.js';
import { dart } from './dart.js';
import { diff } from './diff.js';
import { elm } from './elm.js';
import { erlang } from './erlang.js';
import { dot } from './dot.js';
import { elixir } from './elixir.js';
import { eex, epp, erb } from './erb.js';
import { slim } from './slim.js';
import { smarty } from './smarty.js';
import { fortran } from './fortran.js';
import { fsharp } from './fsharp.js';
import { gdscript } from './gdscript.js';
import { gherkin } from './gherkin.js';
import { go } from './go.js';
import { graphql } from './graphql.js';
import { gradle, groovy } from './groovy.js';
import { handlebars } from './handlebars.js';
import { haml } from './haml.js';
import { haskell } from './haskell.js';
import { hcl, terraform } from './hcl.js';
import { html, xml } from './html.js';
import { http } from './http.js';
import { irb, irbOutput } from './irb.js';
import { java } from './java.js';
import { jinja, twig } from './jinja.js';
import { javascript, jsx, tsx, typescript } from './javascript.js';
import { json, jsonDoc } from './json.js';
import { julia } from './julia.js';
import { kotlin } from './kotlin.js';
import { lean } from './lean.js';
import { liquid } from './liquid.js';
import { llvm } from './llvm.js';
import { lua } from './lua.js';
import { make } from './make.js';
import { markdown } from './markdown.js';
import { mathematica } from './mathematica.js';
import { matlab } from './matlab.js';
import { conf, nginx } from './nginx.js';
import { nasm } from './nasm.js';
import { nim } from './nim.js';
import { nix } from './nix.js';
import { ocaml } from './ocaml.js';
import { pascal } from './pascal.js';
import { php } from './php.js';
import { powershell } from './powershell.js';
import { properties } from './properties.js';
import { perl } from './perl.js';
import { praat } from './praat.js';
import { prolog } from './prolog.js';
import { protobuf } from './protobuf.js';
import { python } from './python.js';
import { r } from './r.js';
import { racket } from './racket.js';
import { ruby } from './ruby.js';
import { rust } from './rust.js';
import { sas } from './sas.js';
import { scala } from './scala.js';
import { scheme } from './scheme.js';
import { sass } from './sass.js';
import { sed } from './sed.js';
import { cypher } from './cypher.js';
import { moonscript } from './moonscript.js';
import { prometheus } from './prometheus.js';
import { puppet } from './puppet.js';
import { vala } from './vala.js';
import { ada } from './ada.js';
import { smalltalk } from './smalltalk.js';
import { applescript } from './applescript.js';
import { janet } from './janet.js';
import { q } from './q.js';
import { rescript } from './rescript.js';
import { reasonml } from './reasonml.js';
import { idris } from './idris.js';
import { literateHaskell } from './literate-haskell.js';
import { meson } from './meson.js';
import { plist } from './plist.js';
import { jsonnet } from './jsonnet.js';
import { ssh } from './ssh.js';
import { tap } from './tap.js';
import { qml } from './qml.js';
import { jsp } from './jsp.js';
import { actionscript } from './actionscript.js';
import { haxe } from './haxe.js';
import { livescript } from './livescript.js';
import { plsql } from './plsql.js';
import { hocon } from './hocon.js';
import { email } from './email.js';
import { systemd } from './systemd.js';
import { scss } from './scss.js';
import { shell } from './shell.js';
import { sml } from './sml.js';
import { solidity } from './solidity.js';
import { sparql } from './sparql.js';
import { sql } from './sql.js';
import { stan } from './stan.js';
import { stata } from './stata.js';
import { sublexers } from './sublexers.js';
import { swift } from './swift.js';
import { tcl } from './tcl.js';
import { tex } from './tex.js';
import { turtle } from './turtle.js';
import { vb } from './vb.js';
import { verilog } from './verilog.js';
import { vhdl } from './vhdl.js';
import { viml } from './viml.js';
import { vue } from './vue.js';
import { xpath, xquery } from './xpath.js';
import { robotFramework } from './robot-framework.js';
import { isabelle } from './isabelle.js';
import { dafny } from './dafny.js';
import { minizinc } from './minizinc.js';
import { hylang } from './hylang.js';
import { rego } from './rego.js';
import { postscript } from './postscript.js';
import { brainfuck } from './brainfuck.js';
import { literateCoffeescript } from './literate-coffeescript.js';
import { hql } from './hql.js';
import { freefem } from './freefem.js';
import { idlang } from './idlang.js';
import { bpf } from './bpf.js';
import { ghcCmm } from './ghc-cmm.js';
import { wollok } from './wollok.js';
import { ghcCore } from './ghc-core.js';
import { pony } from './pony.js';
import { eiffel } from './eiffel.js';
import { lustre, lutin } from './lustre.js';
import { io } from './io.js';
import { supercollider } from './supercollider.js';
import { csvs } from './csvs.js';
import { j } from './j.js';
import { syzlang, syzprog } from './syzkaller.js';
import { ocl } from './ocl.js';
import { hack } from './hack.js';
import { mosel } from './mosel.js';
import { igorpro } from './igorpro.js';
import { varnish } from './varnish.js';
import { yang } from './yang.js';
import { m68k } from './m68k.js';
import { clean } from './clean.js';
import { factor } from './factor.js';
import { slice } from './slice.js';
import { sieve } from './sieve.js';
import { ceylon } from './ceylon.js';
import { nial } from './nial.js';
import { digdag, yaml } from './yaml.js';
import { apex } from './apex.js';
import { velocity } from './velocity.js';
import { abap } from './abap.js';
import { lasso } from './lasso.js';
import { mason } from './mason.js';
import { mxml } from './mxml.js';
import { augeas } from './augeas.js';
import { cfscript } from './cfscript.js';
import { ttcn3 } from './ttcn3.js';
import { fluent } from './fluent.js';
import { xojo } from './xojo.js';
import { sqf } from './sqf.js';
import { magik } from './magik.js';
import { escape } from './escape.js';
import { openedge } from './openedge.js';
import { cmhg, msgtrans } from './risc-os.js';
import { jsl } from './jsl.js';
import { nesasm } from './nesasm.js';
import { biml } from './biml.js';
import { tulip } from './tulip.js';
import { bbcbasic } from './bbcbasic.js';
import { brightscript } from './brightscript.js';
import { opentypeFeatureFile } from './opentype-feature-file.js';
import { isbl } from './isbl.js';
import { ecl } from './ecl.js';
import { bsl } from './bsl.js';
import { datastudio } from './datastudio.js';
import { apiblueprint } from './apiblueprint.js';
import { zig } from './zig.js';

/** Lexers that reproduce Rouge 3.30's tokens exactly (by construction and by the golden tests). */
export const NATIVE: ReadonlyMap<string, LexerDef> = new Map<string, LexerDef>([
  ['plaintext', plainLexer('plaintext', '')],
  ['python', python],
  ['shell', shell],
  ['console', consoleLexer],
  ['json', json],
  ['json-doc', jsonDoc],
  ['diff', diff],
  ['yaml', yaml],
  ['javascript', javascript],
  ['typescript', typescript],
  ['jsx', jsx],
  ['powershell', powershell],
  ['nginx', nginx],
  ['conf', conf],
  ['cmake', cmake],
  ['http', http],
  ['protobuf', protobuf],
  ['tsx', tsx],
  ['html', html],
  ['xml', xml],
  ['css', css],
  ['scss', scss],
  ['liquid', liquid],
  ['sass', sass],
  ['markdown', markdown],
  ['make', make],
  ['tex', tex],
  ['bibtex', bibtex],
  ['c', c],
  ['cpp', cpp],
  ['cuda', cuda],
  ['glsl', glsl],
  ['csharp', csharp],
  ['sql', sql],
  ['ruby', ruby],
  ['r', r],
  ['matlab', matlab],
  ['stata', stata],
  ['fortran', fortran],
  ['coq', coq],
  ['erlang', erlang],
  ['ocaml', ocaml],
  ['prolog', prolog],
  ['scheme', scheme],
  ['sml', sml],
  ['lean', lean],
  ['lua', lua],
  ['viml', viml],
  ['vhdl', vhdl],
  ['verilog', verilog],
  ['stan', stan],
  ['praat', praat],
  ['sas', sas],
  ['clojure', clojure],
  ['mathematica', mathematica],
  ['julia', julia],
  ['java', java],
  ['kotlin', kotlin],
  ['swift', swift],
  ['php', php],
  ['objective_c', objectiveC],
  ['objective_cpp', objectiveCpp],
  ['dart', dart],
  ['elixir', elixir],
  ['coffeescript', coffeescript],
  ['groovy', groovy],
  ['erb', erb],
  ['eex', eex],
  ['smarty', smarty],
  ['slim', slim],
  ['apache', apache],
  ['batchfile', batchfile],
  ['handlebars', handlebars],
  ['properties', properties],
  ['go', go],
  ['rust', rust],
  ['haskell', haskell],
  ['scala', scala],
  ['ini', ini],
  ['toml', toml],
  ['docker', docker],
  ['dot', dot],
  ['cython', cython],
  ['perl', perl],
  ['gdscript', gdscript],
  ['awk', awk],
  ['tcl', tcl],
  ['fsharp', fsharp],
  ['vb', vb],
  ['haml', haml],
  ['jinja', jinja],
  ['twig', twig],
  ['hcl', hcl],
  ['terraform', terraform],
  ['graphql', graphql],
  ['solidity', solidity],
  ['nix', nix],
  ['zig', zig],
  ['nim', nim],
  ['elm', elm],
  ['crystal', crystal],
  ['d', d],
  ['llvm', llvm],
  ['gradle', gradle],
  ['vue', vue],
  ['gherkin', gherkin],
  ['irb', irb],
  ['irb_output', irbOutput],
  ['racket', racket],
  ['common_lisp', commonLisp],
  ['pascal', pascal],
  ['nasm', nasm],
  ['armasm', armasm],
  ['sparql', sparql],
  ['turtle', turtle],
  ['sed', sed],
  ['systemd', systemd],
  ['ssh', ssh],
  ['plist', plist],
  ['jsonnet', jsonnet],
  ['hlsl', hlsl],
  ['meson', meson],
  ['literate_haskell', literateHaskell],
  ['idris', idris],
  ['reasonml', reasonml],
  ['rescript', rescript],
  ['q', q],
  ['janet', janet],
  ['applescript', applescript],
  ['smalltalk', smalltalk],
  ['ada', ada],
  ['vala', vala],
  ['puppet', puppet],
  ['prometheus', prometheus],
  ['moonscript', moonscript],
  ['cypher', cypher],
  ['tap', tap],
  ['email', email],
  ['hocon', hocon],
  ['plsql', plsql],
  ['qml', qml],
  ['jsp', jsp],
  ['actionscript', actionscript],
  ['haxe', haxe],
  ['livescript', livescript],
  ['xpath', xpath],
  ['xquery', xquery],
  ['robot_framework', robotFramework],
  ['isabelle', isabelle],
  ['dafny', dafny],
  ['minizinc', minizinc],
  ['hylang', hylang],
  ['rego', rego],
  ['postscript', postscript],
  ['brainfuck', brainfuck],
  ['literate_coffeescript', literateCoffeescript],
  ['digdag', digdag],
  ['hql', hql],
  ['freefem', freefem],
  ['idlang', idlang],
  ['epp', epp],
  ['bpf', bpf],
  ['ghc-core', ghcCore],
  ['ghc-cmm', ghcCmm],
  ['wollok', wollok],
  ['pony', pony],
  ['eiffel', eiffel],
  ['lustre', lustre],
  ['lutin', lutin],
  ['io', io],
  ['supercollider', supercollider],
  ['csvs', csvs],
  ['j', j],
  ['syzlang', syzlang],
  ['syzprog', syzprog],
  ['ocl', ocl],
  ['hack', hack],
  ['mosel', mosel],
  ['igorpro', igorpro],
  ['vcl', varnish],
  ['yang', yang],
  ['m68k', m68k],
  ['clean', clean],
  ['factor', factor],
  ['slice', slice],
  ['sieve', sieve],
  ['ceylon', ceylon],
  ['nial', nial],
  ['apiblueprint', apiblueprint],
  ['datastudio', datastudio],
  ['bsl', bsl],
  ['ecl', ecl],
  ['isbl', isbl],
  ['opentype_feature_file', opentypeFeatureFile],
  ['brightscript', brightscript],
  ['bbcbasic', bbcbasic],
  ['tulip', tulip],
  ['biml', biml],
  ['nesasm', nesasm],
  ['jsl', jsl],
  ['msgtrans', msgtrans],
  ['cmhg', cmhg],
  ['openedge', openedge],
  ['escape', escape],
  ['magik', magik],
  ['sqf', sqf],
  ['xojo', xojo],
  ['fluent', fluent],
  ['ttcn3', ttcn3],
  ['cfscript', cfscript],
  ['augeas', augeas],
  ['mxml', mxml],
  ['mason', mason],
  ['lasso', lasso],
  ['abap', abap],
  ['velocity', velocity],
  ['apex', apex],
]);

/** The Rouge lexer tag for an exact Rouge name or alias (Rouge::Lexer.find), or undefined. */
export function rougeTag(name: string): string | undefined {
  return ROUGE_LEXERS.get(name);
}

/** The lexer for a Rouge tag: native, else plain text (right text, no classes). */
export function lexerForTag(tag: string): LexerDef {
  return NATIVE.get(tag) ?? plainLexer(tag, '');
}

sublexers.find = (lang) => {
  const tag = rougeTag(lang);
  return tag === undefined ? undefined : lexerForTag(tag);
};
