// What keeps a walk of the source through symlinks finite. Symlinks that stay inside the site
// are followed, as in Jekyll, so two hazards need a guard:
// - a loop (`a -> .`, `_data/loop -> ..`): a link back to a folder being walked is not followed,
//   so each folder is walked once along a path (Jekyll's reader recurses until the path is too
//   long, and its data reader fails with Errno::ELOOP);
// - a chain that doubles (`d0/x -> ../d1`, `d0/y -> ../d1`, `d1/x -> ../d2`, …): no loop, but
//   2^n paths to the last folder; Jekyll walks them all, for as long as that takes. Links may
//   lead into one real folder at most `build_site.limits.linked_folder_visits` times per walk
//   (100 by default); past that the build stops, naming the link and the setting. A site that
//   really links one folder from more places (a hundred versions of its docs, each with
//   `assets -> ../shared/assets`) raises the setting.
import fs from "node:fs";
import { BuildError } from "../errors.js";
import { DEFAULT_LIMITS, raiseHint } from "../config/limits.js";

export class LoopGuard {
  private readonly stack: string[];
  private readonly visits = new Map<string, number>();

  /** `shown` names a path in the error (relative to the site); `maxVisits` is the site's linked_folder_visits. */
  constructor(root: string, private readonly shown: (abs: string) => string = (p) => p, private readonly maxVisits = DEFAULT_LIMITS.linkedFolderVisits) {
    let real = root;
    try {
      real = fs.realpathSync(root);
    } catch {
      // walked as given
    }
    this.stack = [real];
  }

  /**
   * Whether to walk into the folder `abs` (named `name` in its parent; `isLink` when the entry is
   * a symlink); when true, call leave() after it. Plain folders cost no system call.
   */
  enter(abs: string, name: string, isLink: boolean): boolean {
    const parent = this.stack[this.stack.length - 1]!;
    let real = `${parent}/${name}`;
    if (isLink) {
      try {
        real = fs.realpathSync(abs);
      } catch {
        return false;
      }
      if (this.stack.some((d) => d === real || parent.startsWith(`${real}/`))) return false;
      const n = (this.visits.get(real) ?? 0) + 1;
      this.visits.set(real, n);
      if (n > this.maxVisits) {
        throw new BuildError(`${this.shown(abs)} leads to ${real}, a folder symlinks have led into ${this.maxVisits} times already: build-site stops rather than walk it under ever more names`, {
          file: this.shown(abs),
          hint: "Symlinks that lead to the same folder from every level (each folder linking twice to the next) make the number of paths double at each level: replace the links with one link, or with the files. " +
            raiseHint("linked_folder_visits", String(this.maxVisits)),
        });
      }
    }
    this.stack.push(real);
    return true;
  }

  leave(): void {
    this.stack.pop();
  }
}
