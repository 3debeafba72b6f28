import { count, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { matrixCredentials, users } from "@/db/schema";
import { confirmPattern, registerUser, saveDraft, verifyIdentity } from "@/lib/onboarding";
import { newPerson, STRONG_PATTERN, testContext, tokenOf } from "../support/people";

// Runs once, right after the next read of an onboarding session: the moment between a confirm
// reading the draft it showed and consuming the session, when another tab can still save one.
let mockAfterNextRead: (() => Promise<unknown>) | null = null;

jest.mock("@/db/queries/onboarding", () => {
  const actual = jest.requireActual("@/db/queries/onboarding");
  return {
    ...actual,
    findOpenOnboardingSession: async (...args: unknown[]) => {
      const session = await actual.findOpenOnboardingSession(...args);
      const afterRead = mockAfterNextRead;
      mockAfterNextRead = null;
      if (afterRead) await afterRead();
      return session;
    },
  };
});

afterAll(() => closeDb());

const OTHER_PATTERN = [...STRONG_PATTERN, 12];

test("a confirm whose draft another tab replaced meanwhile stores nothing; the other tab's confirm sets its own", async () => {
  const person = newPerson();
  const registered = await registerUser(person, testContext());
  if (!registered.ok) throw new Error(JSON.stringify(registered.fieldErrors));
  const verified = await verifyIdentity(tokenOf(registered.link), person, testContext());
  if (!verified.ok) throw new Error(JSON.stringify(verified));
  expect(await saveDraft(verified.sessionId, STRONG_PATTERN, new Date())).toEqual({ ok: true });

  mockAfterNextRead = () => saveDraft(verified.sessionId, OTHER_PATTERN, new Date());
  expect(await confirmPattern(verified.sessionId, testContext())).toEqual({ ok: false, error: "session-expired" });

  const db = await getDb();
  const stored = () =>
    db.select({ n: count() }).from(matrixCredentials).where(eq(matrixCredentials.userId, registered.userId));
  expect((await stored())[0]!.n).toBe(0);
  const [user] = await db.select().from(users).where(eq(users.id, registered.userId));
  expect(user!.status).toBe("invited");

  // The refused confirm rolled back whole: the session is still open, holding the newer draft.
  expect(await confirmPattern(verified.sessionId, testContext())).toEqual({ ok: true, userId: registered.userId });
  const [credential] = await db.select().from(matrixCredentials).where(eq(matrixCredentials.userId, registered.userId));
  expect(credential!.length).toBe(OTHER_PATTERN.length);
});
