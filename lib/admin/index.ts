export { disableUser, enableUser, operatorTimeZone, type UserStatus } from "./users";
export { publishTerms, termsOverview, termsSchema } from "./terms";
export {
  decodeCursor,
  DIRECTORY_PAGE_SIZE,
  directoryUser,
  displayStatus,
  encodeCursor,
  isUserId,
  searchDirectory,
  type DirectoryFilters,
  type DirectoryPage,
  type DirectoryUser,
  type DisplayStatus,
} from "./directory";
export {
  editProfile,
  profileSchema,
  resendStartingGuide,
  resetMatrixPassword,
  unlockUserAccount,
  type ProfileField,
} from "./account-actions";
export { importUsers } from "./import";
export { IMPORT_LIMITS, readImportFile, type ImportIssue, type ImportResult } from "./import-file";
export {
  auditLogCsv,
  auditLogFilter,
  getAuditLogPage,
  parseAuditLogQuery,
  recordAuditExport,
  type AuditLogQuery,
  type AuditLogRow,
} from "./audit-log";
export { getAdminOverview, retryFailedOutbox, type AdminOverview, type SignInDay } from "./overview";
export { recordUsersExport, usersCsv } from "./users-export";
