import type { Department } from "@crm/contracts";
import { describe, expect, it } from "vitest";
import { buildDepartmentTree, departmentOptions, selfAndDescendants } from "./department-tree";

const dep = (id: string, code: string, parentId: string | null, disabled = false): Department => ({
  id,
  code,
  name: `name-${id}`,
  parentId,
  headUserId: null,
  headName: null,
  disabled,
  memberCount: 0,
  version: 1,
});

const list = [
  dep("c", "Dep-10", "root"),
  dep("root", "Dep-00", null),
  dep("a", "Dep-02", "root"),
  dep("a1", "Dep-11", "a"),
  dep("x", "Dep-12", "gone"),
  dep("off", "Dep-13", "root", true),
];

describe("buildDepartmentTree", () => {
  it("nests children under their parents, sorted by code numerically, orphans as roots", () => {
    const tree = buildDepartmentTree(list);
    expect(tree.map((n) => n.department.id)).toEqual(["root", "x"]);
    expect(tree[0]?.children.map((n) => n.department.id)).toEqual(["a", "c", "off"]);
    expect(tree[0]?.children[0]?.children.map((n) => n.department.id)).toEqual(["a1"]);
  });
});

describe("selfAndDescendants", () => {
  it("collects the whole subtree", () => {
    expect([...selfAndDescendants(list, "a")].sort()).toEqual(["a", "a1"]);
    expect(selfAndDescendants(list, "root").size).toBe(5);
  });
});

describe("departmentOptions", () => {
  it("leaves out disabled departments unless asked, and blocks excluded ones", () => {
    const options = departmentOptions(list, { exclude: new Set(["a1"]) });
    const root = options[0];
    expect(root?.children?.map((o) => o.value)).toEqual(["a", "c"]);
    expect(root?.children?.[0]?.children?.[0]).toMatchObject({ value: "a1", disabled: true });
    const all = departmentOptions(list, { includeDisabled: true });
    expect(all[0]?.children?.find((o) => o.value === "off")).toMatchObject({ disabled: true });
  });
});
