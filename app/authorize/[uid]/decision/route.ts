import { NextResponse } from "next/server";
import { z } from "zod";
import { requestContext } from "@/lib/http/request-context";
import { answerConsent } from "@/lib/oidc/interaction";
import { currentUser } from "@/lib/sessions/guard";

const decision = z.object({ decision: z.enum(["allow", "deny"]) });

/**
 * The consent page's Allow / Deny. A plain form post answered with a redirect (not a server
 * action): the browser then follows the provider's redirect to the application itself.
 */
export async function POST(request: Request, { params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const form = await request.formData().catch(() => null);
  const parsed = decision.safeParse({ decision: form?.get("decision") });
  const user = await currentUser();
  const to = (location: string) => NextResponse.redirect(new URL(location, request.url), 303);
  if (!parsed.success || !user) return to(`/authorize/${encodeURIComponent(uid)}`);
  const next = await answerConsent(
    request.headers,
    uid,
    parsed.data.decision === "allow",
    user.id,
    await requestContext(),
  );
  return to(next ?? "/authorize/ended");
}
