export { startPatternChange } from "./change";
export { clearOnboardingCookie, readOnboardingCookie, setOnboardingCookie } from "./cookie";
export { issueStartingGuide, requestStartingGuide, startingGuideLink } from "./guide";
export { confirmPattern, loadOnboarding, saveDraft, type DraftRefusal } from "./pattern";
export { registerUser, type RegistrationField, type RegistrationResult } from "./register";
export {
  isStartingGuideUsable,
  MAX_VERIFICATION_FAILURES,
  ONBOARDING_SESSION_MINUTES,
  verifyIdentity,
  type IdentityField,
  type VerificationResult,
} from "./verify";
