import Link from "next/link";
import { buttonClass } from "@/app/components/styles";

/** In place of a form that needs a recent sign-in: why, and the way to confirm it's you and come back. */
export function ReauthPrompt({ body, link, next }: { body: string; link: string; next: string }) {
  return (
    <>
      <p className="text-ink">{body}</p>
      <p className="mt-4">
        <Link href={`/admin/reauth?next=${next}`} className={buttonClass("primary")}>
          {link}
        </Link>
      </p>
    </>
  );
}
