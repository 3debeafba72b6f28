import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expectedAnswer } from "@/lib/matrix";
import { STRONG_PATTERN } from "../../support/people";
import { appEnv, type AppOptions } from "./app-server";
import { FormClient, gridDigits, type Reply } from "./form-client";

const run = promisify(execFile);

async function seed<T>(options: Omit<AppOptions, "port">, kind: string, count: number): Promise<T[]> {
  const { stdout } = await run(
    process.execPath,
    ["node_modules/.bin/tsx", "tests/reliability/support/seed-users.ts", kind, String(count)],
    {
      env: { ...appEnv({ ...options, port: 3599 }), NODE_ENV: "test" },
    },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as T[];
}

/** Emails of onboarded customers (matrix password STRONG_PATTERN) in the app's database. */
export const seedUsers = (options: Omit<AppOptions, "port">, count: number) =>
  seed<string>(options, "onboarded", count);

export type Invited = { email: string; name: string; phone: string; link: string };
/** Invited customers with their starting-guide links. */
export const seedInvited = (options: Omit<AppOptions, "port">, count: number) =>
  seed<Invited>(options, "registered", count);

/** Onboarding without JavaScript: identity, pattern, confirmation. Returns the first reply that was not the expected redirect. */
export async function onboard(
  client: FormClient,
  person: Invited,
): Promise<{ done: boolean; reply: Reply; step: string }> {
  const path = new URL(person.link).pathname;
  const steps: [string, string, Record<string, string>, string][] = [
    [path, 'name="phone"', { email: person.email, name: person.name, phone: person.phone }, "/start/pattern"],
    ["/start/pattern", 'name="pattern"', { pattern: STRONG_PATTERN.join(",") }, "/start/confirm"],
    ["/start/confirm", 'name="$ACTION_KEY"', {}, "/start/done"],
  ];
  for (const [page, marker, fields, next] of steps) {
    const form = await client.get(page);
    if (form.status !== 200) return { done: false, reply: form, step: `GET ${page}` };
    const reply = await client.submit(form, marker, fields, page);
    if (reply.status !== 303 || !reply.location?.endsWith(next)) return { done: false, reply, step: `POST ${page}` };
  }
  return { done: true, reply: await client.get("/start/done"), step: "done" };
}

/** Enters the email on /login; returns the challenge page (or whatever answered instead). */
export async function startSignIn(client: FormClient, email: string): Promise<{ post: Reply; page?: Reply }> {
  const login = await client.get("/login");
  if (login.status !== 200) return { post: login };
  const post = await client.submit(login, 'name="email"', { email }, "/login");
  if (post.status !== 303 || !post.location?.includes("/login/challenge")) return { post };
  return { post, page: await client.get("/login/challenge") };
}

/** Answers the challenge page with the right code for STRONG_PATTERN. */
export async function answer(client: FormClient, challenge: Reply, correct = true): Promise<Reply> {
  if (challenge.status !== 200) return challenge;
  const digits = gridDigits(challenge.html);
  if (!/^\d{48}$/.test(digits)) throw new Error(`No challenge grid (status ${challenge.status})`);
  let code = expectedAnswer(digits, STRONG_PATTERN);
  if (!correct) code = code.replace(/./g, (d) => String((Number(d) + 1) % 10));
  return client.submit(challenge, 'name="answer"', { answer: code }, "/login/challenge");
}

/** Signs in end to end; returns the final answer (303 to /terms or /dashboard on success). */
export async function signIn(client: FormClient, email: string): Promise<Reply> {
  const { post, page } = await startSignIn(client, email);
  if (!page) return post;
  return answer(client, page);
}
