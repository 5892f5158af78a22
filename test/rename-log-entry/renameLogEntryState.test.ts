import { describe, expect, it } from "vitest";
import {
  createRenameLogEntryState,
  getShownName,
  isRenameProblemShown,
  renameLogEntryReducer as reduce,
  validateRenameDraft,
  type RenameLogEntryAction,
  type RenameLogEntryEditState,
} from "../../src/rename-log-entry/renameLogEntryState";

const KEY = "products\u00002";
const idle = () => createRenameLogEntryState(KEY);
const run = (state: RenameLogEntryEditState, ...actions: RenameLogEntryAction[]) => actions.reduce(reduce, state);
const editing = () => run(idle(), { type: "start", name: "Winter prices" });
const saving = () => run(editing(), { type: "setDraft", draft: "Spring" }, { type: "saveStart", name: "Spring", basis: "Winter prices" });

describe("renameLogEntryReducer: the happy path", () => {
  it("walks idle → editing → saving → idle, keeping the saved name shown", () => {
    let state = idle();
    expect(state).toMatchObject({ mode: "idle", draft: "", error: undefined, isAttempted: false, override: null });
    state = reduce(state, { type: "start", name: "Winter prices" });
    expect(state).toMatchObject({ mode: "editing", draft: "Winter prices" });
    state = reduce(state, { type: "setDraft", draft: "  Spring  " });
    expect(state.draft).toBe("  Spring  ");
    state = reduce(state, { type: "saveStart", name: "Spring", basis: "Winter prices" });
    expect(state).toMatchObject({ mode: "saving", override: { name: "Spring", basis: "Winter prices" } });
    state = reduce(state, { type: "saveEnd" });
    expect(state).toMatchObject({ mode: "idle", draft: "", override: { name: "Spring", basis: "Winter prices" } });
    expect(getShownName(state, "Winter prices")).toBe("Spring");
  });

  it("opens an unnamed entry with an empty draft", () => {
    expect(reduce(idle(), { type: "start", name: undefined })).toMatchObject({ mode: "editing", draft: "" });
  });
});

describe("renameLogEntryReducer: failure and cancel", () => {
  it("on failure, reopens with the typed text and the error, and gives the name shown back", () => {
    const previous = { name: "Older save", basis: "Winter prices" };
    const state = run(saving(), { type: "saveFail", error: new Error("offline"), override: previous });
    expect(state).toMatchObject({ mode: "error", draft: "Spring", error: { message: "offline" }, override: previous });
    // Typing keeps the error until the next save; saving again clears it.
    const typed = reduce(state, { type: "setDraft", draft: "Spring 2" });
    expect(typed).toMatchObject({ mode: "error", draft: "Spring 2", error: { message: "offline" } });
    expect(reduce(typed, { type: "saveStart", name: "Spring 2", basis: "Winter prices" })).toMatchObject({ mode: "saving", error: undefined });
  });

  it.each([["editing", editing], ["error", () => run(saving(), { type: "saveFail", error: new Error("x"), override: null })]] as const)(
    "cancel from %s closes the input and forgets the draft",
    (_label, from) => {
      expect(reduce(from(), { type: "cancel" })).toMatchObject({ mode: "idle", draft: "", error: undefined, isAttempted: false });
    },
  );

  it("a rejected save marks the draft as attempted, once", () => {
    const rejected = reduce(editing(), { type: "reject" });
    expect(rejected.isAttempted).toBe(true);
    expect(reduce(rejected, { type: "reject" })).toBe(rejected);
    // Reopening starts clean.
    expect(run(rejected, { type: "cancel" }, { type: "start", name: "x" }).isAttempted).toBe(false);
  });
});

describe("renameLogEntryReducer: actions that do not apply change nothing (same object)", () => {
  const cases: [string, () => RenameLogEntryEditState, RenameLogEntryAction][] = [
    ["start while editing", editing, { type: "start", name: "Other" }],
    ["start while saving", saving, { type: "start", name: "Other" }],
    ["typing while saving (the input is read-only)", saving, { type: "setDraft", draft: "Other" }],
    ["typing while idle", idle, { type: "setDraft", draft: "Other" }],
    ["cancel while saving", saving, { type: "cancel" }],
    ["cancel while idle", idle, { type: "cancel" }],
    ["a second saveStart while saving", saving, { type: "saveStart", name: "Other", basis: undefined }],
    ["saveStart while idle", idle, { type: "saveStart", name: "Other", basis: undefined }],
    ["saveFail when not saving", editing, { type: "saveFail", error: new Error("late"), override: null }],
    ["saveEnd while idle", idle, { type: "saveEnd" }],
    ["reset to the same entry", editing, { type: "reset", entryKey: KEY }],
    ["syncName with no override", editing, { type: "syncName", name: "Moved" }],
  ];
  it.each(cases)("%s", (_label, from, action) => {
    const state = from();
    expect(reduce(state, action)).toBe(state);
  });
});

describe("renameLogEntryReducer: the entry moves under it", () => {
  it("starts afresh for another entry", () => {
    const state = reduce(saving(), { type: "reset", entryKey: "products\u00003" });
    expect(state).toEqual(createRenameLogEntryState("products\u00003"));
  });

  it("drops the saved name once the entry's own name moves, and never brings it back", () => {
    const saved = run(saving(), { type: "saveEnd" });
    expect(getShownName(saved, "Winter prices")).toBe("Spring");
    const synced = reduce(saved, { type: "syncName", name: "Spring" });
    expect(synced.override).toBeNull();
    expect(getShownName(synced, "Spring")).toBe("Spring");
    // The list goes back to the old name later (another user): that is the truth now.
    expect(getShownName(synced, "Winter prices")).toBe("Winter prices");
    expect(reduce(saved, { type: "syncName", name: "Winter prices" })).toBe(saved);
  });

  it("shows a cleared name as none", () => {
    const cleared = run(editing(), { type: "saveStart", name: undefined, basis: "Winter prices" });
    expect(getShownName(cleared, "Winter prices")).toBeUndefined();
  });
});

describe("validateRenameDraft", () => {
  it.each([
    ["  Spring  ", 120, false, { trimmed: "Spring", length: 6, problem: undefined }],
    ["   ", 120, false, { trimmed: "", length: 0, problem: "empty" }],
    ["   ", 120, true, { trimmed: "", length: 0, problem: undefined }],
    ["abcd", 3, false, { trimmed: "abcd", length: 4, problem: "tooLong" }],
    ["🎉🎉🎉", 3, false, { trimmed: "🎉🎉🎉", length: 3, problem: undefined }],
    ["🎉🎉🎉🎉", 3, true, { trimmed: "🎉🎉🎉🎉", length: 4, problem: "tooLong" }],
  ] as const)("%j with maxLength %d, allowClear %s", (draft, maxLength, allowClear, expected) => {
    expect(validateRenameDraft(draft, { maxLength, allowClear })).toEqual(expected);
  });
});

describe("isRenameProblemShown", () => {
  it("shows too long at once, empty only after a save was tried, nothing while idle", () => {
    expect(isRenameProblemShown(editing(), "tooLong")).toBe(true);
    expect(isRenameProblemShown(editing(), "empty")).toBe(false);
    expect(isRenameProblemShown(reduce(editing(), { type: "reject" }), "empty")).toBe(true);
    expect(isRenameProblemShown(idle(), "tooLong")).toBe(false);
    expect(isRenameProblemShown(editing(), undefined)).toBe(false);
  });
});
