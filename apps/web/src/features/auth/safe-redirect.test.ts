import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { safeRedirectTarget } from "./safe-redirect";

describe("safeRedirectTarget", () => {
  beforeEach(() => vi.stubGlobal("window", { location: { origin: "http://crm.test" } }));
  afterEach(() => vi.unstubAllGlobals());

  it("keeps same-origin paths with their query and hash", () => {
    expect(safeRedirectTarget("/customers?tab=x")).toBe("/customers?tab=x");
    expect(safeRedirectTarget("/reports#top")).toBe("/reports#top");
  });

  it.each([
    null,
    "",
    "customers",
    "//evil.example/x",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/login?from=/x",
  ])("falls back to the workbench for %j", (from) => {
    expect(safeRedirectTarget(from)).toBe("/workbench");
  });
});
