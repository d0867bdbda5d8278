// Outputs of earlier runs are moved aside during the cold builds and deleted after the last one.
// On ext4 without a journal (the disk of the sandbox these figures come from: no jbd2 task), the
// inode allocator passes over every inode freed in the last ~30 s (`recently_deleted` in
// fs/ext4/ialloc.c, checked only when there is no journal), one buffer lookup each. Deleting the
// previous run's 2,000 files and folders just before a 1,000-post build made each of its file
// and folder creations walk past them: build-site's writer thread fell 100-200 ms behind (0.96 and
// 0.86 s against 0.75 and 0.77 s with the deletion 40 s old; bench/PROFILE.md, fourth session).
// A CI runner's fresh disk, or any journalled file system, has nothing of the kind, so a build
// is measured with no deletion of its size just before it.
import fs from "node:fs";
import path from "node:path";

/** Seconds after which freed inodes no longer slow file creation (the ~30 s above, with a margin). */
export const FREED_INODES_SETTLE_S = 35;

/** Blocks until inodes freed just now no longer slow the builds that follow (see above). */
export function waitForFreedInodes(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, FREED_INODES_SETTLE_S * 1000);
}

export class Trash {
  private count = 0;

  constructor(readonly dir: string) {}

  /** Moves `target` into the trash folder when it exists; deletes it when it cannot be moved. */
  stash(target: string): void {
    if (!fs.existsSync(target)) return;
    fs.mkdirSync(this.dir, { recursive: true });
    let into = path.join(this.dir, String(this.count++));
    while (fs.existsSync(into)) into = path.join(this.dir, String(this.count++));
    try {
      fs.renameSync(target, into);
    } catch {
      // Another file system (EXDEV) or no permission to move it: deleting is what was done before.
      fs.rmSync(target, { recursive: true, force: true });
    }
  }

  /** Deletes everything stashed. */
  empty(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
