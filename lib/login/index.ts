export { answerChallenge, answerReauthentication, type AnswerResult, type SignedInUser } from "./answer";
export { issueChallenge, issueReauthChallenge, loadPendingChallenge } from "./challenge";
export { forgetLogin, pendingLogin, rememberChallenge } from "./cookie";
export { reportSignIn, withSignInOutcome } from "./sign-in-outcome";
export { unlockAccount, unlockAccountByEmail } from "./lockout";
export { isUnlockLinkUsable, unlockWithLink, type UnlockResult } from "./unlock-link";
export { recentSecurityEvents, signInSummary, type SecurityEvent, type SignInSummary } from "./activity";
export {
  CHALLENGE_MINUTES,
  FIRST_LOCK_MINUTES,
  LOCK_THRESHOLD,
  MAX_FAILURES_BEFORE_OPERATOR,
  MAX_LOCK_MINUTES,
  isLocked,
  lockMinutes,
  type LockState,
} from "./policy";
