/**
 * OpenType feature files (tags `opentype_feature_file`, `fea`, `opentype`, `opentypefeature`), as
 * Rouge 3.30 lexes them (lexers/opentype_feature_file.rb): keywords `k` (as written), the tag
 * after `feature`, `lookup`, `table`, `anon` and after a `}` `nf`, `@classes` `nc`, other names
 * `n`, `include(path)` `k p s p`, strings `s`, `\123` and `0x1F` `mh`, numbers `mi`, `#` comments
 * `c`, punctuation `p`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

const KEYWORDS = new Set(`Ascender Attach AxisValue CapHeight CaretOffset CodePageRange DesignAxis Descender
  ElidedFallbackName ElidedFallbackNameID ElidableAxisValueName FeatUILabelNameID FeatUITooltipTextNameID
  FontRevision FSType GlyphClassDef HorizAxis.BaseScriptList HorizAxis.BaseTagList HorizAxis.MinMax
  IgnoreBaseGlyphs IgnoreLigatures IgnoreMarks LigatureCaretByDev LigatureCaretByIndex LigatureCaretByPos
  LineGap MarkAttachClass MarkAttachmentType NULL OlderSiblingFontAttribute Panose ParamUILabelNameID
  RightToLeft SampleTextNameID TypoAscender TypoDescender TypoLineGap UnicodeRange UseMarkFilteringSet
  Vendor VertAdvanceY VertAxis.BaseScriptList VertAxis.BaseTagList VertAxis.MinMax VertOriginY
  VertTypoAscender VertTypoDescender VertTypoLineGap WeightClass WidthClass XHeight anchorDef anchor
  anonymous anon by contour cursive device enumerate enum exclude_dflt featureNames feature flag from
  ignore include_dflt include languagesystem language location lookupflag lookup markClass mark nameid
  name parameters position pos required reversesub rsub script sizemenuname substitute subtable sub
  table useExtension valueRecordDef winAscent winDescent`.split(/\s+/));

/** Rouge's `/[a-z_][a-z0-9\/_.-]*\/i`: letters in both cases, with U+017F ſ and U+212A K. */
const IDENTIFIER = '[a-zA-Z_\\u017F\\u212A][a-zA-Z0-9\\/_.\\u017F\\u212A-]*';

export const opentypeFeatureFile: LexerDef = lazyLexer('opentype_feature_file', () => ({
  states: {
    root: [
      rule(/\s+/, 'w'),
      rule(/#.*$/, 'c'),
      rule(/(anonymous|anon|feature|lookup|table)((?:\s)+)/, ['k', ''], 'featurename'),
      rule(/(\})((?:\s))/, ['p', ''], 'featurename'),
      rule(/include\b/i, 'k', 'includepath'),
      rule(/[\-\[\]\/(){},.:;=%*<>']/, 'p'),
      rule(/`/, 'sb'),
      rule(/"/, 's', 'strings'),
      rule(/\\[^.*\s]+/, 'se'),
      rule(`@${IDENTIFIER}`, 'nc'),
      // Rouge's rule starts with (?<!\.): under StringScanner it sees no text before the scan
      // position, so it always holds (property names after a `.` are names or keywords too)
      rule(IDENTIFIER, (run, m) => run.token(KEYWORDS.has(m[0]) ? 'k' : 'n')),
      rule(/(?:0x|\\)[0-9A-Fa-f]+/, 'mh'),
      rule(/-?\d+/, 'mi'),
    ],
    featurename: [rule(IDENTIFIER, 'nf', '#pop')],
    includepath: [rule(/\s+/, 'w'), rule(/\)/, 'p', '#pop'), rule(/\(/, 'p'), rule(/[^\s()]+/, 's')],
    strings: [rule(/"/, 's', '#pop'), rule(/[^"%\n]+/, 's')],
  },
}));
