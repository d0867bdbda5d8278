/**
 * A regex with Unicode property classes (`\p{L}` and the like), made at its first use from its
 * source string instead of at module load. V8 parses such a pattern when it is made, expanding each
 * property into its ranges (~1.6 M instructions for a tag-name class, more for `\p{Cn}`): a
 * literal at a module's top level costs every build that loads the module that, used or not
 * (bench/PROFILE.md, "speed4"). A string, not a literal in a closure: V8's parser checks a regex
 * literal again whenever it compiles the function holding it, which a string never is.
 */
export function lazyRegExp(source: string, flags: string): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= new RegExp(source, flags));
}
