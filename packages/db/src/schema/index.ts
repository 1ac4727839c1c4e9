export * from "./activities.js";
export * from "./customers.js";
export * from "./identity.js";
export * from "./imports.js";
export * from "./orders.js";
export * from "./preferences.js";
export * from "./products.js";
export * from "./system.js";
