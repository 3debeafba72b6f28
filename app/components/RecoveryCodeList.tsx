/** Recovery codes as they are shown once: a named list, in a monospace grid that is easy to copy or print. */
export function RecoveryCodeList({ codes, label }: { codes: readonly string[]; label: string }) {
  return (
    <ul
      aria-label={label}
      className="grid grid-cols-1 gap-2 rounded-xl border border-line bg-canvas p-4 font-mono text-base text-ink min-[360px]:grid-cols-2"
    >
      {codes.map((code) => (
        <li key={code} className="tracking-wide">
          {code}
        </li>
      ))}
    </ul>
  );
}
