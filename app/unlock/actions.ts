"use server";

import { redirect } from "next/navigation";
import { identityAction } from "@/app/components/identity-action";
import { unlockWithLink } from "@/lib/login";
import { requestContext } from "@/lib/http/request-context";

/** The unlock link's identity form. Success leaves the link's URL for one that carries no token. */
export const unlockAccountAction = identityAction({
  run: async (token, identity) => unlockWithLink(token, identity, await requestContext()),
  done: async () => redirect("/unlock/done"),
  messages: (t, refusal) =>
    ({
      mismatch: () => t("Unlock.mismatch", { remaining: refusal.remaining }),
      "link-invalid": () => t("Unlock.invalidBody"),
      "link-voided": () => t("Unlock.linkVoided"),
      "rate-limited": () => t("Onboarding.rateLimited"),
    })[refusal.error](),
});
