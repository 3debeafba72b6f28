export { startPatternChange } from "./change";
export { clearOnboardingCookie, readOnboardingCookie, setOnboardingCookie } from "./cookie";
export { issueStartingGuide, requestStartingGuide, startingGuideLink } from "./guide";
export { confirmPattern, loadOnboarding, saveDraft } from "./pattern";
export { registerUser, type RegistrationField } from "./register";
export {
  isStartingGuideUsable,
  MAX_VERIFICATION_FAILURES,
  ONBOARDING_SESSION_MINUTES,
  verifyIdentity,
  type IdentityField,
} from "./verify";
