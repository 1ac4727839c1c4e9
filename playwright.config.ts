import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./scripts/browser.mjs";

const port = Number(process.env.E2E_PORT ?? 3210);
const executablePath: string | undefined | null = chromiumPath();

// One app for all flows: the built server on a database of its own (a fresh PostgreSQL database
// from scripts/test.mjs, or a fresh embedded one), in demo mode.
const serverEnv: Record<string, string> = {
  PORT: String(port),
  HOST: "127.0.0.1",
  DEMO: "1",
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  // Every flow logs in, two at a time, from one address: about 60 logins in 3 minutes, past the
  // default 30 a minute that guards a real address (apps/api/src/modules/auth/login.test.ts tests it).
  LOGIN_RATE_PER_MINUTE: "600",
  ...(process.env.E2E_DATABASE_URL
    ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
    : { DATA_DIR: process.env.E2E_DATA_DIR ?? join(tmpdir(), `crm-e2e-${randomBytes(4).toString("hex")}`) }),
};

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // One retry everywhere, not only in CI: the README's test command must prove what CI proves (a
  // flow that passes only on its retry is counted and printed as flaky either way).
  retries: 1,
  workers: 2,
  // Generous on purpose: on a 2-core CI machine with two browsers, the app and PostgreSQL at work,
  // a page can take over 10 s to load (load average 10-12 measured); a flow that fails only for that
  // proves nothing.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recorded on a retry only: recording every first attempt made each flow 40-60% slower here
    // (e2e/auth.spec.ts: 1.6 min against 56 s), and that time turned slow pages into timeouts.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    // The flows act at machine speed: a click that lands while a dialog is still zooming in was
    // lost now and then on a loaded machine (a dialog's 保存 did nothing, passed on retry). Asked
    // for reduced motion, the app turns antd's animations off (e2e/motion.spec.ts checks it).
    reducedMotion: "reduce",
  },
  projects: [
    {
      name: "chromium",
      // Custom fields change what every customer form requires: they run alone, after the rest.
      testIgnore: "**/custom-fields.spec.ts",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
          ],
        },
      },
    },
    {
      name: "custom-fields",
      testMatch: "**/custom-fields.spec.ts",
      dependencies: ["chromium"],
      fullyParallel: false,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node apps/api/dist/server.js",
    url: `http://127.0.0.1:${port}/api/ready`,
    env: serverEnv,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
