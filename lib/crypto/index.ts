export { KeyringError, parseKeyring, type Keyring, type SealKey } from "./keyring";
export { SealError, openJson, openPattern, sealJson, sealPattern, type SealErrorCode } from "./seal";
export { configuredKeyring } from "./configured";
export { generateToken, hashToken, isToken } from "./tokens";
