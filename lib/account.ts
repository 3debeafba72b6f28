import { findUserById } from "@/db/queries/users";

/** The signed-in user's own profile, as shown on their dashboard. */
export async function accountProfile(userId: string) {
  const user = await findUserById(userId);
  return user ? { name: user.name, email: user.email, company: user.company, timeZone: user.timeZone } : undefined;
}
