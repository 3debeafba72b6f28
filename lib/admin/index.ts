export { disableUser, enableUser, type StatusChangeResult, type UserStatus } from "./users";
export { publishTerms, termsSchema, type PublishTermsResult, type TermsFieldErrors, type TermsInput } from "./terms";
