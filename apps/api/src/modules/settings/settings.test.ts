import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, setupApp } from "../../../test/helper.js";
import { addDays, shanghaiDate } from "../../shared/days.js";
import { sweepNotifications } from "../activities/sweep.service.js";

const { app, db } = await setupApp();
const [admin, sales1] = await clientsFor(app, ["admin", "sales1"]);
const today = shanghaiDate();

const current = async () => {
  const res = await sales1({ url: "/api/v1/settings" });
  return { body: res.json() as { followUpDays: number; version: number }, etag: res.headers.etag };
};
const patch = (payload: unknown, ifMatch?: string) =>
  admin({
    method: "PATCH",
    url: "/api/v1/settings",
    payload,
    ...(ifMatch ? { headers: { "if-match": ifMatch } } : {}),
  });
const settingAudits = async () =>
  (await admin({ url: "/api/v1/audit-log?entityType=system_settings&limit=50" })).json().items as {
    action: string;
    actorName: string;
    changes: Record<string, { before: unknown; after: unknown }>;
  }[];

describe("system settings (系统设置)", () => {
  it("start at their defaults, which everyone may read, with a version as ETag", async () => {
    const res = await sales1({ url: "/api/v1/settings" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ followUpDays: 30, version: 0 });
    expect(res.headers.etag).toBe('"0"');
    expect((await app.inject({ url: "/api/v1/settings" })).statusCode).toBe(401);
    // The administrator's role holds the new permission; a salesperson's does not.
    expect((await admin({ url: "/api/v1/me" })).json().permissions).toContain("settings:manage");
    expect((await sales1({ url: "/api/v1/me" })).json().permissions).not.toContain("settings:manage");
  });

  it("refuses a change without settings:manage (403) and bad values field by field (400), changing nothing", async () => {
    const denied = await sales1({ method: "PATCH", url: "/api/v1/settings", payload: { followUpDays: 7 } });
    expect(denied.statusCode).toBe(403);
    expect(denied.headers["content-type"]).toContain("application/problem+json");
    expect(denied.json().code).toBe("forbidden");
    for (const bad of [0, 366, 1.5, "30", null]) {
      const res = await patch({ followUpDays: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().code).toBe("validation_failed");
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["followUpDays"]);
    }
    const unknown = await patch({ companyLogo: "x" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe("validation_failed");
    expect(await current()).toEqual({ body: { followUpDays: 30, version: 0 }, etag: '"0"' });
    expect(await settingAudits()).toHaveLength(0);
  });

  it("changes with If-Match, audited; a stale version is 412 and the same value changes nothing", async () => {
    const res = await patch({ followUpDays: 45 }, '"0"');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ followUpDays: 45, version: 1 });
    expect(res.headers.etag).toBe('"1"');
    expect(await current()).toEqual({ body: { followUpDays: 45, version: 1 }, etag: '"1"' });

    const stale = await patch({ followUpDays: 60 }, '"0"');
    expect(stale.statusCode).toBe(412);
    expect(stale.headers["content-type"]).toContain("application/problem+json");
    expect(stale.json()).toMatchObject({ code: "precondition_failed", currentVersion: 1 });
    expect((await current()).body.followUpDays).toBe(45);

    const same = await patch({ followUpDays: 45 }, '"1"');
    expect(same.statusCode).toBe(200);
    expect(same.headers.etag).toBe('"1"');
    const audits = await settingAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "update",
      actorName: "系统管理员",
      changes: { followUpDays: { before: 30, after: 45 } },
    });
  });

  it("is the default no-contact interval of the workbench list and the reminders sweep", async () => {
    await patch({ followUpDays: 30 });
    const customer = await createCustomer(sales1, { name: "十天未联系客户" });
    const contact = await sales1({
      method: "POST",
      url: "/api/v1/contact-records",
      payload: {
        customerId: customer.id,
        occurredAt: `${addDays(today, -10)}T10:00:00+08:00`,
        channel: "phone",
        content: "上次通话",
      },
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const due = async (query = "") => {
      const body = (await sales1({ url: `/api/v1/workbench/follow-ups${query}` })).json();
      return {
        days: body.days as number,
        item: body.items.find((f: { customerId: string }) => f.customerId === customer.id),
      };
    };
    const silentNotes = async () =>
      ((await sales1({ url: "/api/v1/notifications?limit=200" })).json().items as { title: string }[]).filter(
        (n) => n.title.endsWith(`未联系:${customer.name}`),
      );

    expect(await due()).toEqual({ days: 30, item: undefined });
    await sweepNotifications(db.db);
    expect(await silentNotes()).toHaveLength(0);

    expect((await patch({ followUpDays: 7 })).statusCode).toBe(200);
    const listed = await due();
    expect(listed.days).toBe(7);
    expect(listed.item).toMatchObject({ reason: "no_contact", customerName: "十天未联系客户" });
    // An explicit interval still wins over the setting.
    expect(await due("?days=30")).toEqual({ days: 30, item: undefined });
    // Last contact ten days ago: due with an interval of 10 days, not yet with 11.
    expect((await patch({ followUpDays: 10 })).statusCode).toBe(200);
    expect((await due()).item).toBeDefined();
    expect((await patch({ followUpDays: 11 })).statusCode).toBe(200);
    expect((await due()).item).toBeUndefined();

    expect((await patch({ followUpDays: 7 })).statusCode).toBe(200);
    await sweepNotifications(db.db);
    const notes = await silentNotes();
    expect(notes.map((n) => n.title)).toEqual([`已 7 天未联系:${customer.name}`]);
    // Once per silence, whichever process sweeps.
    await sweepNotifications(db.db);
    expect(await silentNotes()).toHaveLength(1);
  });
});
