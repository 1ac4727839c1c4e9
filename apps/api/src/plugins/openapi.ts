import swagger from "@fastify/swagger";
import scalar from "@scalar/fastify-api-reference";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/** OpenAPI 3.1 from the routes' zod schemas at /api/openapi.json; interactive docs at /api/docs. */
export const openapiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: "3.1.0",
        info: {
          title: "CRM API 客户关系管理系统",
          version: "1.0.0",
          description:
            "The REST API of the CRM, the same one the web app uses. Authenticate with " +
            "`POST /api/v1/auth/login`, then send `Authorization: Bearer <accessToken>`. Errors are RFC 9457 " +
            "`application/problem+json` with a stable `code` and, for validation errors, per-field `errors`; " +
            "messages follow `Accept-Language` (zh-CN by default, or en).",
        },
        components: {
          securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
    await app.register(scalar, {
      routePrefix: "/api/docs",
      configuration: { url: "/api/openapi.json", pageTitle: "CRM API" },
    });
  },
  { name: "openapi" },
);
