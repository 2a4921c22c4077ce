/** A simple face for each rating score, drawn in SVG so it needs no reading and no image files. */
const COLORS: Record<number, string> = { 4: '#1e7a3c', 3: '#5a9e2f', 2: '#b07d00', 1: '#9b1c1c' };
/** Mouth curves from a broad smile (4) to a frown (1). */
const MOUTHS: Record<number, string> = {
  4: 'M30 60 Q50 80 70 60',
  3: 'M32 62 Q50 72 68 62',
  2: 'M33 65 L67 65',
  1: 'M32 70 Q50 56 68 70',
};

export function RatingFace({ score, size }: { score: number; size: number }) {
  const color = COLORS[score] ?? COLORS[2];
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" aria-hidden="true" className="face">
      <circle cx="50" cy="50" r="46" fill="#fff" stroke={color} strokeWidth="6" />
      <circle cx="36" cy="40" r="6" fill={color} />
      <circle cx="64" cy="40" r="6" fill={color} />
      <path d={MOUTHS[score] ?? MOUTHS[2]} fill="none" stroke={color} strokeWidth="6" strokeLinecap="round" />
    </svg>
  );
}
