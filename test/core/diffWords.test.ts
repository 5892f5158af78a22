import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffWords, type TextSegment } from "../../src/index";

const side = (segments: TextSegment[], keep: "delete" | "insert") => segments.filter((s) => s.type === "equal" || s.type === keep).map((s) => s.text).join("");

describe("diffWords", () => {
  it.each<[string, string, string, TextSegment[]]>([
    ["one word replaced", "the lazy dog", "the sleepy dog", [{ type: "equal", text: "the " }, { type: "delete", text: "lazy" }, { type: "insert", text: "sleepy" }, { type: "equal", text: " dog" }]],
    ["a word inserted", "a b c", "a b x c", [{ type: "equal", text: "a b " }, { type: "insert", text: "x " }, { type: "equal", text: "c" }]],
    ["a word removed", "a b c", "a c", [{ type: "equal", text: "a " }, { type: "delete", text: "b " }, { type: "equal", text: "c" }]],
    ["words are never split", "colour", "color", [{ type: "delete", text: "colour" }, { type: "insert", text: "color" }]],
    ["adjacent replacements read as one", "one two three four", "one 2 3 four", [{ type: "equal", text: "one " }, { type: "delete", text: "two three" }, { type: "insert", text: "2 3" }, { type: "equal", text: " four" }]],
    ["punctuation is its own token", "Hello, world.", "Hello; world!", [{ type: "equal", text: "Hello" }, { type: "delete", text: "," }, { type: "insert", text: ";" }, { type: "equal", text: " world" }, { type: "delete", text: "." }, { type: "insert", text: "!" }]],
    ["letters beyond ASCII are words", "Grüße aus Köln", "Grüße aus Zürich", [{ type: "equal", text: "Grüße aus " }, { type: "delete", text: "Köln" }, { type: "insert", text: "Zürich" }]],
    ["from empty", "", "new text", [{ type: "insert", text: "new text" }]],
    ["emoji are never split", "I feel 😀 today", "I feel 😁 today", [{ type: "equal", text: "I feel " }, { type: "delete", text: "😀" }, { type: "insert", text: "😁" }, { type: "equal", text: " today" }]],
    ["astral characters sharing a low surrogate", "a 𐀀 b", "a 𐐀 b", [{ type: "equal", text: "a " }, { type: "delete", text: "𐀀" }, { type: "insert", text: "𐐀" }, { type: "equal", text: " b" }]],
  ])("%s", (_, before, after, expected) => {
    expect(diffWords(before, after)).toEqual(expected);
  });

  it("equal texts are one equal segment", () => {
    expect(diffWords("same", "same")).toEqual([{ type: "equal", text: "same" }]);
  });

  it("gives up past its work budget", () => {
    expect(diffWords("a b c d e f", "g h i j k l", { maxWork: 5 })).toBeUndefined();
  });

  it("always rebuilds both texts from its segments", () => {
    const text = fc.array(fc.constantFrom("a", "b", "cc", " ", "  ", ".", "é", "\n", "dog", "😀", "😁", "𐀀", "𐐀", "👍🏽"), { maxLength: 30 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const segments = diffWords(before, after)!;
        expect(side(segments, "delete")).toBe(before);
        expect(side(segments, "insert")).toBe(after);
        for (let i = 1; i < segments.length; i++) expect(segments[i]!.type === "equal" && segments[i - 1]!.type === "equal").toBe(false);
        // No segment starts or ends inside a surrogate pair.
        for (const { text } of segments) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(text)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
