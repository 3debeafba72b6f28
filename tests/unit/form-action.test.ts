import { z } from "zod";
import { formAction, formField, postAction } from "@/app/components/form-action";
import type { FormState } from "@/app/components/form-state";

/**
 * formAction: the one order every server action follows. A guard that refuses stops everything;
 * a form the schema refuses comes back with messages under its fields and runs nothing; a verb's
 * result code becomes the form's message. The catalogue is a stand-in that knows a few keys.
 */

const catalogue: Record<string, string> = {
  "FieldErrors.required": "Please fill in this field.",
  "FieldErrors.emailInvalid": "Enter an email address like name@example.com.",
  "AdminUsers.invalidChoice": "Choose one of the options.",
  "Test.taken": "That name is taken.",
};

jest.mock("next-intl/server", () => ({
  getTranslations: async () =>
    Object.assign((key: string) => catalogue[key] ?? `missing ${key}`, { has: (key: string) => key in catalogue }),
}));
jest.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("not found");
  },
}));

type Field = "email" | "name";
const form = (fields: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

function action(guard: () => Promise<string>) {
  const run = jest.fn(async (input: { email: string; name: string }, caller: string) =>
    input.name === "taken" ? { ok: false as const, code: "taken" } : { ok: true as const, caller },
  );
  const submit = formAction({
    fields: ["email", "name"] as Field[],
    guard,
    schema: z.object({
      email: formField
        .transform((email) => email.trim())
        .pipe(z.string().min(1, { error: "required" }))
        .pipe(z.email({ error: "emailInvalid" })),
      name: formField.pipe(z.string().min(1, { error: "required" })),
    }),
    run,
    refused: ({ fieldErrors }, { values, fieldMessages }): FormState<Field> => ({
      fieldErrors: fieldMessages(fieldErrors),
      values,
    }),
    messages: (result, { t }): FormState<Field> =>
      result.ok
        ? { message: `done by ${result.caller}`, tone: "success" }
        : { message: t(`Test.${result.code}` as never), tone: "error" },
  });
  return { run, submit };
}

const signedIn = async () => "operator-1";

test("bad input: each field's message sits under it, what was typed comes back, nothing runs", async () => {
  const { run, submit } = action(signedIn);
  expect(await submit({}, form({ email: "not an email", name: "" }))).toEqual({
    fieldErrors: { email: "Enter an email address like name@example.com.", name: "Please fill in this field." },
    values: { email: "not an email", name: "" },
  });
  expect(run).not.toHaveBeenCalled();
});

test("a file or a missing field where text belongs is refused like an empty field, not a 500", async () => {
  const { run, submit } = action(signedIn);
  const state = await submit({}, form({ name: new Blob(["x"]) }));
  expect(state.fieldErrors).toEqual({ email: "Please fill in this field.", name: "Please fill in this field." });
  expect(state.values).toEqual({ email: "", name: "" });
  expect(await submit({}, "not a form")).toMatchObject({ fieldErrors: { email: "Please fill in this field." } });
  expect(run).not.toHaveBeenCalled();
});

test("a refused caller: the guard's redirect or 404 stands, nothing is parsed or run", async () => {
  const { run, submit } = action(async () => {
    throw new Error("redirect /admin/reauth");
  });
  await expect(submit({}, form({ email: "a@example.com", name: "A" }))).rejects.toThrow("redirect /admin/reauth");
  expect(run).not.toHaveBeenCalled();
});

test("the verb runs with the parsed input and the guard's caller; its result code becomes the message", async () => {
  const { run, submit } = action(signedIn);
  expect(await submit({}, form({ email: " a@example.com", name: "A" }))).toEqual({
    message: "done by operator-1",
    tone: "success",
  });
  expect(run).toHaveBeenCalledWith({ email: "a@example.com", name: "A" }, "operator-1");
  expect(await submit({}, form({ email: "b@example.com", name: "taken" }))).toEqual({
    message: "That name is taken.",
    tone: "error",
  });
});

test("an unknown field error code reads as an invalid choice", async () => {
  const submit = formAction({
    fields: ["role"],
    guard: signedIn,
    schema: z.object({ role: z.enum(["customer", "operator"], { error: "noSuchRole" }) }),
    run: async () => "ran",
    refused: ({ fieldErrors }, { fieldMessages }) => ({ fieldErrors: fieldMessages(fieldErrors) }),
    messages: () => ({}),
  });
  expect(await submit({}, form({ role: "root" }))).toEqual({ fieldErrors: { role: "Choose one of the options." } });
});

test("without a refusal handler a refused post is a 404, and the verb does not run", async () => {
  const run = jest.fn(async () => null);
  const submit = postAction({
    fields: ["id"],
    guard: signedIn,
    schema: z.object({ id: z.uuid() }),
    run,
    messages: () => undefined,
  });
  await expect(submit(form({ id: "../etc" }))).rejects.toThrow("not found");
  expect(run).not.toHaveBeenCalled();
});
