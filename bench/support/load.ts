import type { Dispatcher } from "undici";
import { challengeDigits, hiddenInputs, VirtualUser, type Step } from "./vu";

/**
 * Closed-loop load: `vus` virtual users each repeat a flow of four requests back to back for
 * a fixed time. Iterations that complete during the warm-up or after the window are not
 * counted (errors always are).
 */

export type FlowResult = { stepMs: number[] };
export type Flow = {
  steps: readonly string[];
  /** Once per VU, before timing starts. */
  prepare(vu: VirtualUser): Promise<void>;
  /** One complete iteration; throws on any unexpected answer. */
  run(vu: VirtualUser): Promise<FlowResult>;
};

export type LoadResult = {
  vus: number;
  seconds: number;
  completed: number;
  errors: number;
  firstErrors: string[];
  perStep: number[][];
  /** Database transactions committed during the run (warm-up included) per iteration started. */
  transactionsPerIteration?: number;
  iterationsStarted?: number;
};

function expect(step: Step, status: number, location?: string): Step {
  const locationOk =
    location === undefined || (step.location !== null && new URL(step.location, "http://x").pathname === location);
  if (step.status !== status || !locationOk) {
    throw new Error(
      `expected ${status}${location ? ` -> ${location}` : ""}, got ${step.status}${step.location ? ` -> ${step.location}` : ""}`,
    );
  }
  return step;
}

export type BenchUser = { email: string; pattern: number[] };

/** The full sign-in: email entry (server action), challenge page, answer (server action), dashboard. */
export function signInFlow(users: readonly BenchUser[]): Flow {
  const hidden = new WeakMap<VirtualUser, Record<string, string>>();
  const userOf = new WeakMap<VirtualUser, BenchUser>();
  let next = 0;
  return {
    steps: ["POST /login (email)", "GET /login/challenge", "POST /login/challenge (answer)", "GET /dashboard"],
    async prepare(vu) {
      userOf.set(vu, users[next++ % users.length]!);
      hidden.set(vu, hiddenInputs(expect(await vu.get("/login"), 200).body));
    },
    async run(vu) {
      const user = userOf.get(vu)!;
      vu.clearCookies();
      const email = expect(await vu.post("/login", hidden.get(vu)!, { email: user.email }), 303, "/login/challenge");
      const page = expect(await vu.get("/login/challenge"), 200);
      const digits = challengeDigits(page.body);
      const answer = user.pattern.map((cell) => digits[cell]).join("");
      const answered = expect(
        await vu.post("/login/challenge", hiddenInputs(page.body), { answer }),
        303,
        "/dashboard",
      );
      const dashboard = expect(await vu.get("/dashboard"), 200);
      return { stepMs: [email.ms, page.ms, answered.ms, dashboard.ms] };
    },
  };
}

/** The framework floor: the same four kinds of request against trivial routes (BENCH_ROUTES=1). */
export function floorFlow(): Flow {
  const hidden = new WeakMap<VirtualUser, Record<string, string>>();
  return {
    steps: ["POST /bench (action)", "GET /bench/page", "POST /bench/page (action)", "GET /bench/page"],
    async prepare(vu) {
      hidden.set(vu, hiddenInputs(expect(await vu.get("/bench"), 200).body));
    },
    async run(vu) {
      vu.clearCookies();
      const first = expect(await vu.post("/bench", hidden.get(vu)!, {}), 303, "/bench/page");
      const page = expect(await vu.get("/bench/page"), 200);
      const again = expect(await vu.post("/bench/page", hiddenInputs(page.body), {}), 303, "/bench/page");
      const last = expect(await vu.get("/bench/page"), 200);
      return { stepMs: [first.ms, page.ms, again.ms, last.ms] };
    },
  };
}

/**
 * Per-VU addresses, rotated every 25 iterations: below the 30-per-5-minutes per-IP limits.
 * Each in a /64 of its own: per-address limits count an IPv6 /64 as one client.
 */
let addressCounter = 0;
const ROTATE_EVERY = 25;
function nextAddress(): string {
  const n = ++addressCounter;
  return `2001:db8:${(n >> 16).toString(16)}:${(n & 0xffff).toString(16)}::1`;
}

export async function runLoad(
  base: string,
  agent: Dispatcher,
  flow: Flow,
  options: { vus: number; warmupMs: number; durationMs: number },
): Promise<LoadResult> {
  const { vus, warmupMs, durationMs } = options;
  const users = Array.from({ length: vus }, () => new VirtualUser(base, agent, nextAddress()));
  await Promise.all(users.map((vu) => flow.prepare(vu)));
  const perStep: number[][] = flow.steps.map(() => []);
  const firstErrors: string[] = [];
  let completed = 0;
  let errors = 0;
  const start = performance.now();
  const countFrom = start + warmupMs;
  const end = countFrom + durationMs;

  let started = 0;
  await Promise.all(
    users.map(async (vu) => {
      let iterations = 0;
      while (performance.now() < end) {
        started++;
        if (++iterations % ROTATE_EVERY === 0) vu.ip = nextAddress();
        try {
          const { stepMs } = await flow.run(vu);
          // Counted when it completes inside the window (a closed loop's throughput).
          const finished = performance.now();
          if (finished >= countFrom && finished <= end) {
            completed++;
            stepMs.forEach((ms, i) => perStep[i]!.push(ms));
          }
        } catch (error) {
          // Counted during the warm-up too: the flow must never fail.
          errors++;
          if (firstErrors.length < 5) firstErrors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  return {
    vus,
    seconds: durationMs / 1000,
    completed,
    errors,
    firstErrors,
    perStep,
    iterationsStarted: started,
  };
}
