import { useId } from "react";

/** The product logo: two contacts on a blue tile. Decorative; the product name is always next to it. */
export function BrandMark({ size = 32 }: { size?: number }) {
  const gradientId = useId();
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#3b6ff5" />
          <stop offset="1" stopColor="#1a3fb3" />
        </linearGradient>
      </defs>
      <rect width="64" height="64" rx="14" fill={`url(#${gradientId})`} />
      <circle cx="25" cy="26" r="8" fill="#fff" />
      <path d="M11 48c1.5-8 7-12 14-12s12.5 4 14 12z" fill="#fff" />
      <circle cx="44" cy="22" r="6" fill="#9ec0ff" />
      <path d="M37 34c2-1.5 4.3-2.2 7-2.2 5.6 0 9.6 3.3 11 10.2H41c-.8-3.2-2.1-5.9-4-8z" fill="#9ec0ff" />
    </svg>
  );
}
