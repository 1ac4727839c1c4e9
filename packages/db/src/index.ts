export * from "./client.js";
export * from "./codes.js";
export * as schema from "./schema/index.js";
export * from "./schema/index.js";
export * from "./search.js";
export * from "./seed.js";
export * from "./testing.js";
