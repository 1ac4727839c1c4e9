import { describe, expect, it } from "vitest";
import { z } from "zod";
import { i18nReady } from "../i18n/i18n";
import { zodRule } from "./zod-rule";

const check = async (rule: ReturnType<typeof zodRule>, value: unknown) => {
  const validator = (rule as { validator: (r: unknown, v: unknown) => Promise<void> }).validator;
  try {
    await validator({}, value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe("zodRule", () => {
  it("reports nothing given as required (please select, for a choice), a bad value as not valid", async () => {
    await i18nReady;
    const uuid = z.uuid();
    expect(await check(zodRule(uuid, "部门"), undefined)).toBe("请输入部门");
    expect(await check(zodRule(uuid, "部门", { choice: true }), undefined)).toBe("请选择部门");
    expect(await check(zodRule(uuid, "部门", { choice: true }), "")).toBe("请选择部门");
    expect(await check(zodRule(uuid, "部门", { choice: true }), "x")).toBe("部门格式不正确");
    expect(await check(zodRule(uuid, "部门", { optional: true }), null)).toBeNull();
    expect(await check(zodRule(uuid, "部门"), "6f1c2b1e-3f4a-4c5d-8e9f-0a1b2c3d4e5f")).toBeNull();
    expect(await check(zodRule(z.string().max(3), "名称"), "abcd")).toBe("名称不能超过 3 个字符");
  });
});
