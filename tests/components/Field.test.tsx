import { render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { TextField } from "@/app/components/TextField";
import { SelectField } from "@/app/admin/users/SelectField";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

function renderIn(locale: "en" | "ja", children: ReactNode) {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ja}>
      {children}
    </NextIntlClientProvider>,
  );
}

// DESIGN.md section 5: a control's accessible name is its label's text and nothing more.
test("a required field is named by its label alone, and its required state comes from the attribute", () => {
  renderIn("en", <TextField name="name" label="Name" hint="As registered." required />);
  const field = screen.getByRole("textbox", { name: "Name" });
  expect(field).toHaveAccessibleName("Name");
  expect(field).toBeRequired();
  expect(field).toHaveAccessibleDescription("As registered.");
  // The tag is still shown to sighted users.
  expect(screen.getByText("Required")).toBeVisible();
});

test.each([
  ["en", "Email address", "Required"],
  ["ja", "メールアドレス", "必須"],
] as const)("the required tag stays out of the name in %s", (locale, label, tag) => {
  renderIn(locale, <TextField name="email" type="email" label={label} required />);
  expect(screen.getByRole("textbox", { name: label })).toHaveAccessibleName(label);
  expect(screen.queryByRole("textbox", { name: `${label}${tag}` })).not.toBeInTheDocument();
});

test("an optional field and a select are named by their labels", () => {
  renderIn(
    "en",
    <>
      <TextField name="company" label="Company" hint="Optional." />
      <SelectField name="role" label="Role" options={[{ value: "customer", label: "Customer" }]} />
    </>,
  );
  expect(screen.getByRole("textbox", { name: "Company" })).not.toBeRequired();
  expect(screen.getByRole("combobox", { name: "Role" })).toHaveAccessibleName("Role");
});
