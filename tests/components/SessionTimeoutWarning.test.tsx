import { act, fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { SessionTimeoutWarning } from "@/app/components/SessionTimeoutWarning";
import en from "@/messages/en.json";

const IDLE = 30 * 60;

function renderWarning() {
  return render(
    <NextIntlClientProvider locale="en" messages={en}>
      <SessionTimeoutWarning idleSeconds={IDLE} />
    </NextIntlClientProvider>,
  );
}

// The server's answer to GET /api/auth/session: a session, or null once it has ended.
function serverSession(user: object | null) {
  global.fetch = jest.fn().mockResolvedValue({ ok: true, json: async () => (user ? { user } : null) }) as jest.Mock;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("warns two minutes before the idle limit and moves focus to the extend button", () => {
  renderWarning();
  act(() => jest.advanceTimersByTime((IDLE - 121) * 1000));
  expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  act(() => jest.advanceTimersByTime(2000));
  expect(screen.getByRole("alertdialog", { name: "Are you still there?" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Stay signed in" })).toHaveFocus();
});

test("staying signed in asks the server and restarts the full idle period", async () => {
  serverSession({ id: "u1" });
  renderWarning();
  act(() => jest.advanceTimersByTime((IDLE - 60) * 1000));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Stay signed in" })));
  expect(global.fetch).toHaveBeenCalledWith("/api/auth/session", { cache: "no-store" });
  expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  act(() => jest.advanceTimersByTime((IDLE - 130) * 1000));
  expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
});

test("says the session has ended when the server no longer has it", async () => {
  serverSession(null);
  renderWarning();
  act(() => jest.advanceTimersByTime((IDLE - 60) * 1000));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Stay signed in" })));
  expect(screen.getByRole("alertdialog", { name: "Your session has ended" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Sign in again" })).toHaveAttribute("href", "/login");
});
