import { closeDb } from "@/db/client";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/http/rate-limit";
import { randomInt } from "node:crypto";

afterAll(() => closeDb());

const limit = RATE_LIMITS.loginEmailPerIp;
const at = new Date("2001-05-01T00:00:00Z");
// Fresh subjects per run: a PostgreSQL database keeps the counters of earlier runs.
const hex = () => randomInt(0x10000).toString(16);
const net64 = `2001:db8:${hex()}:${hex()}`;
const [v4, v4Next] = [`198.51.${randomInt(256)}.20`, `198.51.${randomInt(256)}.21`];
const mapped = (ip: string) => `::ffff:${ip}`;
const mappedHex = (ip: string) => {
  const [a, b, c, d] = ip.split(".").map(Number) as [number, number, number, number];
  return `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
};

test("per-address limits count an IPv6 /64 as one client, and an IPv4-mapped address as its IPv4 address", async () => {
  for (let i = 1; i <= limit.limit; i++)
    expect(await consumeRateLimit(limit, `${net64}::${i.toString(16)}`, at)).toBe(true);
  expect(await consumeRateLimit(limit, `${net64}:ffff:ffff:ffff:ffff`, at)).toBe(false);
  expect(await consumeRateLimit(limit, `2001:db8:${hex()}:${hex()}::1`, at)).toBe(true);

  for (let i = 1; i <= limit.limit; i++) expect(await consumeRateLimit(limit, i % 2 ? v4 : mapped(v4), at)).toBe(true);
  expect(await consumeRateLimit(limit, mappedHex(v4), at)).toBe(false);
  expect(await consumeRateLimit(limit, v4Next, at)).toBe(true);
});

test("per-email limits count the address, in any letter case", async () => {
  const perEmail = RATE_LIMITS.resendPerEmail;
  const email = `mika-${hex()}${hex()}@example.com`;
  for (let i = 0; i < perEmail.limit; i++)
    expect(await consumeRateLimit(perEmail, i % 2 ? email.toUpperCase() : email, at)).toBe(true);
  expect(await consumeRateLimit(perEmail, `M${email.slice(1)}`, at)).toBe(false);
});
