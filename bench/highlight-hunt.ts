// Hunts for inputs on which a lexer of src/render/highlight takes superlinear time.
//
//   node dist/bench/highlight-hunt.js [--lexers a,b] [--from TAG] [--size BYTES] [--limit MS] [--pairs]
//
// Progress goes to stderr, one line per lexer as it finishes (its place in the run, how many
// inputs, how long it took): a run over every lexer with --pairs takes long, and one stopped by a
// time limit still says how far it got and which lexer it was in. --from TAG starts the run at
// that lexer (in lexers/index.ts's order), to resume one; `--list` prints the lexers' tags in that order.
// Before lexing an input at full size (one the quarter-size screen found slow) it says which, so
// a run that never ends names the input it is stuck on.
//
// "Every loop and input has a bound": no Rouge lexer port may take quadratic time on any input.
// For each lexer this builds adversarial inputs from the characters its rules' regexes mention
// (and a letter, a digit, a space, a newline and a tab): a long run of each character, each
// character once followed by a long run of each other (an opener, then what it leaves open:
// `<?lasso ` then `(((…`), and with --pairs a long run of each two-character pair (`\"\"…`,
// `&;&;…`). Each input is first lexed at a quarter of the size, and only those that look slow
// there at full size: an input of `--size` (default 20,000) characters taking over `--limit`
// ms (default 200) is reported, with how long the quarter took — SUPERLINEAR where the full
// size took over 8 times as long (a linear lexer takes about four times as long on four times
// the input, a quadratic one sixteen), `slow` otherwise (a linear lexer with a high cost per
// character). Each repeated unit is reported once per lexer.
//
// Timing is by hand, never in tests, and in CPU time (process.cpuUsage): on a busy machine, still
// re-run what it reports before trusting it.
import { lex, type LexerDef } from '../src/render/highlight/engine.js';
import { allNativeLexers } from '../src/render/highlight/lexers/index.js';

/** Every native lexer, loaded (lexers/index.ts loads each on first use). */
const NATIVE = allNativeLexers();

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const size = Number(flag('--size') ?? 20000);
const limit = Number(flag('--limit') ?? 200);
const only = flag('--lexers')?.split(',');
const pairs = argv.includes('--pairs');
const from = flag('--from');

if (argv.includes('--list')) {
  console.log([...NATIVE.keys()].join('\n'));
  process.exit(0);
}

/** The printable ASCII characters other than letters and digits that `def`'s rules mention. */
function literalChars(def: LexerDef): Set<string> {
  const chars = new Set<string>(['a', 'Z', '1', ' ', '\n', '\t']);
  for (const rules of Object.values(def.states)) {
    for (const rule of rules) {
      // a LazyRule keeps its Ruby source; rules matched by code (stickyMatcher) have none
      const source = (rule as unknown as { source?: unknown }).source;
      if (typeof source !== 'string') continue;
      for (const c of source) if (c >= '!' && c <= '~' && !/[A-Za-z0-9]/.test(c)) chars.add(c);
    }
  }
  return chars;
}

/** A run of `unit` repeated to `length` characters, after `prefix`. */
const run = (prefix: string, unit: string, length: number) => prefix + unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** The process's CPU time (ms) lexing `text`: on a machine shared with other work, wall time
 * wanders by several times and flagged linear lexers as superlinear; CPU time mostly does not. */
function timeLex(def: LexerDef, text: string): number {
  const start = process.cpuUsage();
  try {
    lex(def, text);
  } catch {
    // a lexer raising as Rouge does (RougeRaise) is not a time bug
  }
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

let flagged = 0;
let tried = 0;
const selected = [...NATIVE].filter(([tag]) => !only || only.includes(tag));
const start = from ? selected.findIndex(([tag]) => tag === from) : 0;
if (start < 0) throw new Error(`--from ${from}: no such lexer among those selected`);
if (only) for (const tag of only) if (!NATIVE.has(tag)) throw new Error(`--lexers: no lexer ${tag}`);
const runStart = Date.now();
for (let n = start; n < selected.length; n++) {
  const [tag, def] = selected[n];
  const lexerStart = process.cpuUsage();
  const triedBefore = tried;
  process.stderr.write(`[${n + 1}/${selected.length}] ${tag} …`);
  const chars = [...literalChars(def)];
  const inputs: Array<[string, string]> = [];
  for (const c of chars) inputs.push(['', c]);
  for (const a of chars) for (const b of chars) if (a !== b) inputs.push([a, b]);
  if (pairs) for (const a of chars) for (const b of chars) if (a !== b) inputs.push(['', a + b]);
  lex(def, run('', 'a', 100)); // build the lexer's rules outside the timings
  // one report per repeated unit: its run after other openers is mostly the same slowness
  const reported = new Set<string>();
  for (const [prefix, unit] of inputs) {
    if (reported.has(unit)) continue;
    tried++;
    // the quarter-size screen: a lexer within the limit stays under limit / 16 there
    const quarter = timeLex(def, run(prefix, unit, size / 4));
    if (quarter < limit / 16) continue;
    // said before the full size is lexed: if it never ends (an exponential search), the last
    // progress line names the input
    process.stderr.write(`\n  full size: ${JSON.stringify(prefix)} + ${JSON.stringify(unit)} (quarter ${quarter.toFixed(0)} ms) …`);
    const full = timeLex(def, run(prefix, unit, size));
    if (full <= limit) continue;
    // four times the input: about four times the time if linear, sixteen if quadratic
    const ratio = full / quarter;
    flagged++;
    reported.add(unit);
    const kind = ratio > 8 ? 'SUPERLINEAR' : 'slow';
    console.log(`${kind}\t${tag}\t${JSON.stringify(prefix)} + ${JSON.stringify(unit)} x ${size}\t${full.toFixed(0)} ms (quarter ${quarter.toFixed(0)} ms)`);
  }
  const spent = process.cpuUsage(lexerStart);
  const cpu = ((spent.user + spent.system) / 1000).toFixed(0);
  const wall = ((Date.now() - runStart) / 1000).toFixed(0);
  process.stderr.write(` ${tried - triedBefore} inputs, ${cpu} ms of CPU (${wall} s into the run)\n`);
}
console.log(`${tried} inputs, ${flagged} over ${limit} ms at ${size} characters`);
