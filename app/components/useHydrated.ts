import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and until the page's script runs, then true: for controls that only work
 * with JavaScript (passkeys), so a browser without it shows what it can use instead.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
