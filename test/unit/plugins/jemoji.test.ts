// jemoji: html-pipeline's EmojiFilter + Nokogiri on the same inputs (golden/jemoji.json; see the
// generator for the stand-in gemoji data), the image file names gemoji gives, and the image root.
import { test } from "node:test";
import assert from "node:assert/strict";
import { emojiSource, emojify, imageFilename } from "../../../src/plugins/jemoji.js";
import { golden } from "./golden.js";

interface Case { input: string; src: string; expected: string }

for (const c of golden<Case[]>("jemoji.json")) {
  test(`emojify ${JSON.stringify(c.input).slice(0, 70)}`, () => {
    assert.equal(emojify(c.input, c.src), c.expected);
  });
}

test("image file names: hex code points, no variation selector or joiner after a code point", () => {
  assert.equal(imageFilename("😄"), "unicode/1f604.png");
  assert.equal(imageFilename("❤️"), "unicode/2764.png");
  assert.equal(imageFilename("#️⃣"), "unicode/0023-20e3.png");
  assert.equal(imageFilename("👨‍💻"), "unicode/1f468-1f4bb.png");
});

test("image root: emoji.src, else ASSET_HOST_URL + /images/icons/, else GitHub's", () => {
  const saved = process.env.ASSET_HOST_URL;
  try {
    delete process.env.ASSET_HOST_URL;
    assert.equal(emojiSource({}), "https://github.githubassets.com/images/icons/");
    assert.equal(emojiSource({ emoji: { src: "/img/" } }), "/img/");
    process.env.ASSET_HOST_URL = "https://assets.example/";
    assert.equal(emojiSource({}), "https://assets.example/images/icons/");
  } finally {
    if (saved === undefined) delete process.env.ASSET_HOST_URL;
    else process.env.ASSET_HOST_URL = saved;
  }
});
