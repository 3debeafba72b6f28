export * from "./authenticator-apps";
export * from "./challenges";
export * from "./methods";
export * from "./passkeys";
export * from "./recovery-codes";
