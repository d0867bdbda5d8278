/**
 * Meson build files (tag `meson`; `meson.build`, `meson_options.txt`), as Rouge 3.30 lexes them
 * (lexers/meson.rb): `#` comments `c1`, punctuation `p`, `in and or not` `ow`, operators `o`,
 * `'…'` and `'''…'''` strings `s` (an `f` prefix `sa`) with escapes `se` and, in f-strings,
 * `@var@` interpolations `si` lexed by a fresh Meson lexer; a name before `(` is a builtin
 * function `nb` or `n`; other names: `meson`/`host_machine`… `nb`, keywords `k`, else `n`;
 * numbers `mb`/`mo`/`mh`/`mi`.
 * Rouge quirks kept: its `(?<!\.)` lookbehinds see nothing before the scan position, so
 * `foo.files(` is `nb` too; a name followed by `:` (a keyword argument) is matched one character
 * shorter by backtracking, so `if:` is `k` then `n`; a backslash before anything but a known
 * escape leaves the string in an escape state where every character is `err` up to the next
 * backslash and the character after it.
 * For C/C++ build posts (GNOME, systemd, GStreamer projects).
 */
import { type LexerDef, type LexRun, lazyLexer, rule } from '../engine.js';

const KEYWORDS = new Set('continue break elif else endif if true false foreach endforeach'.split(' '));
const BUILTIN_VARIABLES = new Set(['meson', 'host_machine', 'build_machine', 'target_machine']);
const BUILTIN_FUNCTIONS = new Set(
  `add_global_arguments add_project_arguments add_global_link_arguments add_project_link_arguments
  add_test_setup add_languages alias_target assert benchmark both_libraries build_target
  configuration_data configure_file custom_target declare_dependency dependency disabler environment
  error executable generator gettext get_option get_variable files find_library find_program
  include_directories import install_data install_headers install_man install_subdir is_disabler
  is_variable jar join_paths library message option project run_target run_command set_variable subdir
  subdir_done subproject summary shared_library shared_module static_library test vcs_tag warning`.split(/\s+/),
);

// Onigmo's [[:alpha:]] / [[:alnum:]] on UTF-8 text (as python.ts)
const ID = String.raw`[\p{Alphabetic}_][\p{Alphabetic}\p{Nd}_]*`;

interface StrFrame {
  type: string;
  delim: string;
}
/** Rouge's StringRegister: one frame per string opened and not yet closed. */
const strings = (run: LexRun): StrFrame[] => (run.data.strings ??= []);
const top = (run: LexRun): StrFrame | undefined => strings(run)[strings(run).length - 1];

export const meson: LexerDef = lazyLexer('meson', () => ({
  states: {
    root: [
      rule(/\n+/, ''),
      rule(/[ \t\v\f\r]+/, ''),
      rule(/#(.*)?\n?/, 'c1'),
      rule(/[[\]{}:(),;.]/, 'p'),
      rule(/\\\n/, ''),
      rule(/\\/, ''),
      rule(/(in|and|or|not)\b/, 'ow'),
      rule(/[-+/*%=<>]=?|!=/, 'o'),
      rule(/([f]?)('''|['])/i, (run, m) => {
        run.groups('sa', 's');
        strings(run).push({ type: m[1].toLowerCase(), delim: m[2] });
        run.push('generic_string');
      }),
      rule(String.raw`(?<!\.)${ID}\b\s*(?=\()`, (run, m) => run.token(BUILTIN_FUNCTIONS.has(m[0]) ? 'nb' : 'n')),
      rule(String.raw`(?<!\.)${ID}(?!\s*?:)`, (run, m) =>
        run.token(BUILTIN_VARIABLES.has(m[0]) ? 'nb' : KEYWORDS.has(m[0]) ? 'k' : 'n'),
      ),
      rule(ID, 'n'),
      rule(/0b(_?[0-1])+/i, 'mb'),
      rule(/0o(_?[0-7])+/i, 'mo'),
      rule(/0x(_?[a-f0-9])+/i, 'mh'),
      rule(/([1-9](_?[0-9])*|0(_?0)*)/, 'mi'),
    ],
    generic_string: [
      rule(/[^'\\@]+/, 's'),
      rule(/'''|[']/, (run, m) => {
        run.token('s');
        if (top(run)?.delim === m[0]) {
          strings(run).pop();
          run.pop();
        }
      }),
      rule(/(?=\\)/, 's', 'generic_escape'),
      rule(/@/, (run) => {
        if (top(run)?.type.includes('f')) {
          run.token('si');
          run.push('generic_interpol');
        } else run.token('s');
      }),
    ],
    generic_escape: [
      rule(/\\([\\abfnrtv']|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})/, 'se', '#pop'),
      rule(/\\./, 's', '#pop'),
    ],
    generic_interpol: [rule(/[^@]+/, (run, m) => run.recurse(m[0])), rule(/@/, 'si', '#pop')],
  },
}));
