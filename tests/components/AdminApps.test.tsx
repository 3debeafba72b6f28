import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { RegisterAppForm } from "@/app/admin/apps/RegisterAppForm";
import { RotateSecretForm } from "@/app/admin/apps/RotateSecretForm";
import type { RegisterAppState, RotateSecretState } from "@/app/admin/apps/fields";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

/**
 * The applications page's forms (DESIGN.md section 5): controls named by their labels alone,
 * errors under their fields, and a new secret shown from the action's answer only.
 */

function renderIn(locale: "en" | "ja", children: ReactNode) {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ja}>
      {children}
    </NextIntlClientProvider>,
  );
}

const never = () => new Promise<never>(() => {});

test("the register form's controls are named by their labels, with the defaults of lib", () => {
  renderIn("en", <RegisterAppForm action={never} />);
  expect(screen.getByRole("textbox", { name: "Application name" })).toBeRequired();
  expect(screen.getByRole("textbox", { name: "Redirect URIs" })).toBeRequired();
  expect(screen.getByRole("textbox", { name: "Post-logout redirect URIs" })).not.toBeRequired();
  const scopes = screen.getByRole("group", { name: "Scopes" });
  expect(within(scopes).getByRole("checkbox", { name: "email" })).toBeChecked();
  expect(within(scopes).getByRole("checkbox", { name: "profile" })).toBeChecked();
  expect(within(scopes).getByRole("checkbox", { name: "company" })).not.toBeChecked();
  expect(within(scopes).getByRole("checkbox", { name: "offline_access" })).not.toBeChecked();
  expect(within(scopes).getByRole("checkbox", { name: "email" })).toHaveAccessibleDescription(
    "The user's email address",
  );
  const type = screen.getByRole("group", { name: "Client type" });
  expect(within(type).getByRole("radio", { name: "Confidential" })).toBeChecked();
  expect(within(type).getByRole("radio", { name: "Public" })).not.toBeChecked();
  expect(screen.getByRole("checkbox", { name: "First-party (skip consent)" })).not.toBeChecked();
  expect(screen.getByRole("button", { name: "Register application" })).toBeEnabled();
});

test("the names in Japanese", () => {
  renderIn("ja", <RegisterAppForm action={never} />);
  expect(screen.getByRole("textbox", { name: "アプリケーション名" })).toBeInTheDocument();
  expect(screen.getByRole("textbox", { name: "リダイレクト URI" })).toBeInTheDocument();
  expect(screen.getByRole("textbox", { name: "ログアウト後のリダイレクト URI" })).toBeInTheDocument();
  expect(screen.getByRole("radio", { name: "コンフィデンシャル" })).toBeChecked();
  expect(screen.getByRole("checkbox", { name: "自社アプリケーション（同意を省略）" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "アプリケーションを登録" })).toBeInTheDocument();
});

test("a refusal comes back under its fields, and what was typed and ticked is kept", async () => {
  const refused: RegisterAppState = {
    tone: "error",
    message: en.AdminApps.fixErrors,
    fieldErrors: {
      redirectUris: "Line 2: enter a complete https address (http only on localhost), without a # fragment.",
    },
    values: {
      name: "Billing",
      redirectUris: "https://billing.example/cb\nftp://nope",
      postLogoutRedirectUris: "",
      clientType: "public",
      firstParty: "on",
      scope_email: "",
      scope_profile: "on",
      scope_company: "on",
      scope_offline_access: "",
    },
  };
  const action = jest.fn(async () => refused);
  renderIn("en", <RegisterAppForm action={action} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Register application" })));
  expect(action).toHaveBeenCalledTimes(1);
  const uris = screen.getByRole("textbox", { name: "Redirect URIs" });
  expect(uris).toHaveValue("https://billing.example/cb\nftp://nope");
  expect(uris).toBeInvalid();
  expect(uris).toHaveAccessibleDescription(expect.stringContaining("Line 2: enter a complete https address"));
  expect(screen.getByRole("textbox", { name: "Application name" })).toHaveValue("Billing");
  expect(screen.getByRole("checkbox", { name: "email" })).not.toBeChecked();
  expect(screen.getByRole("checkbox", { name: "company" })).toBeChecked();
  expect(screen.getByRole("radio", { name: "Public" })).toBeChecked();
  expect(screen.getByRole("checkbox", { name: "First-party (skip consent)" })).toBeChecked();
  // The summary links to the field.
  expect(screen.getByRole("link", { name: /^Redirect URIs: Line 2/ })).toHaveAttribute("href", "#redirectUris");
});

test("once registered, the client id and secret are shown from the action's answer", async () => {
  const action = jest.fn(async (): Promise<RegisterAppState> => ({
    tone: "success",
    message: "Billing is registered.",
    registered: { clientId: "client-123", clientSecret: "secret-456" },
  }));
  renderIn("en", <RegisterAppForm action={action} />);
  expect(screen.queryByText("secret-456")).not.toBeInTheDocument();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Register application" })));
  expect(screen.getByRole("status")).toHaveTextContent("Billing is registered.");
  expect(screen.getByText("client-123")).toBeInTheDocument();
  expect(screen.getByText("secret-456")).toBeInTheDocument();
  expect(screen.getByText(/will not be shown again/)).toBeInTheDocument();
  // The form is ready for the next application.
  expect(screen.getByRole("textbox", { name: "Application name" })).toHaveValue("");
});

test("rotating shows the new secret once, beside its application", async () => {
  const action = jest.fn(async (): Promise<RotateSecretState> => ({ clientSecret: "new-secret", tone: "success" }));
  renderIn(
    "en",
    <>
      <p id="billing-name">Billing</p>
      <RotateSecretForm action={action} clientId="client-123" name="Billing" describedBy="billing-name" />
    </>,
  );
  const button = screen.getByRole("button", { name: "Rotate secret" });
  expect(button).toHaveAccessibleDescription("Billing");
  await act(async () => fireEvent.click(button));
  const sent = (action.mock.calls[0] as unknown[])[1] as FormData;
  expect(sent.get("clientId")).toBe("client-123");
  expect(screen.getByText("new-secret")).toBeInTheDocument();
  expect(screen.getByText("Billing has a new client secret. The previous one no longer works.")).toBeInTheDocument();
});
