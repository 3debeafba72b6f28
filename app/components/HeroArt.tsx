import { examplePattern } from "./MatrixExample";

const cell = 30;
const gap = 8;
const blockGap = 22;

function centre(row: number, col: number): [number, number] {
  const block = Math.floor(col / 4);
  const x = 24 + col * (cell + gap) + block * (blockGap - gap) + cell / 2;
  const y = 24 + row * (cell + gap) + cell / 2;
  return [x, y];
}

/**
 * Decorative hero illustration: the 4×12 grid as three blocks, with the example pattern's
 * cells highlighted and joined in click order. No text, aria-hidden.
 */
export function HeroArt({ className = "" }: { className?: string }) {
  const width = 24 * 2 + 12 * cell + 11 * gap + 2 * (blockGap - gap);
  const height = 24 * 2 + 4 * cell + 3 * gap;
  const path = examplePattern.map(([r, c]) => centre(r, c).join(",")).join(" ");
  return (
    <svg aria-hidden="true" focusable="false" viewBox={`0 0 ${width} ${height}`} className={className}>
      <rect x="0.5" y="0.5" width={width - 1} height={height - 1} rx="20" fill="#f5f7fb" stroke="#e2e8f0" />
      {[0, 1, 2, 3].flatMap((row) =>
        Array.from({ length: 12 }, (_, col) => {
          const [x, y] = centre(row, col);
          const order = examplePattern.findIndex(([r, c]) => r === row && c === col);
          return (
            <rect
              key={`${row}-${col}`}
              x={x - cell / 2}
              y={y - cell / 2}
              width={cell}
              height={cell}
              rx="7"
              fill={order === -1 ? "#ffffff" : "#0f766e"}
              stroke={order === -1 ? "#e2e8f0" : "#0f766e"}
            />
          );
        }),
      )}
      <polyline
        points={path}
        fill="none"
        stroke="#1d4ed8"
        strokeWidth="2.5"
        strokeDasharray="5 5"
        strokeLinecap="round"
        strokeLinejoin="round"
        opacity="0.75"
      />
      {examplePattern.map(([r, c], i) => {
        const [x, y] = centre(r, c);
        return (
          <g key={i}>
            <circle cx={x} cy={y} r="9" fill="#ffffff" />
            <text
              x={x}
              y={y + 4}
              textAnchor="middle"
              fontSize="11"
              fontWeight="700"
              fill="#0f766e"
              fontFamily="system-ui, sans-serif"
            >
              {i + 1}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
