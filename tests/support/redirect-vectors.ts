/**
 * Return paths that have taken sign-in pages elsewhere (open redirect) or broken them with CR/LF,
 * as the value the server reads once the query string is decoded. Shared by the unit table
 * (tests/unit/return-path.test.ts) and the HTTP test (tests/security/redirect.spec.ts).
 */
export const FOREIGN_RETURN_PATHS: readonly string[] = [
  "//evil.example",
  "//evil.example/dashboard",
  "/\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\r\n/evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d%0aSet-Cookie:x=1",
  "/\r\nSet-Cookie:x=1",
  "%2F%2Fevil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%5C/evil.example",
  "/%5cevil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/dashboard/..//evil.example",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "https:evil.example",
  "https://evil.example/",
  "http:/evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " //evil.example",
  "evil.example",
  "dashboard",
  "",
  `/${"a".repeat(600)}`,
  `/dashboard?q=${"%41".repeat(200)}`,
];

/** Paths on the portal that must still be followed, with what is kept of them. */
export const OWN_RETURN_PATHS: readonly (readonly [string, string])[] = [
  ["/dashboard", "/dashboard"],
  ["/account/password", "/account/password"],
  ["/account/password?step=2", "/account/password?step=2"],
  ["/admin/users?q=%E5%B1%B1%E7%94%B0&page=2", "/admin/users?q=%E5%B1%B1%E7%94%B0&page=2"],
  ["/dashboard#activity", "/dashboard"],
  ["/account/./password", "/account/password"],
];
