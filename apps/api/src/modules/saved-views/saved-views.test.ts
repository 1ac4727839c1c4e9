import { describe, expect, it } from "vitest";
import { clientsFor, setupApp } from "../../../test/helper.js";

const { app } = await setupApp();
const [sales1, sales2] = await clientsFor(app, ["sales1", "sales2"]);

describe("saved views", () => {
  it("keeps each user's views to themselves", async () => {
    const created = await sales1({
      method: "POST",
      url: "/api/v1/saved-views",
      payload: {
        resource: "customers",
        name: "杭州重点",
        query: { city: "杭州市", class: "1" },
        columns: ["code", "name"],
      },
    });
    expect(created.statusCode).toBe(201);
    expect((await sales1({ url: "/api/v1/saved-views?resource=customers" })).json().items).toHaveLength(1);
    expect((await sales2({ url: "/api/v1/saved-views?resource=customers" })).json().items).toEqual([]);
    expect(
      (await sales2({ method: "DELETE", url: `/api/v1/saved-views/${created.json().id}` })).statusCode,
    ).toBe(404);
    expect(
      (await sales1({ method: "DELETE", url: `/api/v1/saved-views/${created.json().id}` })).statusCode,
    ).toBe(204);
  });

  it("validates the view", async () => {
    const res = await sales1({
      method: "POST",
      url: "/api/v1/saved-views",
      payload: { resource: "orders", name: "", query: { q: 1 } },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["name", "query.q", "resource"]);
  });
});
