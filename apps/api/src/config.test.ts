import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";
import { resolveJwtSecret } from "./settings.js";

describe("configuration", () => {
  it("has working defaults: demo mode on the embedded database", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", DATA_DIR: "./data", DEMO: true });
  });

  it("turns demo mode off by default on a real database, and on DEMO=0", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@h/db" }).DEMO).toBe(false);
    expect(loadConfig({ DEMO: "0" }).DEMO).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://u@h/db", DEMO: "1" }).DEMO).toBe(true);
  });

  it("runs several workers only on PostgreSQL", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@h/db", WORKERS: "2" }).WORKERS).toBe(2);
    expect(() => loadConfig({ WORKERS: "2" })).toThrow(/WORKERS: more than one worker needs PostgreSQL/);
    expect(() => loadConfig({ DATABASE_URL: "postgres://u@h/db", WORKERS: "0" })).toThrow(/WORKERS/);
  });

  it("prepares the authentication query by name unless DB_NAMED_STATEMENTS is false", () => {
    expect(loadConfig({}).DB_NAMED_STATEMENTS).toBe(true);
    expect(loadConfig({ DB_NAMED_STATEMENTS: "false" }).DB_NAMED_STATEMENTS).toBe(false);
    expect(() => loadConfig({ DB_NAMED_STATEMENTS: "maybe" })).toThrow(/DB_NAMED_STATEMENTS/);
  });

  it("plans the search box's pages on a generic-plan pool unless DB_GENERIC_PLANS is false", () => {
    expect(loadConfig({}).DB_GENERIC_PLANS).toBe(true);
    expect(loadConfig({ DB_GENERIC_PLANS: "false" }).DB_GENERIC_PLANS).toBe(false);
    expect(() => loadConfig({ DB_GENERIC_PLANS: "sometimes" })).toThrow(/DB_GENERIC_PLANS/);
  });

  it("stops with one line naming every wrong variable", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", DEMO: "maybe" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toMatch(/^Invalid configuration: /);
    for (const name of ["PORT", "DATABASE_URL", "DEMO"]) expect(message).toContain(name);
  });

  it("requires JWT_SECRET outside demo mode and never makes one up there", () => {
    expect(() => resolveJwtSecret(loadConfig({ DEMO: "0" }))).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ JWT_SECRET: "short" })).toThrow(/JWT_SECRET/);
    const secret = "s".repeat(40);
    expect(resolveJwtSecret(loadConfig({ DEMO: "0", JWT_SECRET: secret }))).toBe(secret);
  });
});
