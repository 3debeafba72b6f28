// The second step of sign-in: passkeys, an authenticator app, recovery codes, and who must have one.
export {
  beginTotpSetup,
  confirmTotp,
  disableTotp,
  pendingTotpSetup,
  verifyTotp,
  type ConfirmTotpResult,
  type TotpSetup,
  type TotpSetupResult,
} from "./authenticator-app";
export { forgetPendingSignIn, pendingSignInToken, rememberPendingSignIn } from "./cookie";
export {
  mayRemoveMethod,
  methodsOf,
  secondFactorOverview,
  secondFactorStatus,
  type SecondFactorMethods,
  type SecondFactorStatus,
} from "./methods";
export {
  resetSecondFactors,
  setSecondFactorRequirement,
  type RequirementResult,
  type SecondFactorResetResult,
} from "./operators";
export { passkeyAuthenticationOptions, verifyPasskeyAuthentication } from "./passkey-authentication";
export {
  passkeyRegistrationOptions,
  verifyPasskeyRegistration,
  type PasskeyRegistrationResult,
} from "./passkey-registration";
export { listPasskeys, removePasskey, type ListedPasskey } from "./passkeys";
export {
  beginSecondFactor,
  completeSecondFactor,
  pendingSecondFactor,
  type PendingSecondFactor,
} from "./pending-sign-in";
export {
  PENDING_SIGN_IN_MINUTES,
  RECOVERY_CODE_COUNT,
  secondFactorRequired,
  WEBAUTHN_CHALLENGE_MINUTES,
  type SecondFactorPolicy,
} from "./policy";
export {
  generateRecoveryCodes,
  remainingRecoveryCodes,
  redeemRecoveryCode,
  type RecoveryCodesResult,
} from "./recovery-codes";
