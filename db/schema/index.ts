export * from "./users";
export * from "./credentials";
export * from "./onboarding";
export * from "./login";
export * from "./terms";
export * from "./audit";
export * from "./mail";
export * from "./rate-limits";
