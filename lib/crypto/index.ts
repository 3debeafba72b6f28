export {
  KEY_BYTES,
  KeyringError,
  decodeKey,
  isValidKeyId,
  parseKeyring,
  type Keyring,
  type SealKey,
} from "./keyring";
export {
  SealError,
  openJson,
  openPattern,
  sealJson,
  sealPattern,
  type SealErrorCode,
} from "./seal";
export { configuredKeyring } from "./configured";
export { generateToken, hashToken, isToken } from "./tokens";
