// Which Chromium the e2e flows use: Playwright's own when it has one, else the system's
// (Debian package `chromium`), which Playwright cannot download here.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** undefined: Playwright's own browser; a path: the system browser; null: none found. */
export function chromiumPath() {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright has no browser of its own
  }
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : null;
}
