import { apiKeyStatus, type WebhookSubscription } from "@crm/contracts";
import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { toCreateBody as keyBody } from "./api-key-drawer";
import { summaryOf } from "./webhook-deliveries-drawer";
import { toUpdateBody, toCreateBody as webhookBody } from "./webhook-drawer";

const subscription: WebhookSubscription = {
  id: "00000000-0000-4000-8000-000000000001",
  url: "https://erp.example.com/hook",
  events: ["order.signed", "customer.created"],
  active: true,
  description: null,
  createdAt: "2026-05-01T00:00:00.000Z",
  deleted: false,
  version: 3,
  lastDelivery: null,
};

describe("API key form", () => {
  it("sends the narrowing only when chosen, and the expiry at the end of the chosen day", () => {
    const on = dayjs("2026-08-01T09:30:00");
    const body = keyBody({
      name: "  ERP  ",
      userId: "u1",
      scope: "all",
      permissions: ["customer:read"],
      expiresOn: on,
    });
    expect(body).toEqual({
      name: "ERP",
      userId: "u1",
      permissions: null,
      expiresAt: on.endOf("day").toISOString(),
    });
    expect(
      keyBody({ name: "x", userId: "u1", scope: "narrow", permissions: ["customer:read"], expiresOn: null }),
    ).toMatchObject({ permissions: ["customer:read"], expiresAt: null });
  });

  it("tells revoked from expired from active", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    expect(apiKeyStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(apiKeyStatus({ revokedAt: null, expiresAt: "2026-06-02T00:00:00Z" }, now)).toBe("active");
    expect(apiKeyStatus({ revokedAt: null, expiresAt: "2026-05-31T23:59:59Z" }, now)).toBe("expired");
    expect(apiKeyStatus({ revokedAt: "2026-05-01T00:00:00Z", expiresAt: "2026-05-31T00:00:00Z" }, now)).toBe(
      "revoked",
    );
  });
});

describe("webhook form", () => {
  it("creates with trimmed values and events in the catalogue's order", () => {
    expect(
      webhookBody({
        url: " https://a.example/h ",
        events: ["feedback.closed", "customer.created"],
        description: "  ",
        active: false,
      }),
    ).toEqual({
      url: "https://a.example/h",
      events: ["customer.created", "feedback.closed"],
      description: null,
      active: false,
    });
  });

  it("edits only what changed; the same events in another order are no change", () => {
    const same = {
      url: subscription.url,
      events: ["customer.created", "order.signed"] as const,
      description: "",
      active: true,
    };
    expect(toUpdateBody(subscription, { ...same, events: [...same.events] })).toEqual({});
    expect(
      toUpdateBody(subscription, {
        ...same,
        events: ["customer.created"],
        description: " ERP ",
        active: false,
      }),
    ).toEqual({ events: ["customer.created"], description: "ERP", active: false });
  });
});

describe("delivery summary", () => {
  it("names the record an event is about when its data says so", () => {
    expect(summaryOf({ payload: { data: { id: "x", code: "1类-06", name: "杭州宏达" } } })).toBe(
      "1类-06 杭州宏达",
    );
    expect(summaryOf({ payload: { data: { number: "HT-2026-001", total: "10.00" } } })).toBe("HT-2026-001");
    expect(summaryOf({ payload: { data: null } })).toBe("");
    expect(summaryOf({ payload: {} })).toBe("");
  });
});
