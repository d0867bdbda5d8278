// Folds a stream of file-system events into the net change per path, so that one editor save
// (which can be unlink + add, or add + change × n) reaches the build as one change.

export type ChangeKind = "add" | "change" | "unlink" | "addDir" | "unlinkDir";

export interface SourceChange {
  /** Absolute path. */
  path: string;
  kind: ChangeKind;
}

/**
 * The net effect of `earlier` followed by `later` on one path; null when they cancel out
 * (a file created and removed within one batch — editor temp files, atomic-write temp names).
 */
export function mergeKinds(earlier: ChangeKind, later: ChangeKind): ChangeKind | null {
  switch (`${earlier}+${later}`) {
    case "add+change":
    case "add+add":
      return "add"; // still new to the build
    case "add+unlink":
    case "addDir+unlinkDir":
      return null;
    case "unlink+add":
    case "unlink+change":
    case "change+add":
      return "change"; // replaced by rename: the "save via rename" pattern
    case "change+change":
      return "change";
    case "change+unlink":
      return "unlink";
    default:
      // Same-kind repeats, and a file turning into a directory or back: the latest state wins.
      return later;
  }
}

/** Accumulates events; `take()` hands out the batch in first-seen order and starts a new one. */
export class ChangeSet {
  private readonly byPath = new Map<string, ChangeKind>();

  add(path: string, kind: ChangeKind): void {
    const earlier = this.byPath.get(path);
    if (earlier === undefined) {
      this.byPath.set(path, kind);
      return;
    }
    const merged = mergeKinds(earlier, kind);
    if (merged === null) this.byPath.delete(path);
    else this.byPath.set(path, merged);
  }

  get size(): number {
    return this.byPath.size;
  }

  /** Whether every pending change is a file's content written in place ("change"). */
  onlyChanges(): boolean {
    for (const kind of this.byPath.values()) if (kind !== "change") return false;
    return true;
  }

  /** The pending paths. */
  paths(): IterableIterator<string> {
    return this.byPath.keys();
  }

  take(): SourceChange[] {
    const changes = [...this.byPath].map(([path, kind]) => ({ path, kind }));
    this.byPath.clear();
    return changes;
  }
}
