export * from "./auth.js";
export * from "./errors.js";
export * from "./navigation.js";
export * from "./organisation.js";
export * from "./pagination.js";
export * from "./permissions.js";
