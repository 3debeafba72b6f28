export { disableUser, enableUser, operatorTimeZone, type StatusChangeResult, type UserStatus } from "./users";
export { publishTerms, termsOverview, termsSchema, type PublishTermsResult, type TermsFieldErrors, type TermsInput, type TermsVersionSummary } from "./terms";
export {
  decodeCursor,
  DIRECTORY_PAGE_SIZE,
  directoryUser,
  displayStatus,
  encodeCursor,
  isUserId,
  searchDirectory,
  USER_AUDIT_EVENTS,
  type DirectoryFilters,
  type DirectoryPage,
  type DirectoryRow,
  type DirectorySort,
  type DirectoryStatusFilter,
  type DirectoryUser,
  type DisplayStatus,
} from "./directory";
export {
  editProfile,
  profileSchema,
  resendStartingGuide,
  resetMatrixPassword,
  unlockUserAccount,
  type AccountActionResult,
  type ProfileField,
  type ProfileResult,
} from "./account-actions";
export { IMPORT_COLUMNS, IMPORT_LIMITS, importUsers, MAX_REPORTED_ISSUES, readImportFile, type ImportColumn, type ImportFileError, type ImportIssue, type ImportIssueCode, type ImportResult } from "./import";
export {
  AUDIT_PAGE_SIZE,
  auditLogCsv,
  auditLogFilter,
  getAuditLogPage,
  parseAuditLogQuery,
  recordAuditExport,
  type AuditLogErrors,
  type AuditLogField,
  type AuditLogPage,
  type AuditLogQuery,
  type AuditLogRow,
} from "./audit-log";
export { getAdminOverview, OVERVIEW_DAYS, retryFailedOutbox, type AdminOverview, type SignInDay } from "./overview";
export { recordUsersExport, usersCsv } from "./users-export";
