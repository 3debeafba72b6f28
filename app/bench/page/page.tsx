import { notFound } from "next/navigation";
import { connection } from "next/server";
import { env } from "@/env";
import { benchAction } from "../actions";

/** Floor route for `npm run bench` (BENCH_ROUTES=1, 404 otherwise): a trivial dynamic page. */
export default async function BenchDynamicPage() {
  await connection();
  if (env.BENCH_ROUTES !== "1") notFound();
  return (
    <form action={benchAction}>
      <p>{new Date().toISOString()}</p>
      <button type="submit">Again</button>
    </form>
  );
}
