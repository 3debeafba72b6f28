export { answer, forget, issue, pending } from "./challenge";
export { requireRecentSignIn } from "./guard";
export { reauthPage, reauthReturnPath, RECENT_SIGN_IN_MINUTES, signedInRecently, type ReauthScope } from "./policy";
