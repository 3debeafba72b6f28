/** Only same-origin paths may be returned to after sign-in. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  return value.length <= 512 ? value : null;
}

/** Where a signed-in user who still has to accept the terms goes, keeping where they were headed. */
export function termsPath(returnTo: string | null): string {
  const next = safeReturnPath(returnTo);
  return next && next !== "/dashboard" ? `/terms?next=${encodeURIComponent(next)}` : "/terms";
}
