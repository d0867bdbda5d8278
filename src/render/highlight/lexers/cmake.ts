/**
 * CMake (tag `cmake`), as Rouge 3.30 lexes it: a command before `(` is `nb` when CMake defines it,
 * else `nf`; `${…}` `si` around a variable name `nv` (nested references too); quoted arguments
 * `s2` with escapes `se`; bracket arguments `[=[…]=]` `s2` and bracket comments `#[[…]]` `cm`, closed
 * only by a bracket of the same length; `#` comments `c1`. Any other character takes the class of
 * the state it is read in (Rouge's STATES_MAP): plain in the root, `s2` in strings, `cm` in
 * comments, `nv` in a variable reference. A quote inside a quoted argument pushes the root state
 * (Rouge's `:root` as the rule's next state), as in Rouge.
 */
import { type LexerDef, type LexRun, mixin, rule, lazyLexer } from '../engine.js';
import { onlyWhereRunSpacedThen } from './loop-match.js';

const BUILTIN_COMMANDS = new Set(`
  add_compile_definitions add_compile_options add_custom_command add_custom_target add_definitions
  add_dependencies add_executable add_library add_link_options add_subdirectory add_test
  aux_source_directory break build_command build_name cmake_host_system_information cmake_language
  cmake_minimum_required cmake_parse_arguments cmake_policy configure_file create_test_sourcelist
  define_property else elseif enable_language enable_testing endforeach endfunction endif endmacro
  endwhile exec_program execute_process export export_library_dependencies file find_file
  find_library find_package find_path find_program fltk_wrap_ui foreach function
  get_cmake_property get_directory_property get_filename_component get_property
  get_source_file_property get_target_property get_test_property if include include_directories
  include_external_msproject include_guard include_regular_expression install install_files
  install_programs install_targets link_directories link_libraries list load_cache load_command
  macro make_directory mark_as_advanced math message option output_required_files project
  qt_wrap_cpp qt_wrap_ui remove remove_definitions return separate_arguments set
  set_directory_properties set_property set_source_files_properties set_target_properties
  set_tests_properties site_name source_group string subdir_depends subdirs
  target_compile_definitions target_compile_features target_compile_options
  target_include_directories target_link_directories target_link_libraries target_link_options
  target_precompile_headers target_sources try_compile try_run unset use_mangled_mesa
  utility_source variable_requires variable_watch while write_file
`.split(/\s+/).filter(Boolean));

const STATE_TOKEN: Record<string, string> = {
  root: '',
  bracket_string: 's2',
  quoted_argument: 's2',
  bracket_comment: 'cm',
  variable_reference: 'nv',
};

const stateToken = (run: LexRun) => run.token(STATE_TOKEN[run.stateName] ?? '');

const isNameChar = (c: number) => c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export const cmake: LexerDef = lazyLexer('cmake', () => ({
  states: {
    default: [rule(/\r\n?|\n/, stateToken), rule(/./, stateToken)],
    variable_interpolation: [rule(/\$\{/, 'si', 'variable_reference')],
    bracket_close: [
      rule(/\]=*\]/, (run, m) => {
        stateToken(run);
        if (m[0].length === run.data.bracketLen) run.goto('root');
      }),
    ],
    root: [
      mixin('variable_interpolation'),
      rule(/[ \t]/, ''),
      rule(/[()]/, 'p'),
      rule(/#\[=*\[/, (run, m) => {
        run.token('cm');
        run.data.bracketLen = m[0].length - 1;
        run.goto('bracket_comment');
      }),
      rule(/\[=*\[/, (run, m) => {
        run.token('s2');
        run.data.bracketLen = m[0].length;
        run.goto('bracket_string');
      }),
      rule(/\\"/, ''),
      rule(/"/, 's2', 'quoted_argument'),
      // tried only where the run of name characters is followed by `[ \t]*(` (neither greedy run
      // can stop early), remembered per run: otherwise each letter of a long name with no `(`
      // after it would scan the rest of it (quadratic)
      onlyWhereRunSpacedThen(isNameChar, (c) => c === 32 || c === 9, 40 /* ( */, rule(/([A-Za-z_][A-Za-z0-9_]*)([ \t]*)(\()/, (run, m) => {
        run.groups(BUILTIN_COMMANDS.has(m[1]) ? 'nb' : 'nf', '', 'p');
      })),
      rule(/#.*/, 'c1'),
      mixin('default'),
    ],
    bracket_string: [mixin('bracket_close'), mixin('variable_interpolation'), mixin('default')],
    bracket_comment: [mixin('bracket_close'), mixin('default')],
    variable_reference: [mixin('variable_interpolation'), rule(/[}]/, 'si', '#pop'), mixin('default')],
    quoted_argument: [
      mixin('variable_interpolation'),
      rule(/"/, 's2', 'root'),
      rule(/\\[()#" \\$@^trn;]/, 'se'),
      mixin('default'),
    ],
  },
}));
