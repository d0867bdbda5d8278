import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { ChangeSet, mergeKinds } from "../../../src/serve/coalesce.js";

describe("mergeKinds", () => {
  const cases: Array<[Parameters<typeof mergeKinds>[0], Parameters<typeof mergeKinds>[1], ReturnType<typeof mergeKinds>]> = [
    ["add", "change", "add"],
    ["add", "unlink", null],
    ["unlink", "add", "change"],
    ["change", "change", "change"],
    ["change", "unlink", "unlink"],
    ["addDir", "unlinkDir", null],
    ["unlink", "unlink", "unlink"],
    ["unlink", "addDir", "addDir"],
  ];
  for (const [a, b, want] of cases) {
    test(`${a} then ${b} → ${want}`, () => assert.equal(mergeKinds(a, b), want));
  }
});

describe("ChangeSet", () => {
  test("folds per path and keeps first-seen order", () => {
    const set = new ChangeSet();
    set.add("/s/b.md", "change");
    set.add("/s/a.md", "unlink");
    set.add("/s/b.md", "change");
    set.add("/s/a.md", "add");
    set.add("/s/tmp", "add");
    set.add("/s/tmp", "unlink");
    assert.deepEqual(set.take(), [
      { path: "/s/b.md", kind: "change" },
      { path: "/s/a.md", kind: "change" },
    ]);
    assert.equal(set.size, 0);
    assert.deepEqual(set.take(), []);
  });

  test("onlyChanges: true while every pending path was only written in place", () => {
    const set = new ChangeSet();
    assert.equal(set.onlyChanges(), true);
    set.add("/s/a.md", "change");
    assert.equal(set.onlyChanges(), true);
    set.add("/s/b.md", "add");
    assert.equal(set.onlyChanges(), false);
    set.add("/s/b.md", "unlink"); // cancelled out
    assert.equal(set.onlyChanges(), true);
    set.add("/s/a.md", "unlink");
    assert.equal(set.onlyChanges(), false);
  });
});
