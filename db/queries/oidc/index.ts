export * from "./clients";
export * from "./keys";
export * from "./models";
