import type { APIRequestContext, APIResponse } from "@playwright/test";
import { formActionId, hiddenFields } from "../../e2e/support/portal";
import { newClient, postForm, responseShape } from "./http";

/** The sign-in and resend forms' server-action fields, read once from the pages' HTML. */
export type PortalForms = { login: string; answer: string; resend: Record<string, string> };

export async function readPortalForms(baseURL: string, activeEmail: string): Promise<PortalForms> {
  const client = await newClient(baseURL);
  const login = formActionId(await (await client.get("/login")).text(), "email");
  await postForm(client, "/login", { [`$ACTION_ID_${login}`]: "", email: activeEmail });
  const answer = formActionId(await (await client.get("/login/challenge")).text(), "answer");
  const resend = hiddenFields(await (await client.get("/start/resend")).text(), "email");
  await client.dispose();
  return { login, answer, resend };
}

export function enterEmail(client: APIRequestContext, forms: PortalForms, email: string): Promise<APIResponse> {
  return postForm(client, "/login", { [`$ACTION_ID_${forms.login}`]: "", email });
}

export function sendAnswer(client: APIRequestContext, forms: PortalForms, code: string): Promise<APIResponse> {
  return postForm(client, "/login/challenge", { [`$ACTION_ID_${forms.answer}`]: "", answer: code });
}

export function requestResend(client: APIRequestContext, forms: PortalForms, email: string): Promise<APIResponse> {
  return postForm(client, "/start/resend", { ...forms.resend, email });
}

/** The 48 digits of the client's pending challenge, read from the page as a person reads it. */
export async function challengeDigits(client: APIRequestContext): Promise<string> {
  const html = await (await client.get("/login/challenge")).text();
  const table = html.slice(html.indexOf("<tbody"), html.indexOf("</tbody>"));
  const digits = [...table.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)]
    .map((match) => match[1]!.replace(/<[^>]*>/g, "").trim())
    .join("");
  if (!/^\d{48}$/.test(digits)) throw new Error("No challenge grid on the page");
  return digits;
}

export const codeFor = (digits: string, pattern: readonly number[]) => pattern.map((cell) => digits[cell]).join("");
export const wrongFor = (digits: string, pattern: readonly number[]) =>
  codeFor(digits, pattern)
    .split("")
    .map((digit) => String((Number(digit) + 1) % 10))
    .join("");

/**
 * A whole sign-in attempt from a fresh client: email, grid, then the right or a wrong code.
 * Returns the answer's response shape (see responseShape).
 */
export async function attemptSignIn(
  baseURL: string,
  forms: PortalForms,
  email: string,
  pattern: readonly number[],
  right: boolean,
): Promise<string> {
  const client = await newClient(baseURL);
  await enterEmail(client, forms, email);
  const digits = await challengeDigits(client);
  const shape = await responseShape(
    await sendAnswer(client, forms, right ? codeFor(digits, pattern) : wrongFor(digits, pattern)),
  );
  await client.dispose();
  return shape;
}
