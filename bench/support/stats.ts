import type { Delivery, RequestRecord } from "../../tests/support/fake-resend";

/** Percentiles and medians over latency samples (milliseconds). */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "-";
  return value.toFixed(digits);
}

/** What the fake Resend answered during a run, read from its request log. */
export type ProviderStats = {
  accepted: number;
  rateLimited: number;
  replayed: number;
  rejected: number;
  firstAt: number | null;
  lastAt: number | null;
};

export function providerStats(requests: readonly RequestRecord[]): ProviderStats {
  const accepted = requests.filter((r) => r.outcome === 200 && !r.replayed);
  const count = (test: (r: RequestRecord) => boolean) => requests.filter(test).length;
  return {
    accepted: accepted.length,
    rateLimited: count((r) => r.outcome === 429),
    replayed: count((r) => r.replayed),
    rejected: count((r) => r.outcome === 400 || r.outcome === 422),
    firstAt: accepted[0]?.at ?? null,
    lastAt: accepted.at(-1)?.at ?? null,
  };
}

/** How many times each address was delivered to, to prove none was lost or duplicated. */
export function deliveriesPerRecipient(deliveries: readonly Delivery[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const delivery of deliveries) for (const to of delivery.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}
