import { describe, expect, it } from "vitest";
import { changeLanguage, currentLanguage, i18n, i18nReady } from "./i18n";

describe("UI languages", () => {
  it("bundles Chinese only and fetches English when it is chosen", async () => {
    await i18nReady;
    expect(currentLanguage()).toBe("zh-CN");
    expect(i18n.t("customers.list.tabAll")).toBe("客户列表");
    expect(i18n.hasResourceBundle("en", "translation")).toBe(false);

    await changeLanguage("en");
    expect(i18n.hasResourceBundle("en", "translation")).toBe(true);
    expect(currentLanguage()).toBe("en");
    expect(i18n.t("customers.list.tabAll")).toBe("Customers");

    await changeLanguage("zh-CN");
    expect(i18n.t("customers.list.tabAll")).toBe("客户列表");
  });
});
