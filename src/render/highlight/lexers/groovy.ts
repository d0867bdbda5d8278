/**
 * Groovy (tag `groovy`: Jenkinsfiles, Gradle scripts), as Rouge 3.30 lexes it
 * (lib/rouge/lexers/groovy.rb): a line that looks like a method head (`def name(`) has its
 * leading words lexed again and the name `nf`; keywords `k`, declaration words `kd`, `def` and
 * primitive types `kt`, `true false null` `kc`; `class`/`interface`/`trait` names `nc`;
 * `package`/`import` `kn` with the path `nn`; `@Annotation` `nd`; `.member` `o na`; `label:` `nl`;
 * strings `s2`/`s1` (one line, or triple-quoted), `$/…/$` and `/…/` slashy strings `s`; every
 * other operator or bracket `o`; comments `c1`/`cm`.
 * Rouge quirks kept: the method-head words are lexed by a clone of the lexer that shares its
 * state stack (Rouge's `delegate self.clone`), so a `class` among them leaves the lexer in the
 * class state; and `a / b / c` is read as a slashy string `/ b /`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { anyChar, dot, escape, escapedDot, loopRe, loopRule } from './loop-match.js';
import { isAsciiWordChar, methodHeadRule } from './method-head.js';

/** W = \w[\w.\[\]]*, I = \w\w* (Ruby's `\w` is ASCII) */
const GROOVY_METHOD_HEAD = {
  wordStart: isAsciiWordChar,
  wordChar: (c: number) => isAsciiWordChar(c) || c === 46 || c === 91 || c === 93,
  nameStart: isAsciiWordChar,
  nameChar: isAsciiWordChar,
  bol: true,
};

/**
 * Rouge's lazy `Q(\\.|\\\n|.)*?Q` strings and slashy strings, whose overlapping branches backtrack
 * exponentially on an unclosed quote before a run of backslashes: matched by loop-match.ts's
 * memoised search, which finds Onigmo's match in linear time.
 */
const lazyQuote = (q: string) =>
  loopRe(new RegExp(q === '/' ? '\\/' : q, 'y'), () => [{ lazy: true, branches: [escapedDot, escape('\n'), dot], close: q }], /(?:)/y);
/** Rouge's dollar-slashy string `\$\/(\$.|.)*?\/\$` (under `/m`), likewise. */
const dollarEscape = (text: string, i: number) => {
  const next = text[i] === '$' ? anyChar(text, i + 1) : -1;
  return next < 0 ? -1 : 1 + next;
};
const dollarSlashy = loopRe(/\$\//y, () => [{ lazy: true, branches: [dollarEscape, anyChar], close: '/$' }], /(?:)/y);

const KEYWORDS = new Set(`assert break case catch continue default do else finally for
  if goto instanceof new return switch this throw try while in as`.split(/\s+/));
const DECLARATIONS = new Set(`abstract const enum extends final implements native private
  protected public static strictfp super synchronized throws
  transient volatile`.split(/\s+/));
const TYPES = new Set('def boolean byte char double float int long short void'.split(' '));
const CONSTANTS = new Set(['true', 'false', 'null']);

/** Rouge's `Gradle < Groovy` adds build-script words to `keywords` and `types`. */
const GRADLE_KEYWORDS = `allprojects artifacts buildscript configuration dependencies
  repositories sourceSets subprojects publishing`.split(/\s+/);
const GRADLE_TYPES = `Project Task Gradle Settings Script JavaToolChain SourceSet
  SourceSetOutput IncrementalTaskInputs Configuration
  ResolutionStrategy ArtifactResolutionQuery ComponentSelection
  ComponentSelectionRules ConventionProperty ExtensionAware
  ExtraPropertiesExtension PublishingExtension IvyPublication
  IvyArtifact IvyArtifactSet IvyModuleDescriptorSpec
  MavenPublication MavenArtifact MavenArtifactSet MavenPom
  PluginDependenciesSpec PluginDependencySpec ResourceHandler
  TextResourceFactory`.split(/\s+/);

const groovyLike = (name: string, keywords: Set<string>, types: Set<string>): LexerDef => lazyLexer(name, () => ({
  states: {
    root: [
      // Rouge's /^(\s*(?:\w[\w.\[\]]*\s+)+?)(\w\w*)(\s*)(\()/, linear
      methodHeadRule(GROOVY_METHOD_HEAD, (run, m) => {
        // `delegate self.clone, m[1]`: the clone shares this lexer's state stack
        for (const [t, v] of run.continueLex(m[1])) run.token(t, v);
        run.token('nf', m[2]);
        run.token('', m[3]);
        run.token('o', m[4]);
      }),
      rule(/[ \t\v\f\r]+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      rule(/\/[*].*?[*]\//s, 'cm'),
      rule(/@\w[\w.]*/, 'nd'),
      rule(/(class|interface|trait)\b/, 'kd', 'class'),
      rule(/package\b/, 'kn', 'import'),
      rule(/import\b/, 'kn', 'import'),
      rule(/""".*?"""/s, 's2'),
      rule(/'''.*?'''/s, 's1'),
      loopRule(lazyQuote('"'), (run) => run.token('s2')),
      loopRule(lazyQuote("'"), (run) => run.token('s1')),
      loopRule(dollarSlashy, (run) => run.token('s')),
      loopRule(lazyQuote('/'), (run) => run.token('s')),
      rule(/'\\.'|'[^\\]'|'\\u[0-9a-f]{4}'/, 'sc'),
      rule(/(\.)([a-zA-Z_][a-zA-Z0-9_]*)/, ['o', 'na']),
      rule(/[a-zA-Z_][a-zA-Z0-9_]*:/, 'nl'),
      rule(/[a-zA-Z_$][a-zA-Z0-9_]*/, (run, m) => {
        const w = m[0];
        if (keywords.has(w)) run.token('k');
        else if (DECLARATIONS.has(w)) run.token('kd');
        else if (types.has(w)) run.token('kt');
        else if (CONSTANTS.has(w)) run.token('kc');
        else run.token('n');
      }),
      rule(/[~^*!%&\[\](){}<>|+=:;,.\/?-]/, 'o'),
      rule(/\d+\.\d+([eE]\d+)?[fd]?/, 'mf'),
      rule(/0x[0-9a-f]+/, 'mh'),
      rule(/[0-9]+L?/, 'mi'),
      rule(/\n/, ''),
    ],
    class: [rule(/\s+/, ''), rule(/\w\w*/, 'nc', '#pop')],
    import: [rule(/\s+/, ''), rule(/[\w.]+[*]?/, 'nn', '#pop')],
  },
}));

export const groovy: LexerDef = groovyLike('groovy', KEYWORDS, TYPES);
/** Gradle build scripts (tag `gradle`): Rouge's `Gradle < Groovy`, Groovy with more keywords and types. */
export const gradle: LexerDef = groovyLike('gradle', new Set([...KEYWORDS, ...GRADLE_KEYWORDS]), new Set([...TYPES, ...GRADLE_TYPES]));
