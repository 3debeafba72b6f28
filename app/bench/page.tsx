import { notFound } from "next/navigation";
import { connection } from "next/server";
import { env } from "@/env";
import { benchAction } from "./actions";

/**
 * Floor route for `npm run bench` (BENCH_ROUTES=1, 404 otherwise): a dynamic page holding one
 * form whose server action only redirects. Same root layout and proxy as the sign-in pages,
 * none of their work, so the bench can say what the framework alone costs.
 */
export default async function BenchFormPage() {
  await connection();
  if (env.BENCH_ROUTES !== "1") notFound();
  return (
    <form action={benchAction}>
      <button type="submit">Go</button>
    </form>
  );
}
