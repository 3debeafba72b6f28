export { answerChallenge, answerReauthentication, type AnswerResult, type SignedInUser } from "./answer";
export { issueChallenge, issueUserChallenge, loadPendingChallenge } from "./challenge";
export {
  forgetLogin,
  forgetPractice,
  pendingLogin,
  pendingPractice,
  rememberChallenge,
  rememberPractice,
} from "./cookie";
export { answerPractice, beginPractice, type PracticeResult } from "./practice";
export { reportSignIn, withSignInOutcome } from "./sign-in-outcome";
export { unlockAccount, unlockAccountByEmail } from "./lockout";
export { isUnlockLinkUsable, unlockWithLink } from "./unlock-link";
export { signInSummary } from "./activity";
export {
  CHALLENGE_MINUTES,
  FIRST_LOCK_MINUTES,
  LOCK_THRESHOLD,
  MAX_FAILURES_BEFORE_OPERATOR,
  MAX_LOCK_MINUTES,
  isLocked,
} from "./policy";
export { answerSecondFactor, type SecondFactorAnswer, type SecondStepResult } from "./second-step";
