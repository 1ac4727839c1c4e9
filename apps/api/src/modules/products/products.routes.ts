import {
  IdParams,
  Product,
  ProductCategory,
  ProductCategoryCreate,
  ProductCategoryUpdate,
  ProductCreate,
  ProductQuery,
  ProductUpdate,
  page,
  StockMovement,
  StockMovementCreate,
  StockMovementQuery,
} from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import * as service from "./products.service.js";
import * as categories from "./products-categories.service.js";
import * as stock from "./products-stock.service.js";

const tags = ["products"];
const stockTags = ["inventory"];

const InventoryItem = z
  .object({
    productId: z.uuid(),
    code: z.string(),
    name: z.string(),
    categoryName: z.string(),
    unit: z.string(),
    stock: z.string(),
    lowStockThreshold: z.string().nullable(),
    lowStock: z.boolean(),
  })
  .meta({ id: "InventoryItem" });

export const productRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/product-categories",
    {
      config: { access: { permission: "product:read" } },
      schema: {
        tags,
        summary: "Product categories (A–Z)",
        response: { 200: z.object({ items: z.array(ProductCategory) }) },
      },
    },
    async () => ({ items: await categories.listCategories(app.db) }),
  );
  app.post(
    "/product-categories",
    {
      config: { access: { permission: "product:create" } },
      schema: {
        tags,
        summary: "Add a category; its letter never changes",
        body: ProductCategoryCreate,
        response: { 201: ProductCategory },
      },
    },
    async (request, reply) => {
      const row = await categories.createCategory(
        app.db,
        callerOf(request),
        request.body,
        contextOf(request),
      );
      etag(reply, row.version);
      return reply.status(201).send(row);
    },
  );
  app.patch(
    "/product-categories/:id",
    {
      config: { access: { permission: "product:update" } },
      schema: {
        tags,
        summary: "Rename or retire a category",
        params: IdParams,
        body: ProductCategoryUpdate,
        response: { 200: ProductCategory },
      },
    },
    async (request, reply) => {
      const row = await categories.updateCategory(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, row.version);
      return row;
    },
  );

  app.get(
    "/products",
    {
      config: { access: { permission: "product:read" } },
      schema: {
        tags,
        summary: "The catalogue with current stock, by code",
        querystring: ProductQuery,
        response: { 200: page(Product) },
      },
    },
    async (request) => service.listProducts(app.db, request.query),
  );
  app.get(
    "/products/:id",
    {
      config: { access: { permission: "product:read" } },
      schema: { tags, summary: "One product", params: IdParams, response: { 200: Product } },
    },
    async (request, reply) => {
      const product = await service.getProduct(app.db, request.params.id);
      etag(reply, product.version);
      return product;
    },
  );
  app.post(
    "/products",
    {
      config: { access: { permission: "product:create" } },
      schema: {
        tags,
        summary: "Add a product; the code is generated from its category",
        body: ProductCreate,
        response: { 201: Product },
      },
    },
    async (request, reply) => {
      const product = await service.createProduct(
        app.db,
        callerOf(request),
        request.body,
        contextOf(request),
      );
      etag(reply, product.version);
      return reply.status(201).send(product);
    },
  );
  app.patch(
    "/products/:id",
    {
      config: { access: { permission: "product:update" } },
      schema: {
        tags,
        summary: "Change a product (If-Match: its version)",
        params: IdParams,
        body: ProductUpdate,
        response: { 200: Product },
      },
    },
    async (request, reply) => {
      const product = await service.updateProduct(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, product.version);
      return product;
    },
  );
  app.delete(
    "/products/:id",
    {
      config: { access: { permission: "product:delete" } },
      schema: {
        tags,
        summary: "Move a product to the recycle bin",
        params: IdParams,
        response: { 200: Product },
      },
    },
    async (request) =>
      service.setProductDeleted(
        app.db,
        callerOf(request),
        request.params.id,
        true,
        ifMatch(request),
        contextOf(request),
      ),
  );
  app.post(
    "/products/:id/restore",
    {
      config: { access: { permission: "product:delete" } },
      schema: { tags, summary: "Restore a product", params: IdParams, response: { 200: Product } },
    },
    async (request) =>
      service.setProductDeleted(
        app.db,
        callerOf(request),
        request.params.id,
        false,
        ifMatch(request),
        contextOf(request),
      ),
  );

  app.get(
    "/inventory",
    {
      config: { access: { permission: "inventory:read" } },
      schema: {
        tags: stockTags,
        summary: "库存信息: current stock per product (the ledger's sum), low-stock warnings",
        querystring: ProductQuery.pick({
          q: true,
          categoryId: true,
          lowStock: true,
          limit: true,
          cursor: true,
        }),
        response: { 200: page(InventoryItem) },
      },
    },
    async (request) => {
      const result = await service.listProducts(app.db, {
        ...request.query,
        active: undefined,
        deleted: "false",
      });
      return {
        items: result.items.map((p) => ({
          productId: p.id,
          code: p.code,
          name: p.name,
          categoryName: p.categoryName,
          unit: p.unit,
          stock: p.stock,
          lowStockThreshold: p.lowStockThreshold,
          lowStock: p.lowStock,
        })),
        nextCursor: result.nextCursor,
      };
    },
  );
  app.get(
    "/stock-movements",
    {
      config: { access: { permission: "inventory:read" } },
      schema: {
        tags: stockTags,
        summary: "The stock ledger, newest first",
        querystring: StockMovementQuery,
        response: { 200: page(StockMovement) },
      },
    },
    async (request) => stock.listMovements(app.db, request.query),
  );
  app.post(
    "/stock-movements",
    {
      config: { access: { permission: "inventory:adjust" } },
      schema: {
        tags: stockTags,
        summary: "Post a movement: receipts add, issues take out (never below zero: 409 insufficient_stock)",
        body: StockMovementCreate,
        response: { 201: StockMovement },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await stock.createMovement(app.db, callerOf(request), request.body, contextOf(request))),
  );
};
