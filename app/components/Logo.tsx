/** The portal mark: a small 3×3 grid with two highlighted cells. Decorative. */
export function Logo({ className = "size-8" }: { className?: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 32 32" className={className}>
      <rect width="32" height="32" rx="8" fill="#1d4ed8" />
      {[0, 1, 2].flatMap((row) =>
        [0, 1, 2].map((col) => {
          const highlighted = (row === 0 && col === 2) || (row === 2 && col === 0) || (row === 1 && col === 1);
          return (
            <rect
              key={`${row}-${col}`}
              x={7 + col * 6.5}
              y={7 + row * 6.5}
              width="5"
              height="5"
              rx="1.2"
              fill="#ffffff"
              fillOpacity={highlighted ? 1 : 0.35}
            />
          );
        }),
      )}
    </svg>
  );
}
