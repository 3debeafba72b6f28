"use server";

import { notFound, redirect } from "next/navigation";
import { env } from "@/env";

/**
 * The framework floor for `npm run bench`: a server action that does nothing but redirect,
 * posted the way /login posts its form. Off (404) unless BENCH_ROUTES=1. It stays outside
 * formAction on purpose: the floor must not include the parsing and catalogue loading it adds.
 */
export async function benchAction(): Promise<void> {
  if (env.BENCH_ROUTES !== "1") notFound();
  redirect("/bench/page");
}
