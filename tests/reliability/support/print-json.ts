/** Runs a support script's `main` and prints what it returns as JSON; it exits 1 (the error printed) if `main` throws. */
export function printJsonOf(main: () => Promise<unknown>): void {
  main().then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
