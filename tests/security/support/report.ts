/**
 * Prints a scenario's measured figure on its own line (e.g. "confirm race: 1/50 succeeded"), so
 * a CI log shows the numbers docs/SECURITY.md quotes. Written past jest's console capture.
 */
export function reportFigure(line: string): void {
  process.stdout.write(`  [figure] ${line}\n`);
}
