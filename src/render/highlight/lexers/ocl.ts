/**
 * OCL, the OMG Object Constraint Language (tag `ocl`, alias `OCL`), as Rouge 3.30 lexes it
 * (lexers/ocl.rb): words looked up in order — `or xor and not implies` `o`, types (`Boolean`,
 * `Set`, `OclVoid`…) `kd`, keywords (`context inv pre post let`…) `k`, `self null result true
 * false invalid` `nb`, collection and library operations (`select forAll size`…) `nf`, other
 * names `n`; integers `mi`, `'…'` `s1` with escapes `se`, `--` comments `c1`, operators `o`,
 * punctuation `p`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

const set = (s: string) => new Set(s.trim().split(/\s+/));
const KEYWORDS = set(`context pre post inv init body def derive if then else endif import package
  endpackage let in`);
const KEYWORDS_TYPE = set(`Boolean Integer UnlimitedNatural Real String OrderedSet Tuple Bag Set
  Sequence OclInvalid OclVoid TupleType OclState Collection OclMessage`);
const BUILTINS = set('self null result true false invalid @pre');
const OPERATORS = set('or xor and not implies');
const FUNCTIONS = set(`oclAsSet oclIsNew oclIsUndefined oclIsInvalid oclAsType oclIsTypeOf
  oclIsKindOf oclInState oclType oclLocale hasReturned result isSignalSent isOperationCallabs floor
  round max min toString div mod size substring concat toInteger toReal toUpperCase toLowerCase
  indexOf equalsIgnoreCase at characters toBoolean includes excludes count includesAll excludesAll
  isEmpty notEmpty sum product selectByKind selectByType asBag asSequence asOrderedSet asSet flatten
  union intersection including excluding symmetricDifferencecount append prepend insertAt
  subOrderedSet first last reverse subSequence any closure collect collectNested exists forAll
  isUnique iterate one reject select sortedBy allInstances average conformsTo`);

export const ocl: LexerDef = lazyLexer('ocl', () => ({
  states: {
    single_string: [rule(/\\./, 'se'), rule(/'/, 's1', '#pop'), rule(/[^\\']+/, 's1')],
    root: [
      rule(/\s+/, ''),
      rule(/--.*/, 'c1'),
      rule(/\d+/, 'mi'),
      rule(/'/, 's1', 'single_string'),
      rule(/[->|+*\/<>=~!@#%&|?^-]/, 'o'),
      rule(/[;:()\[\],.]/, 'p'),
      rule(/\w[\w\d]*/, (run, m) => {
        const w = m[0];
        if (OPERATORS.has(w)) run.token('o');
        else if (KEYWORDS_TYPE.has(w)) run.token('kd');
        else if (KEYWORDS.has(w)) run.token('k');
        else if (BUILTINS.has(w)) run.token('nb');
        else if (FUNCTIONS.has(w)) run.token('nf');
        else run.token('n');
      }),
    ],
  },
}));
