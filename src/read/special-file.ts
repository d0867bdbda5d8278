// Entries of the source that are neither files nor folders: a named pipe (FIFO), a socket, a
// device. Reading a named pipe waits for a writer, forever if none comes; Jekyll does just that
// (a `mkfifo pipe.md` in the source hangs `jekyll build`), and so did build-site. Git stores none
// of these, so a site only has one by accident or by design of an attacker: they are skipped with
// a warning, and a read that reaches one anyway (an include, a data file named by path) is an
// error, never a wait.
import fs from "node:fs";

/** What a special entry is, in words ("a named pipe"); null for a file, folder or symlink. */
export function specialKind(entry: fs.Dirent | fs.Stats): string | null {
  if (entry.isFIFO()) return "a named pipe";
  if (entry.isSocket()) return "a socket";
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return "a device";
  return null;
}

/** The warning for a special entry skipped by the reader. */
export function specialSkippedMessage(shown: string, kind: string): string {
  return `${shown} is ${kind}, not a file, and is skipped: reading it could wait forever (Jekyll waits). Remove it from the site, or exclude it.`;
}
