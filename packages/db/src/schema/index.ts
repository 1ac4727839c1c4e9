export * from "./customers.js";
export * from "./identity.js";
export * from "./system.js";
