import { createPacer } from "@/lib/mail/transport";

test("the pacer lets requests go as soon as the rolling one-second window allows, never more than the limit", async () => {
  const pace = createPacer(4);
  const started = Date.now();
  const turns: number[] = [];
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      const end = await pace();
      turns.push(Date.now() - started);
      end();
    }),
  );
  turns.sort((a, b) => a - b);
  // No second holds more than four requests ...
  for (let i = 0; i + 4 < turns.length; i++) expect(turns[i + 4]! - turns[i]!).toBeGreaterThanOrEqual(1000);
  // ... and none waits longer than needed: the first four at once, the next four a window later.
  expect(turns[3]!).toBeLessThan(200);
  expect(turns[4]!).toBeLessThan(1300);
  expect(turns[9]!).toBeLessThan(2400);
});

test("a request holds its turn until its response is back, and the second counts from then", async () => {
  const pace = createPacer(1);
  const started = Date.now();
  const endFirst = await pace();
  const second = pace().then(() => Date.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 300)); // the first request takes 300 ms
  endFirst();
  expect(await second).toBeGreaterThanOrEqual(1300);
});
