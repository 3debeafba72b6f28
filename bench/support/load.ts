import type { Dispatcher } from "undici";
import { nextTotpCode } from "./totp";
import { challengeDigits, hiddenInputs, VirtualUser, type Step } from "./vu";

/**
 * Closed-loop load: `vus` virtual users each repeat a flow of requests back to back for
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
  /** Iterations per client address (default ROTATE_EVERY): fewer when an iteration answers twice. */
  rotateEvery?: number;
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

/** A seeded user; `totpSecret` (base32) when they have an authenticator app turned on. */
export type BenchUser = { email: string; pattern: number[]; totpSecret?: string };

/**
 * The full sign-in: email entry (server action), challenge page, answer (server action), then,
 * for users with an authenticator app, the second step's page and its code (server action), and
 * the dashboard. Users with an app take turns per iteration (a code is accepted once per step);
 * the others keep one user per VU.
 */
export function signInFlow(users: readonly BenchUser[]): Flow {
  const secondStep = users.some((user) => user.totpSecret);
  const hidden = new WeakMap<VirtualUser, Record<string, string>>();
  const userOf = new WeakMap<VirtualUser, BenchUser>();
  let next = 0;
  return {
    steps: [
      "POST /login (email)",
      "GET /login/challenge",
      "POST /login/challenge (answer)",
      ...(secondStep ? ["GET /login/second-factor", "POST /login/second-factor (code)"] : []),
      "GET /dashboard",
    ],
    // Two answers per iteration (the matrix and the code) against the 30-per-5-minutes limit.
    rotateEvery: secondStep ? Math.floor(ROTATE_EVERY / 2) : ROTATE_EVERY,
    async prepare(vu) {
      userOf.set(vu, users[next++ % users.length]!);
      hidden.set(vu, hiddenInputs(expect(await vu.get("/login"), 200).body));
    },
    async run(vu) {
      const user = secondStep ? users[next++ % users.length]! : userOf.get(vu)!;
      vu.clearCookies();
      const email = expect(await vu.post("/login", hidden.get(vu)!, { email: user.email }), 303, "/login/challenge");
      const page = expect(await vu.get("/login/challenge"), 200);
      const digits = challengeDigits(page.body);
      const answer = user.pattern.map((cell) => digits[cell]).join("");
      const answered = expect(
        await vu.post("/login/challenge", hiddenInputs(page.body), { answer }),
        303,
        user.totpSecret ? "/login/second-factor" : "/dashboard",
      );
      const second: number[] = [];
      if (user.totpSecret) {
        const step = expect(await vu.get("/login/second-factor"), 200);
        const code = nextTotpCode(user.email, user.totpSecret);
        const verified = expect(
          await vu.post("/login/second-factor", hiddenInputs(step.body), { code }),
          303,
          "/dashboard",
        );
        second.push(step.ms, verified.ms);
      }
      const dashboard = expect(await vu.get("/dashboard"), 200);
      return { stepMs: [email.ms, page.ms, answered.ms, ...second, dashboard.ms] };
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
        if (++iterations % (flow.rotateEvery ?? ROTATE_EVERY) === 0) vu.ip = nextAddress();
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
