/** Small colour helpers for keeping code colours readable (WCAG contrast). */

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const value = hex.replace('#', '');
  const full = value.length <= 4 ? [...value.slice(0, 3)].map((c) => c + c).join('') : value.slice(0, 6);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The WCAG contrast ratio of two hex colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(parseHex(a)), luminance(parseHex(b))].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/**
 * The colour nearest to `color` that reaches `ratio` against `background`, by mixing it towards
 * white (on a dark background) or black (on a light one).
 */
export function withContrast(color: string, background: string, ratio = 4.5): string {
  const towards: Rgb = luminance(parseHex(background)) < 0.5 ? [255, 255, 255] : [0, 0, 0];
  const start = parseHex(color);
  for (let step = 0; step <= 20; step++) {
    const mix = start.map((c, i) => c + (towards[i]! - c) * (step / 20)) as Rgb;
    const candidate = toHex(mix);
    if (contrast(candidate, background) >= ratio) return candidate;
  }
  return toHex(towards);
}

/** A hex colour's relative luminance (WCAG), 0 (black) to 1 (white). */
export const luminanceOf = (hex: string): number => luminance(parseHex(hex));

/** `color` mixed towards `other` by `amount` (0: color, 1: other), as hex. */
export function mix(color: string, other: string, amount: number): string {
  const [a, b] = [parseHex(color), parseHex(other)];
  return toHex(a.map((c, i) => c + (b[i]! - c) * amount) as Rgb);
}

/** A hex colour in CIE L*a*b* (D65): distances in it follow what the eye sees. */
function lab(hex: string): Rgb {
  const linear = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  const [r, g, b] = linear;
  const x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047;
  const y = r * 0.2126 + g * 0.7152 + b * 0.0722;
  const z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** How far apart two hex colours look: CIE76 ΔE (about 2 is just noticeable side by side, 50 is another hue). */
export function colorDifference(a: string, b: string): number {
  const [one, two] = [lab(a), lab(b)];
  return Math.hypot(one[0] - two[0], one[1] - two[1], one[2] - two[2]);
}
