export { currentUser, requireAcceptedTerms, requireOperator, requirePortalUser, requireSignedIn } from "./guard";
export { safeReturnPath, SECOND_FACTOR_SETUP_PAGE, secondFactorSetupPath, termsPath } from "./return-path";
export { ABSOLUTE_HOURS, IDLE_MINUTES } from "./policy";
export type { SessionUser } from "./refresh";
export { endAllSessions } from "./end-all";
export { endSession, signOutSession } from "./end-session";
export { listSessions, type ListedSession } from "./list";
export type { Device } from "./device";
