/**
 * @module demo/images
 * Local, deterministic demo images: abstract editorial illustrations drawn as SVG and rasterised
 * with sharp. Nothing is fetched from the network and no text is drawn, except the initials on
 * author avatars. The same scene and seed always give the same picture.
 */
import sharp from 'sharp';

export type Scene =
  | 'harbour'
  | 'city'
  | 'mountains'
  | 'lake'
  | 'rail'
  | 'library'
  | 'stadium'
  | 'market'
  | 'parliament'
  | 'laboratory'
  | 'field'
  | 'festival'
  | 'cinema'
  | 'chess'
  | 'desert'
  | 'chart'
  | 'portrait';

export const SCENES: readonly Scene[] = [
  'harbour',
  'city',
  'mountains',
  'lake',
  'rail',
  'library',
  'stadium',
  'market',
  'parliament',
  'laboratory',
  'field',
  'festival',
  'cinema',
  'chess',
  'desert',
  'chart',
  'portrait',
];

// ---------------------------------------------------------------------------------------------
// Seeded randomness and colour helpers
// ---------------------------------------------------------------------------------------------

interface Rng {
  (): number;
  range(min: number, max: number): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function makeRng(seed: string): Rng {
  let state = hashString(seed) || 1;
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = next as Rng;
  rng.range = (min, max) => min + (max - min) * next();
  rng.int = (min, max) => Math.floor(min + (max - min + 1) * next());
  rng.pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  rng.chance = (p) => next() < p;
  return rng;
}

/** Rounds coordinates so the SVG stays small. */
const n = (v: number): string => String(Math.round(v * 10) / 10);

function rgbOf(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}
const hexOf = (r: number, g: number, b: number): string =>
  `#${[r, g, b]
    .map((c) =>
      Math.max(0, Math.min(255, Math.round(c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** Linear mix of two hex colours, t = 0 gives a, t = 1 gives b. */
function mix(a: string, b: string, t: number): string {
  const [r1, g1, b1] = rgbOf(a);
  const [r2, g2, b2] = rgbOf(b);
  return hexOf(r1 + (r2 - r1) * t, g1 + (g2 - g1) * t, b1 + (b2 - b1) * t);
}
const darken = (c: string, t: number): string => mix(c, '#000000', t);
const lighten = (c: string, t: number): string => mix(c, '#ffffff', t);

// ---------------------------------------------------------------------------------------------
// Palettes: hand-picked so every seed stays tasteful
// ---------------------------------------------------------------------------------------------

interface Palette {
  skyTop: string;
  skyBottom: string;
  sun: string;
  /** Far to near land tones. */
  land: [string, string, string];
  water: string;
  accents: string[];
  night: boolean;
}

const PALETTES: Palette[] = [
  {
    skyTop: '#2b4a6f',
    skyBottom: '#f2c49b',
    sun: '#fff1d6',
    land: ['#7d7f9a', '#4f5d75', '#2d3142'],
    water: '#3f5f7f',
    accents: ['#ef8354', '#e4b363', '#5b8e7d', '#c75d5d'],
    night: false,
  },
  {
    skyTop: '#8ec5e6',
    skyBottom: '#e8f3f8',
    sun: '#fffbe8',
    land: ['#9fb8ad', '#5e8c61', '#2f5233'],
    water: '#4f86a6',
    accents: ['#d1495b', '#edae49', '#00798c', '#30638e'],
    night: false,
  },
  {
    skyTop: '#f6bd60',
    skyBottom: '#f7ede2',
    sun: '#fff4e0',
    land: ['#d8a48f', '#a26769', '#582c4d'],
    water: '#84a59d',
    accents: ['#f28482', '#84a59d', '#3d405b', '#e07a5f'],
    night: false,
  },
  {
    skyTop: '#0f1c3f',
    skyBottom: '#3a4a7a',
    sun: '#f5efd6',
    land: ['#2e3a66', '#1f2a4d', '#111831'],
    water: '#1d2d57',
    accents: ['#ffd166', '#ef476f', '#06d6a0', '#f4a261'],
    night: true,
  },
  {
    skyTop: '#b8c4cc',
    skyBottom: '#e9ecee',
    sun: '#ffffff',
    land: ['#9aa7ae', '#6b7b83', '#3c4a50'],
    water: '#7d919b',
    accents: ['#c44536', '#f2a541', '#197278', '#283d3b'],
    night: false,
  },
  {
    skyTop: '#5e3a6e',
    skyBottom: '#f0a07a',
    sun: '#ffe3c2',
    land: ['#9c6f86', '#6b4662', '#36233d'],
    water: '#5d4a73',
    accents: ['#f9c74f', '#f3722c', '#43aa8b', '#577590'],
    night: false,
  },
  {
    skyTop: '#4a90a4',
    skyBottom: '#d4ecdd',
    sun: '#fdfcdc',
    land: ['#8fb9a8', '#4d7f6b', '#1e3d33'],
    water: '#2f6f7e',
    accents: ['#fe5f55', '#f0b67f', '#d6d1b1', '#2a4d69'],
    night: false,
  },
  {
    skyTop: '#d96c4b',
    skyBottom: '#f4d6a0',
    sun: '#fff6dc',
    land: ['#c48a6a', '#8c5a48', '#4a2e2a'],
    water: '#6b7f8e',
    accents: ['#264653', '#2a9d8f', '#e9c46a', '#f4a261'],
    night: false,
  },
];

// ---------------------------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------------------------

interface Ctx {
  w: number;
  h: number;
  rng: Rng;
  pal: Palette;
  defs: string[];
  uid: () => string;
}

function linear(ctx: Ctx, stops: [number, string, number?][], x2 = 0, y2 = 1): string {
  const id = ctx.uid();
  const s = stops.map(([o, c, op]) => `<stop offset="${o}" stop-color="${c}"${op === undefined ? '' : ` stop-opacity="${op}"`}/>`).join('');
  ctx.defs.push(`<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${s}</linearGradient>`);
  return `url(#${id})`;
}

function radial(ctx: Ctx, stops: [number, string, number?][]): string {
  const id = ctx.uid();
  const s = stops.map(([o, c, op]) => `<stop offset="${o}" stop-color="${c}"${op === undefined ? '' : ` stop-opacity="${op}"`}/>`).join('');
  ctx.defs.push(`<radialGradient id="${id}">${s}</radialGradient>`);
  return `url(#${id})`;
}

function sky(ctx: Ctx, horizon: number): string {
  const { w, pal } = ctx;
  return `<rect width="${w}" height="${n(horizon + 2)}" fill="${linear(ctx, [
    [0, pal.skyTop],
    [1, pal.skyBottom],
  ])}"/>`;
}

function sun(ctx: Ctx, cx: number, cy: number, r: number): string {
  const { pal } = ctx;
  const glow = radial(ctx, [
    [0, pal.sun, 0.55],
    [0.35, pal.sun, 0.18],
    [1, pal.sun, 0],
  ]);
  return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r * 5)}" fill="${glow}"/><circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${pal.sun}" opacity="${pal.night ? 0.9 : 0.95}"/>`;
}

function clouds(ctx: Ctx, count: number, maxY: number): string {
  const { w, rng, pal } = ctx;
  let out = '';
  const col = pal.night ? lighten(pal.skyTop, 0.25) : '#ffffff';
  for (let k = 0; k < count; k++) {
    const cx = rng.range(-0.05, 1.05) * w;
    const cy = rng.range(0.06, 1) * maxY;
    const len = rng.range(0.12, 0.3) * w;
    const th = rng.range(0.012, 0.028) * w;
    out += `<rect x="${n(cx - len / 2)}" y="${n(cy)}" width="${n(len)}" height="${n(th)}" rx="${n(th / 2)}" fill="${col}" opacity="${n(rng.range(0.18, 0.42))}"/>`;
    out += `<rect x="${n(cx - len * 0.3)}" y="${n(cy - th * 0.7)}" width="${n(len * 0.45)}" height="${n(th)}" rx="${n(th / 2)}" fill="${col}" opacity="${n(rng.range(0.15, 0.35))}"/>`;
  }
  return out;
}

/** A smooth ridge line closed to the bottom of the image. */
function ridge(ctx: Ctx, baseY: number, amp: number, segments: number, fill: string, bottom = ctx.h): string {
  const { w, rng } = ctx;
  const pts: [number, number][] = [];
  for (let k = 0; k <= segments; k++) {
    const x = (k / segments) * w + (k > 0 && k < segments ? rng.range(-0.3, 0.3) * (w / segments) : 0);
    pts.push([x, baseY - rng.range(0, 1) * amp]);
  }
  const first = pts[0] as [number, number];
  let d = `M0 ${n(bottom)} L0 ${n(first[1])}`;
  for (let k = 1; k < pts.length; k++) {
    const [px, py] = pts[k - 1] as [number, number];
    const [x, y] = pts[k] as [number, number];
    const mx = (px + x) / 2;
    d += ` C${n(mx)} ${n(py)} ${n(mx)} ${n(y)} ${n(x)} ${n(y)}`;
  }
  d += ` L${n(w)} ${n(bottom)} Z`;
  return `<path d="${d}" fill="${fill}"/>`;
}

/** Jagged mountain range with optional snow caps. */
function range(ctx: Ctx, baseY: number, peakMin: number, peakMax: number, peaks: number, fill: string, snow: string | null): string {
  const { w, h, rng } = ctx;
  const pts: [number, number][] = [[-0.05 * w, baseY]];
  const step = (1.1 * w) / peaks;
  for (let k = 0; k < peaks; k++) {
    const px = -0.05 * w + step * (k + rng.range(0.3, 0.7));
    pts.push([px, baseY - rng.range(peakMin, peakMax)]);
    pts.push([-0.05 * w + step * (k + 1), baseY - rng.range(0, peakMin * 0.6)]);
  }
  let out = `<path d="M${n(-0.05 * w)} ${n(h)} ${pts.map(([x, y]) => `L${n(x)} ${n(y)}`).join(' ')} L${n(1.05 * w)} ${n(h)} Z" fill="${fill}"/>`;
  if (snow) {
    for (let k = 1; k < pts.length - 1; k += 2) {
      const [px, py] = pts[k] as [number, number];
      const [lx, ly] = pts[k - 1] as [number, number];
      const [rx, ry] = pts[k + 1] as [number, number];
      if (baseY - py < peakMin + (peakMax - peakMin) * 0.35) continue;
      const t = rng.range(0.22, 0.34);
      const ax = px + (lx - px) * t,
        ay = py + (ly - py) * t;
      const bx = px + (rx - px) * t,
        by = py + (ry - py) * t;
      const m1x = ax + (bx - ax) * 0.3,
        m1y = Math.max(ay, by) + rng.range(0.01, 0.03) * h;
      const m2x = ax + (bx - ax) * 0.62,
        m2y = Math.min(ay, by) - rng.range(0, 0.01) * h;
      out += `<path d="M${n(px)} ${n(py)} L${n(bx)} ${n(by)} L${n(m2x)} ${n(m2y)} L${n(m1x)} ${n(m1y)} L${n(ax)} ${n(ay)} Z" fill="${snow}"/>`;
    }
  }
  return out;
}

function waterBody(ctx: Ctx, top: number, color: string): string {
  const { w, h, rng, pal } = ctx;
  let out = `<rect y="${n(top)}" width="${w}" height="${n(h - top)}" fill="${linear(ctx, [
    [0, lighten(color, 0.25)],
    [1, darken(color, 0.35)],
  ])}"/>`;
  const lines = 18;
  for (let k = 0; k < lines; k++) {
    const y = top + rng() ** 1.6 * (h - top);
    const len = rng.range(0.03, 0.16) * w * (0.4 + (y - top) / (h - top));
    const x = rng() * w;
    out += `<rect x="${n(x)}" y="${n(y)}" width="${n(len)}" height="${n(Math.max(1.5, (y - top) / 90))}" rx="1" fill="${pal.night ? pal.sun : '#ffffff'}" opacity="${n(rng.range(0.12, 0.3))}"/>`;
  }
  return out;
}

function vignette(ctx: Ctx, strength = 0.35): string {
  const id = ctx.uid();
  ctx.defs.push(
    `<radialGradient id="${id}" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="${strength}"/></radialGradient>`,
  );
  return `<rect width="${ctx.w}" height="${ctx.h}" fill="url(#${id})"/>`;
}

function pine(x: number, base: number, height: number, color: string): string {
  const wd = height * 0.42;
  return `<path d="M${n(x)} ${n(base - height)} L${n(x + wd * 0.6)} ${n(base - height * 0.45)} L${n(x + wd * 0.35)} ${n(base - height * 0.45)} L${n(x + wd)} ${n(base)} L${n(x - wd)} ${n(base)} L${n(x - wd * 0.35)} ${n(base - height * 0.45)} L${n(x - wd * 0.6)} ${n(base - height * 0.45)} Z" fill="${color}"/>`;
}

function roundTree(ctx: Ctx, x: number, base: number, size: number, color: string): string {
  const { rng } = ctx;
  const trunk = darken(color, 0.45);
  let out = `<rect x="${n(x - size * 0.06)}" y="${n(base - size * 0.9)}" width="${n(size * 0.12)}" height="${n(size * 0.9)}" fill="${trunk}"/>`;
  for (let k = 0; k < 4; k++) {
    out += `<circle cx="${n(x + rng.range(-0.35, 0.35) * size)}" cy="${n(base - size * rng.range(0.95, 1.35))}" r="${n(size * rng.range(0.32, 0.48))}" fill="${k % 2 ? color : lighten(color, 0.08)}"/>`;
  }
  return out;
}

/** Subpaths for a grid of windows inside a facade; one path per layer keeps rasterising fast. */
function windowGrid(rng: Rng, x: number, y: number, gw: number, gh: number, cw: number, ch: number, skip = 0): string {
  let d = '';
  const cols = Math.floor(gw / cw),
    rows = Math.floor(gh / ch);
  const ox = x + (gw - cols * cw) / 2;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (skip > 0 && rng() < skip) continue;
      d += `M${n(ox + c * cw + cw * 0.28)} ${n(y + r * ch + ch * 0.25)}h${n(cw * 0.44)}v${n(ch * 0.45)}h${n(-cw * 0.44)}Z`;
    }
  }
  return d;
}

function skyline(ctx: Ctx, baseY: number, minH: number, maxH: number, color: string, winColor: string | null, count: number): string {
  const { w, rng } = ctx;
  let out = '';
  let win = '';
  let x = -rng.range(0, 0.05) * w;
  const avg = w / count;
  while (x < w) {
    const bw = avg * rng.range(0.6, 1.4);
    const bh = rng.range(minH, maxH);
    const top = baseY - bh;
    out += `<rect x="${n(x)}" y="${n(top)}" width="${n(bw + 1)}" height="${n(bh + 1)}" fill="${color}"/>`;
    const roof = rng();
    if (roof < 0.18) out += `<path d="M${n(x + bw * 0.2)} ${n(top)} L${n(x + bw / 2)} ${n(top - bh * 0.18)} L${n(x + bw * 0.8)} ${n(top)} Z" fill="${color}"/>`;
    else if (roof < 0.36)
      out += `<rect x="${n(x + bw * 0.25)}" y="${n(top - bh * 0.08)}" width="${n(bw * 0.5)}" height="${n(bh * 0.08 + 1)}" fill="${color}"/>`;
    else if (roof < 0.46)
      out += `<rect x="${n(x + bw * 0.48)}" y="${n(top - bh * 0.22)}" width="${n(Math.max(2, bw * 0.04))}" height="${n(bh * 0.22)}" fill="${color}"/>`;
    if (winColor) win += windowGrid(rng, x + bw * 0.06, top + bh * 0.05, bw * 0.88, bh * 0.9, avg * 0.16, avg * 0.2, ctx.pal.night ? 0.4 : 0.15);
    x += bw;
  }
  if (winColor && win) out += `<path d="${win}" fill="${winColor}" opacity="0.55"/>`;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scenes
// ---------------------------------------------------------------------------------------------

function harbour(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  const horizon = h * rng.range(0.56, 0.64);
  let s = sky(ctx, horizon) + sun(ctx, rng.range(0.15, 0.85) * w, horizon * rng.range(0.35, 0.7), h * 0.045) + clouds(ctx, 4, horizon * 0.6);
  s += ridge(ctx, horizon - h * 0.02, h * 0.08, 6, mix(pal.land[0], pal.skyBottom, 0.45), horizon + 2);
  s += skyline(ctx, horizon, h * 0.02, h * 0.07, mix(pal.land[1], pal.skyBottom, 0.35), null, 26);
  s += waterBody(ctx, horizon, pal.water);
  // Quay with containers and cranes on one side.
  const left = rng.chance(0.5);
  const quayW = w * rng.range(0.42, 0.55);
  const qx = left ? 0 : w - quayW;
  const quayY = horizon + h * 0.06;
  const quay = pal.land[2];
  s += `<rect x="${n(qx)}" y="${n(quayY)}" width="${n(quayW)}" height="${n(h * 0.05)}" fill="${quay}"/>`;
  const cw = w * 0.034,
    ch = h * 0.03;
  for (let col = 0; col < Math.floor((quayW * 0.9) / cw); col++) {
    const stack = rng.int(1, 4);
    for (let r = 0; r < stack; r++) {
      const c = rng.pick(pal.accents);
      s += `<rect x="${n(qx + quayW * 0.05 + col * cw)}" y="${n(quayY - (r + 1) * ch)}" width="${n(cw - 2)}" height="${n(ch - 2)}" fill="${darken(c, 0.1)}"/>`;
    }
  }
  const cranes = rng.int(2, 4);
  for (let k = 0; k < cranes; k++) {
    const x = qx + quayW * (0.15 + (0.7 * k) / Math.max(1, cranes - 1));
    const top = horizon - h * rng.range(0.2, 0.3);
    const leg = w * 0.03;
    const col = darken(pal.land[2], 0.1);
    const sw = Math.max(3, w * 0.004);
    s += `<path d="M${n(x - leg)} ${n(quayY)} L${n(x - leg * 0.4)} ${n(top)} M${n(x + leg)} ${n(quayY)} L${n(x + leg * 0.4)} ${n(top)} M${n(x - leg * 0.8)} ${n((top + quayY) / 2)} L${n(x + leg * 0.8)} ${n((top + quayY) / 2)}" stroke="${col}" stroke-width="${n(sw)}" fill="none"/>`;
    const dir = left ? 1 : -1;
    s += `<rect x="${n(dir > 0 ? x - leg * 2 : x - w * 0.12)}" y="${n(top - sw * 2)}" width="${n(w * 0.12 + leg * 2)}" height="${n(sw * 2.5)}" fill="${col}"/>`;
    s += `<rect x="${n(x - leg * 0.6)}" y="${n(top - sw * 7)}" width="${n(leg * 1.2)}" height="${n(sw * 5)}" fill="${rng.pick(pal.accents)}"/>`;
  }
  // A ship at anchor on the open-water side.
  const sx = left ? w * rng.range(0.6, 0.72) : w * rng.range(0.12, 0.25);
  const sy = horizon + h * rng.range(0.1, 0.16);
  const sl = w * rng.range(0.2, 0.28);
  const hull = darken(rng.pick(pal.accents), 0.35);
  s += `<path d="M${n(sx)} ${n(sy)} L${n(sx + sl)} ${n(sy)} L${n(sx + sl * 0.94)} ${n(sy + h * 0.04)} L${n(sx + sl * 0.05)} ${n(sy + h * 0.04)} Z" fill="${hull}"/>`;
  s += `<rect x="${n(sx + sl * 0.72)}" y="${n(sy - h * 0.05)}" width="${n(sl * 0.14)}" height="${n(h * 0.05)}" fill="${lighten(pal.land[0], 0.6)}"/>`;
  for (let k = 0; k < 7; k++)
    s += `<rect x="${n(sx + sl * (0.08 + k * 0.09))}" y="${n(sy - h * 0.022)}" width="${n(sl * 0.085)}" height="${n(h * 0.022)}" fill="${rng.pick(pal.accents)}"/>`;
  s += `<rect x="${n(sx + sl * 0.05)}" y="${n(sy + h * 0.045)}" width="${n(sl * 0.9)}" height="${n(h * 0.012)}" fill="${hull}" opacity="0.25"/>`;
  return s + vignette(ctx, 0.25);
}

function city(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  const base = h * rng.range(0.7, 0.78);
  let s = sky(ctx, base) + sun(ctx, rng.range(0.1, 0.9) * w, h * rng.range(0.15, 0.35), h * 0.05) + clouds(ctx, 5, h * 0.4);
  const win = pal.night ? '#ffd98a' : lighten(pal.skyBottom, 0.4);
  s += skyline(ctx, base - h * 0.04, h * 0.18, h * 0.42, mix(pal.land[0], pal.skyBottom, 0.5), null, 16);
  s += skyline(ctx, base - h * 0.015, h * 0.12, h * 0.34, mix(pal.land[1], pal.skyBottom, 0.2), win, 12);
  s += skyline(ctx, base, h * 0.06, h * 0.22, pal.land[2], win, 9);
  s += waterBody(ctx, base, mix(pal.water, pal.land[2], 0.3));
  // A low bridge across the river.
  if (rng.chance(0.6)) {
    const by = base + h * 0.06;
    const col = darken(pal.land[2], 0.2);
    s += `<rect x="0" y="${n(by)}" width="${w}" height="${n(h * 0.02)}" fill="${col}"/>`;
    const spans = rng.int(4, 6);
    for (let k = 0; k <= spans; k++) {
      s += `<rect x="${n((k / spans) * w - w * 0.008)}" y="${n(by)}" width="${n(w * 0.016)}" height="${n(h - by)}" fill="${col}"/>`;
    }
  }
  return s + vignette(ctx, 0.3);
}

function mountains(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  let s = sky(ctx, h) + sun(ctx, rng.range(0.1, 0.9) * w, h * rng.range(0.12, 0.3), h * 0.04) + clouds(ctx, 3, h * 0.35);
  const snow = lighten(pal.skyBottom, 0.75);
  s += range(ctx, h * 0.6, h * 0.2, h * 0.42, rng.int(3, 5), mix(pal.land[0], pal.skyBottom, 0.55), mix(snow, pal.skyBottom, 0.3));
  s += `<rect y="${n(h * 0.5)}" width="${w}" height="${n(h * 0.12)}" fill="${linear(ctx, [
    [0, pal.skyBottom, 0],
    [0.5, pal.skyBottom, 0.55],
    [1, pal.skyBottom, 0],
  ])}"/>`;
  s += range(ctx, h * 0.75, h * 0.15, h * 0.32, rng.int(4, 6), mix(pal.land[1], pal.skyBottom, 0.15), snow);
  s += `<rect y="${n(h * 0.66)}" width="${w}" height="${n(h * 0.12)}" fill="${linear(ctx, [
    [0, pal.skyBottom, 0],
    [0.5, pal.skyBottom, 0.4],
    [1, pal.skyBottom, 0],
  ])}"/>`;
  s += ridge(ctx, h * 0.88, h * 0.1, 5, pal.land[2]);
  for (let k = 0; k < 14; k++) {
    const x = rng() * w;
    s += pine(x, h * 0.9 + rng() * h * 0.1, h * rng.range(0.08, 0.16), darken(pal.land[2], 0.2));
  }
  return s + vignette(ctx, 0.25);
}

function lake(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  const shore = h * rng.range(0.55, 0.62);
  let s = sky(ctx, shore) + sun(ctx, rng.range(0.2, 0.8) * w, h * rng.range(0.12, 0.3), h * 0.04) + clouds(ctx, 3, h * 0.3);
  const back = range(ctx, shore, h * 0.12, h * 0.3, rng.int(3, 5), mix(pal.land[0], pal.skyBottom, 0.35), lighten(pal.skyBottom, 0.6));
  const mid = ridge(ctx, shore, h * 0.06, 7, pal.land[1], shore + 1);
  s += back + mid;
  // Reflection: the hills mirrored about the shoreline, softened by the water gradient.
  s += `<rect y="${n(shore)}" width="${w}" height="${n(h - shore)}" fill="${linear(ctx, [
    [0, mix(pal.skyBottom, pal.water, 0.35)],
    [1, darken(pal.water, 0.3)],
  ])}"/>`;
  const waterClip = ctx.uid();
  ctx.defs.push(`<clipPath id="${waterClip}"><rect y="${n(shore)}" width="${w}" height="${n(h - shore)}"/></clipPath>`);
  s += `<g clip-path="url(#${waterClip})"><g transform="translate(0 ${n(2 * shore)}) scale(1 -1)" opacity="0.35">${back}${mid}</g></g>`;
  s += `<rect y="${n(shore)}" width="${w}" height="${n(h - shore)}" fill="${linear(ctx, [
    [0, pal.water, 0.1],
    [1, darken(pal.water, 0.4), 0.85],
  ])}"/>`;
  for (let k = 0; k < 14; k++) {
    const y = shore + h * 0.01 + rng() ** 1.4 * (h - shore);
    s += `<rect x="${n(rng() * w)}" y="${n(y)}" width="${n(rng.range(0.04, 0.14) * w)}" height="2" fill="#ffffff" opacity="${n(rng.range(0.15, 0.3))}"/>`;
  }
  // Pines along the shore.
  const side = rng.chance(0.5) ? 0 : 0.6;
  for (let k = 0; k < 12; k++) {
    const x = (side + rng() * 0.4) * w;
    s += pine(x, shore + 2, h * rng.range(0.05, 0.12), darken(pal.land[2], 0.1));
  }
  // A small rowing boat.
  if (rng.chance(0.7)) {
    const bx = rng.range(0.2, 0.7) * w,
      by = shore + (h - shore) * rng.range(0.3, 0.6);
    s += `<path d="M${n(bx)} ${n(by)} L${n(bx + w * 0.07)} ${n(by)} L${n(bx + w * 0.06)} ${n(by + h * 0.015)} L${n(bx + w * 0.01)} ${n(by + h * 0.015)} Z" fill="${darken(pal.land[2], 0.3)}"/>`;
  }
  return s + vignette(ctx, 0.25);
}

function rail(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  if (rng.chance(0.5)) {
    // Tracks running to a vanishing point, with catenary masts.
    const horizon = h * rng.range(0.42, 0.5);
    const vx = w * rng.range(0.4, 0.6);
    let s = sky(ctx, horizon) + sun(ctx, vx + rng.range(-0.3, 0.3) * w, horizon * 0.55, h * 0.04) + clouds(ctx, 4, horizon * 0.7);
    s += ridge(ctx, horizon, h * 0.08, 6, mix(pal.land[0], pal.skyBottom, 0.4), horizon + 2);
    s += `<rect y="${n(horizon)}" width="${w}" height="${n(h - horizon)}" fill="${linear(ctx, [
      [0, pal.land[1]],
      [1, darken(pal.land[2], 0.1)],
    ])}"/>`;
    const ballast = mix('#8a8580', pal.land[1], 0.3);
    s += `<path d="M${n(vx - 4)} ${n(horizon)} L${n(vx + 4)} ${n(horizon)} L${n(w * 0.92)} ${n(h)} L${n(w * 0.08)} ${n(h)} Z" fill="${ballast}"/>`;
    // Sleepers, spaced by perspective.
    for (let k = 1; k < 28; k++) {
      const t = (k / 28) ** 2.2;
      const y = horizon + t * (h - horizon);
      const half = 4 + t * (w * 0.38);
      s += `<rect x="${n(vx - half)}" y="${n(y)}" width="${n(half * 2)}" height="${n(Math.max(1, t * h * 0.025))}" fill="${darken(ballast, 0.35)}"/>`;
    }
    const rails = [-0.26, 0.26];
    for (const rr of rails) s += `<path d="M${n(vx)} ${n(horizon)} L${n(vx + rr * w)} ${n(h)}" stroke="#d9dde0" stroke-width="${n(w * 0.006)}"/>`;
    for (let k = 1; k < 7; k++) {
      const t = (k / 7) ** 2;
      const y = horizon + t * (h - horizon);
      const x = vx - (0.05 + t * 0.5) * w;
      const mh = t * h * 0.7 + 6;
      s += `<rect x="${n(x)}" y="${n(y - mh)}" width="${n(Math.max(2, t * w * 0.012))}" height="${n(mh)}" fill="${darken(pal.land[2], 0.3)}"/>`;
      s += `<rect x="${n(x)}" y="${n(y - mh)}" width="${n(t * w * 0.1 + 4)}" height="${n(Math.max(1.5, t * h * 0.006))}" fill="${darken(pal.land[2], 0.3)}"/>`;
    }
    return s + vignette(ctx, 0.3);
  }
  // A stone viaduct across a valley with a train on top.
  const deck = h * rng.range(0.38, 0.48);
  let s = sky(ctx, h) + sun(ctx, rng.range(0.1, 0.9) * w, h * rng.range(0.1, 0.25), h * 0.04) + clouds(ctx, 4, h * 0.3);
  s += range(ctx, h * 0.62, h * 0.1, h * 0.25, 4, mix(pal.land[0], pal.skyBottom, 0.45), null);
  s += ridge(ctx, h * 0.75, h * 0.1, 5, mix(pal.land[1], pal.skyBottom, 0.2));
  const stone = mix('#b9a68f', pal.land[0], 0.35);
  const arches = rng.int(6, 9);
  const span = w / arches;
  const maskId = ctx.uid();
  let holes = '';
  for (let k = 0; k < arches; k++) {
    const x0 = k * span + span * 0.14,
      x1 = (k + 1) * span - span * 0.14;
    const top = deck + h * 0.08 + (x1 - x0) / 2;
    holes += `<path d="M${n(x0)} ${n(h)} L${n(x0)} ${n(top)} A${n((x1 - x0) / 2)} ${n((x1 - x0) / 2)} 0 0 1 ${n(x1)} ${n(top)} L${n(x1)} ${n(h)} Z" fill="#000"/>`;
  }
  ctx.defs.push(`<mask id="${maskId}"><rect width="${w}" height="${h}" fill="#fff"/>${holes}</mask>`);
  s += `<rect y="${n(deck)}" width="${w}" height="${n(h - deck)}" fill="${stone}" mask="url(#${maskId})"/>`;
  s += `<rect y="${n(deck)}" width="${w}" height="${n(h * 0.025)}" fill="${darken(stone, 0.2)}"/>`;
  // Train
  const cars = rng.int(3, 5);
  const carW = w * 0.13;
  const tx = rng.range(0.05, 0.95 - (cars * carW) / w) * w;
  const body = rng.pick(pal.accents);
  for (let k = 0; k < cars; k++) {
    const x = tx + k * (carW + w * 0.005);
    s += `<rect x="${n(x)}" y="${n(deck - h * 0.065)}" width="${n(carW)}" height="${n(h * 0.062)}" rx="${n(h * 0.012)}" fill="${body}"/>`;
    s += `<rect x="${n(x + carW * 0.05)}" y="${n(deck - h * 0.055)}" width="${n(carW * 0.9)}" height="${n(h * 0.018)}" rx="3" fill="${darken(body, 0.55)}" opacity="0.85"/>`;
    s += `<rect x="${n(x)}" y="${n(deck - h * 0.024)}" width="${n(carW)}" height="${n(h * 0.006)}" fill="${lighten(body, 0.5)}"/>`;
  }
  s += ridge(ctx, h * 0.93, h * 0.06, 4, pal.land[2]);
  for (let k = 0; k < 8; k++) s += roundTree(ctx, rng() * w, h * 0.97, h * rng.range(0.06, 0.1), darken(pal.land[2], 0.05));
  return s + vignette(ctx, 0.25);
}

function library(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  const wall = mix('#e9dcc6', pal.skyBottom, 0.25);
  let s = `<rect width="${w}" height="${h}" fill="${linear(ctx, [
    [0, darken(wall, 0.15)],
    [1, wall],
  ])}"/>`;
  // Arched window at the centre.
  const ww = w * rng.range(0.16, 0.22),
    wx = w / 2 - ww / 2,
    wt = h * 0.12,
    wb = h * 0.66;
  s += `<path d="M${n(wx)} ${n(wb)} L${n(wx)} ${n(wt + ww / 2)} A${n(ww / 2)} ${n(ww / 2)} 0 0 1 ${n(wx + ww)} ${n(wt + ww / 2)} L${n(wx + ww)} ${n(wb)} Z" fill="${linear(
    ctx,
    [
      [0, pal.skyTop],
      [1, lighten(pal.skyBottom, 0.4)],
    ],
  )}" stroke="${darken(wall, 0.45)}" stroke-width="${n(w * 0.008)}"/>`;
  s += `<path d="M${n(w / 2)} ${n(wt)} L${n(w / 2)} ${n(wb)} M${n(wx)} ${n((wt + wb) / 2)} L${n(wx + ww)} ${n((wt + wb) / 2)} M${n(wx)} ${n(wt + ww * 0.75)} L${n(wx + ww)} ${n(wt + ww * 0.75)}" stroke="${darken(wall, 0.45)}" stroke-width="${n(w * 0.004)}"/>`;
  // Light falling from the window.
  s += `<path d="M${n(wx)} ${n(wb)} L${n(wx + ww)} ${n(wb)} L${n(wx + ww * 2.6)} ${n(h)} L${n(wx - ww * 0.4)} ${n(h)} Z" fill="${linear(ctx, [
    [0, '#fff7e0', 0.35],
    [1, '#fff7e0', 0],
  ])}"/>`;
  const bookColors = ['#7b2d26', '#2d4a53', '#b5893b', '#3b5c3a', '#5a3d5c', '#c2593f', '#23395b', '#8c7b5a', '#a33b3b', '#2f6f6a', ...pal.accents];
  const wood = '#5b3a24';
  const shelfBlock = (x0: number, x1: number): string => {
    let out = `<rect x="${n(x0)}" y="${n(h * 0.06)}" width="${n(x1 - x0)}" height="${n(h * 0.8)}" fill="${darken(wood, 0.25)}"/>`;
    const rows = 6;
    const rh = (h * 0.76) / rows;
    for (let r = 0; r < rows; r++) {
      const by = h * 0.08 + (r + 1) * rh;
      let x = x0 + w * 0.01;
      while (x < x1 - w * 0.02) {
        const bw = w * rng.range(0.006, 0.014);
        const bh = rh * rng.range(0.62, 0.88);
        const lean = rng.chance(0.04);
        out += `<rect x="${n(x)}" y="${n(by - bh)}" width="${n(bw)}" height="${n(bh)}" fill="${rng.pick(bookColors)}"${lean ? ` transform="rotate(-8 ${n(x)} ${n(by)})"` : ''}/>`;
        x += bw + (rng.chance(0.08) ? w * 0.015 : 1);
      }
      out += `<rect x="${n(x0)}" y="${n(by)}" width="${n(x1 - x0)}" height="${n(h * 0.012)}" fill="${wood}"/>`;
    }
    return out;
  };
  s += shelfBlock(w * 0.02, wx - w * 0.04) + shelfBlock(wx + ww + w * 0.04, w * 0.98);
  // Reading table with lamps.
  const ty = h * 0.82;
  s += `<rect x="${n(w * 0.08)}" y="${n(ty)}" width="${n(w * 0.84)}" height="${n(h * 0.03)}" fill="${wood}"/>`;
  s += `<rect y="${n(ty + h * 0.03)}" width="${w}" height="${n(h)}" fill="${darken(wood, 0.45)}"/>`;
  const lamps = rng.int(2, 4);
  for (let k = 0; k < lamps; k++) {
    const lx = w * (0.18 + (0.64 * k) / Math.max(1, lamps - 1));
    const shade = rng.pick(['#2f6b4f', '#2f6b4f', '#8c2f2f', '#c59b3d']);
    s += `<circle cx="${n(lx)}" cy="${n(ty - h * 0.02)}" r="${n(h * 0.12)}" fill="${radial(ctx, [
      [0, '#ffe9a8', 0.45],
      [1, '#ffe9a8', 0],
    ])}"/>`;
    s += `<rect x="${n(lx - 2)}" y="${n(ty - h * 0.06)}" width="4" height="${n(h * 0.06)}" fill="#c9a55b"/>`;
    s += `<path d="M${n(lx - w * 0.03)} ${n(ty - h * 0.055)} Q${n(lx)} ${n(ty - h * 0.1)} ${n(lx + w * 0.03)} ${n(ty - h * 0.055)} Z" fill="${shade}"/>`;
  }
  return s + vignette(ctx, 0.4);
}

function stadium(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  const roofY = h * rng.range(0.2, 0.26);
  let s = sky(ctx, roofY + h * 0.05) + clouds(ctx, 3, roofY);
  // Far stand: the crowd as rows of coloured dots, one path per colour.
  const dots = [pal.accents[0] ?? '#cc3333', '#e8e2d6', pal.accents[1] ?? '#ffcc33', '#5a5a66', pal.accents[2] ?? '#33aa66'];
  const standB = h * 0.5;
  const cs = w * 0.012;
  const dotPaths: string[] = dots.map(() => '');
  for (let row = 0, y = roofY + cs; y < standB; row++, y += cs * 0.95) {
    for (let x = (row % 2) * cs * 0.5; x < w; x += cs) {
      const k = rng.int(0, dots.length - 1);
      const r = cs * 0.34;
      dotPaths[k] += `M${n(x - r)} ${n(y - r)}h${n(2 * r)}v${n(2 * r)}h${n(-2 * r)}Z`;
    }
  }
  s += `<rect y="${n(roofY)}" width="${w}" height="${n(standB - roofY)}" fill="#2a2a33"/>`;
  dotPaths.forEach((d, k) => {
    s += `<path d="${d}" fill="${dots[k]}"/>`;
  });
  s += `<rect y="${n(roofY)}" width="${w}" height="${n(standB - roofY)}" fill="${linear(ctx, [
    [0, '#000', 0.55],
    [1, '#000', 0.05],
  ])}"/>`;
  s += `<path d="M0 ${n(roofY + h * 0.04)} Q${n(w / 2)} ${n(roofY - h * 0.03)} ${w} ${n(roofY + h * 0.04)} L${w} ${n(roofY - h * 0.02)} Q${n(w / 2)} ${n(roofY - h * 0.09)} 0 ${n(roofY - h * 0.02)} Z" fill="${darken(pal.land[2], 0.3)}"/>`;
  s += `<rect y="${n(standB - h * 0.02)}" width="${w}" height="${n(h * 0.02)}" fill="${rng.pick(pal.accents)}"/>`;
  // Pitch in perspective with mowing stripes.
  const g1 = '#3f8f4a',
    g2 = '#4b9e55';
  const top = standB,
    bot = h;
  s += `<rect y="${n(top)}" width="${w}" height="${n(h - top)}" fill="#2f6b38"/>`;
  const stripes = 12;
  for (let k = 0; k < stripes; k++) {
    const x0 = (k / stripes) * w,
      x1 = ((k + 1) / stripes) * w;
    const sx = (x: number): number => w / 2 + (x - w / 2) * 0.62;
    s += `<path d="M${n(sx(x0))} ${n(top)} L${n(sx(x1))} ${n(top)} L${n(w / 2 + (x1 - w / 2) * 1.5)} ${n(bot)} L${n(w / 2 + (x0 - w / 2) * 1.5)} ${n(bot)} Z" fill="${k % 2 ? g1 : g2}"/>`;
  }
  const lw = Math.max(2, w * 0.003);
  const lineTop = top + h * 0.05;
  s += `<path d="M${n(w * 0.08)} ${n(lineTop)} L${n(w * 0.92)} ${n(lineTop)} M${n(w / 2)} ${n(lineTop)} L${n(w / 2)} ${n(h)}" stroke="#f3f3ea" stroke-width="${n(lw)}" opacity="0.85"/>`;
  s += `<ellipse cx="${n(w / 2)}" cy="${n(h * 0.8)}" rx="${n(w * 0.14)}" ry="${n(h * 0.08)}" fill="none" stroke="#f3f3ea" stroke-width="${n(lw)}" opacity="0.85"/>`;
  s += `<rect y="${n(top)}" width="${w}" height="${n(h - top)}" fill="${linear(ctx, [
    [0, '#000', 0.25],
    [1, '#000', 0],
  ])}"/>`;
  // Floodlights.
  for (const fx of [0.1, 0.9]) {
    const x = fx * w + rng.range(-0.03, 0.03) * w;
    const y = roofY - h * 0.12;
    s += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(h * 0.2)}" fill="${radial(ctx, [
      [0, '#fffbe6', 0.7],
      [1, '#fffbe6', 0],
    ])}"/>`;
    s += `<rect x="${n(x - w * 0.03)}" y="${n(y - h * 0.03)}" width="${n(w * 0.06)}" height="${n(h * 0.05)}" rx="4" fill="#fffbe6"/>`;
    s += `<rect x="${n(x - 3)}" y="${n(y + h * 0.02)}" width="6" height="${n(roofY - y)}" fill="${darken(pal.land[2], 0.3)}"/>`;
  }
  // Players as small figures.
  const team = [rng.pick(pal.accents), '#f4f1e8'];
  for (let k = 0; k < 10; k++) {
    const y = top + h * 0.08 + rng() * (h - top) * 0.75;
    const sc = 0.6 + ((y - top) / (h - top)) * 1.2;
    const x = rng.range(0.1, 0.9) * w;
    const c = team[k % 2] as string;
    s += `<ellipse cx="${n(x)}" cy="${n(y + h * 0.028 * sc)}" rx="${n(w * 0.008 * sc)}" ry="${n(h * 0.004 * sc)}" fill="#000" opacity="0.3"/>`;
    s += `<rect x="${n(x - w * 0.004 * sc)}" y="${n(y)}" width="${n(w * 0.008 * sc)}" height="${n(h * 0.028 * sc)}" rx="${n(w * 0.003 * sc)}" fill="${c}"/>`;
    s += `<circle cx="${n(x)}" cy="${n(y - h * 0.006 * sc)}" r="${n(w * 0.0035 * sc)}" fill="#6b4a3a"/>`;
  }
  return s + vignette(ctx, 0.35);
}

function market(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  let s = sky(ctx, h * 0.45) + clouds(ctx, 3, h * 0.2);
  // Facades behind the stalls.
  let x = 0;
  while (x < w) {
    const bw = w * rng.range(0.12, 0.2);
    const top = h * rng.range(0.05, 0.2);
    const c = mix(rng.pick(['#e8d5b7', '#d9a88f', '#c9d6c3', '#e3c27a', '#b7c4d9']), pal.skyBottom, 0.2);
    s += `<rect x="${n(x)}" y="${n(top)}" width="${n(bw + 1)}" height="${n(h)}" fill="${c}"/>`;
    s += `<path d="${windowGrid(rng, x + bw * 0.08, top + h * 0.04, bw * 0.84, h * 0.4, bw * 0.28, h * 0.12)}" fill="${darken(c, 0.45)}" opacity="0.8"/>`;
    x += bw;
  }
  s += `<rect y="${n(h * 0.72)}" width="${w}" height="${n(h * 0.28)}" fill="${linear(ctx, [
    [0, '#9b9182'],
    [1, '#6d655a'],
  ])}"/>`;
  // String lights.
  for (let k = 0; k < 2; k++) {
    const y0 = h * (0.08 + k * 0.08);
    s += `<path d="M0 ${n(y0)} Q${n(w / 2)} ${n(y0 + h * 0.12)} ${w} ${n(y0)}" stroke="#3a3a3a" stroke-width="2" fill="none"/>`;
    for (let j = 1; j < 20; j++) {
      const t = j / 20;
      const px = t * w;
      const py = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * (y0 + h * 0.12) + t * t * y0;
      s += `<circle cx="${n(px)}" cy="${n(py + 6)}" r="${n(w * 0.005)}" fill="#ffe7a3"/>`;
    }
  }
  // Stalls.
  const stalls = rng.int(3, 4);
  const sw = w / stalls;
  for (let k = 0; k < stalls; k++) {
    const x0 = k * sw + sw * 0.06,
      x1 = (k + 1) * sw - sw * 0.06;
    const awTop = h * rng.range(0.34, 0.4),
      awBot = awTop + h * 0.09;
    const c1 = rng.pick(pal.accents);
    const stripe = ctx.uid();
    const stw = (x1 - x0) / 9;
    ctx.defs.push(
      `<pattern id="${stripe}" width="${n(stw * 2)}" height="10" patternUnits="userSpaceOnUse" x="${n(x0)}"><rect width="${n(stw)}" height="10" fill="${c1}"/><rect x="${n(stw)}" width="${n(stw)}" height="10" fill="#f6f1e7"/></pattern>`,
    );
    s += `<rect x="${n(x0 + 4)}" y="${n(awBot)}" width="${n(w * 0.006)}" height="${n(h * 0.35)}" fill="#4a3b2f"/><rect x="${n(x1 - 4 - w * 0.006)}" y="${n(awBot)}" width="${n(w * 0.006)}" height="${n(h * 0.35)}" fill="#4a3b2f"/>`;
    s += `<path d="M${n(x0 + (x1 - x0) * 0.05)} ${n(awTop)} L${n(x1 - (x1 - x0) * 0.05)} ${n(awTop)} L${n(x1)} ${n(awBot)} L${n(x0)} ${n(awBot)} Z" fill="url(#${stripe})"/>`;
    for (let j = 0; j < 9; j++) s += `<circle cx="${n(x0 + stw * (j + 0.5))}" cy="${n(awBot)}" r="${n(stw / 2)}" fill="${j % 2 ? '#f6f1e7' : c1}"/>`;
    // Counter with produce crates.
    const cy = h * 0.66;
    s += `<rect x="${n(x0)}" y="${n(cy)}" width="${n(x1 - x0)}" height="${n(h * 0.14)}" fill="#7a5a3c"/>`;
    const crates = 4;
    for (let j = 0; j < crates; j++) {
      const cx0 = x0 + (j + 0.1) * ((x1 - x0) / crates),
        cw = ((x1 - x0) / crates) * 0.8;
      const fruit = rng.pick(['#d8412f', '#f29e2e', '#f2d13d', '#6aa84f', '#8e3b6b', '#e36b4f', '#3f7d3a']);
      s += `<rect x="${n(cx0)}" y="${n(cy - h * 0.04)}" width="${n(cw)}" height="${n(h * 0.05)}" fill="#a67c52"/>`;
      for (let f = 0; f < 6; f++) s += `<circle cx="${n(cx0 + cw * (0.12 + f * 0.15))}" cy="${n(cy - h * 0.045)}" r="${n(cw * 0.09)}" fill="${fruit}"/>`;
    }
  }
  // Shoppers in the foreground.
  for (let k = 0; k < 7; k++) {
    const px = rng() * w,
      py = h * rng.range(0.86, 0.96),
      sc = h * rng.range(0.16, 0.22);
    const c = darken(rng.pick([...pal.accents, '#3b3b3b', '#6b5a4a']), 0.25);
    s += `<path d="M${n(px - sc * 0.22)} ${n(h)} L${n(px - sc * 0.2)} ${n(py - sc * 0.45)} Q${n(px)} ${n(py - sc * 0.6)} ${n(px + sc * 0.2)} ${n(py - sc * 0.45)} L${n(px + sc * 0.22)} ${n(h)} Z" fill="${c}"/>`;
    s += `<circle cx="${n(px)}" cy="${n(py - sc * 0.68)}" r="${n(sc * 0.12)}" fill="${darken(c, 0.3)}"/>`;
  }
  return s + vignette(ctx, 0.3);
}

function parliament(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  const ground = h * 0.8;
  let s = sky(ctx, ground) + sun(ctx, rng.range(0.1, 0.9) * w, h * rng.range(0.1, 0.2), h * 0.035) + clouds(ctx, 4, h * 0.35);
  const stone = mix('#e6dccb', pal.skyBottom, 0.2);
  const shadow = darken(stone, 0.22);
  const bw = w * rng.range(0.56, 0.68),
    bx = (w - bw) / 2;
  const bodyTop = h * 0.42;
  // Dome.
  if (rng.chance(0.75)) {
    const dr = bw * rng.range(0.13, 0.17);
    s += `<rect x="${n(w / 2 - dr * 1.05)}" y="${n(bodyTop - dr * 0.9)}" width="${n(dr * 2.1)}" height="${n(dr * 0.9)}" fill="${shadow}"/>`;
    s += `<path d="M${n(w / 2 - dr)} ${n(bodyTop - dr * 0.9)} A${n(dr)} ${n(dr * 1.05)} 0 0 1 ${n(w / 2 + dr)} ${n(bodyTop - dr * 0.9)} Z" fill="${linear(
      ctx,
      [
        [0, lighten(pal.accents[3] ?? '#577590', 0.3)],
        [1, darken(pal.accents[3] ?? '#577590', 0.1)],
      ],
      1,
      0,
    )}"/>`;
    s += `<rect x="${n(w / 2 - dr * 0.12)}" y="${n(bodyTop - dr * 2.2)}" width="${n(dr * 0.24)}" height="${n(dr * 0.3)}" fill="${stone}"/>`;
  }
  // Flagpoles with the same invented flag on every seed (a teal field with a white hoist
  // triangle), so no seed can happen to draw a real country's colours.
  for (const fx of [bx - w * 0.05, bx + bw + w * 0.05]) {
    s += `<rect x="${n(fx - 2)}" y="${n(h * 0.2)}" width="4" height="${n(ground - h * 0.2)}" fill="#6b6b6b"/>`;
    const fy = h * 0.21,
      fw = w * 0.06,
      fh = h * 0.05;
    s += `<path d="M${n(fx + 2)} ${n(fy)} Q${n(fx + fw * 0.5)} ${n(fy - fh * 0.2)} ${n(fx + fw)} ${n(fy)} L${n(fx + fw)} ${n(fy + fh)} Q${n(fx + fw * 0.5)} ${n(fy + fh * 0.8)} ${n(fx + 2)} ${n(fy + fh)} Z" fill="#1f6f78"/>`;
    s += `<path d="M${n(fx + 2)} ${n(fy + fh * 0.02)} L${n(fx + fw * 0.42)} ${n(fy + fh * 0.48)} L${n(fx + 2)} ${n(fy + fh * 0.98)} Z" fill="#f4f1e8"/>`;
  }
  // Main body with columns and pediment.
  s += `<rect x="${n(bx)}" y="${n(bodyTop)}" width="${n(bw)}" height="${n(ground - bodyTop)}" fill="${stone}"/>`;
  const px0 = w / 2 - bw * 0.28,
    px1 = w / 2 + bw * 0.28;
  s += `<path d="M${n(px0 - bw * 0.02)} ${n(bodyTop + h * 0.02)} L${n(w / 2)} ${n(bodyTop - h * 0.09)} L${n(px1 + bw * 0.02)} ${n(bodyTop + h * 0.02)} Z" fill="${stone}" stroke="${shadow}" stroke-width="3"/>`;
  s += `<rect x="${n(bx)}" y="${n(bodyTop + h * 0.02)}" width="${n(bw)}" height="${n(h * 0.03)}" fill="${shadow}"/>`;
  const cols = rng.int(6, 10);
  const colW = ((px1 - px0) / cols) * 0.42;
  for (let k = 0; k < cols; k++) {
    const cx = px0 + ((px1 - px0) / (cols - 1)) * k;
    s += `<rect x="${n(cx - colW / 2)}" y="${n(bodyTop + h * 0.05)}" width="${n(colW)}" height="${n(ground - bodyTop - h * 0.1)}" fill="${linear(
      ctx,
      [
        [0, lighten(stone, 0.3)],
        [0.6, stone],
        [1, shadow],
      ],
      1,
      0,
    )}"/>`;
  }
  s += `<rect x="${n(px0 - colW)}" y="${n(bodyTop + h * 0.05)}" width="${n(px1 - px0 + colW * 2)}" height="${n(ground - bodyTop - h * 0.1)}" fill="${darken(stone, 0.5)}" opacity="0.18"/>`;
  // Wings: rows of tall windows.
  for (const [x0, x1] of [
    [bx + bw * 0.03, px0 - colW * 1.5],
    [px1 + colW * 1.5, bx + bw * 0.97],
  ] as const) {
    s += `<path d="${windowGrid(rng, x0, bodyTop + h * 0.07, x1 - x0, h * 0.2, (x1 - x0) / 4, h * 0.1)}" fill="${darken(stone, 0.55)}" opacity="0.75"/>`;
  }
  // Steps and plaza.
  for (let k = 0; k < 4; k++) {
    const y = ground - h * 0.05 + k * h * 0.0125;
    s += `<rect x="${n(px0 - colW * 2 - k * w * 0.01)}" y="${n(y)}" width="${n(px1 - px0 + colW * 4 + k * w * 0.02)}" height="${n(h * 0.0125)}" fill="${k % 2 ? shadow : lighten(stone, 0.15)}"/>`;
  }
  s += `<rect y="${n(ground)}" width="${w}" height="${n(h - ground)}" fill="${linear(ctx, [
    [0, mix('#b9b1a3', pal.skyBottom, 0.2)],
    [1, '#8a8275'],
  ])}"/>`;
  for (let k = 0; k < 3; k++) {
    s += roundTree(ctx, w * (0.02 + k * 0.07), ground + h * 0.02, h * 0.16, mix(pal.land[1], '#3f6f3a', 0.5));
    s += roundTree(ctx, w * (0.98 - k * 0.07), ground + h * 0.02, h * 0.16, mix(pal.land[1], '#3f6f3a', 0.5));
  }
  return s + vignette(ctx, 0.25);
}

function laboratory(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  const bg = mix('#dfe9ee', pal.skyBottom, 0.2);
  let s = `<rect width="${w}" height="${h}" fill="${linear(
    ctx,
    [
      [0, lighten(bg, 0.3)],
      [1, darken(bg, 0.08)],
    ],
    1,
    1,
  )}"/>`;
  // Molecule network in the background.
  const nodes: [number, number][] = [];
  for (let k = 0; k < 14; k++) nodes.push([rng.range(0.05, 0.95) * w, rng.range(0.05, 0.55) * h]);
  for (let k = 0; k < nodes.length; k++) {
    const [x1, y1] = nodes[k] as [number, number];
    const [x2, y2] = nodes[(k + rng.int(1, 3)) % nodes.length] as [number, number];
    s += `<path d="M${n(x1)} ${n(y1)} L${n(x2)} ${n(y2)}" stroke="${darken(bg, 0.25)}" stroke-width="3" opacity="0.5"/>`;
  }
  for (const [x, y] of nodes) s += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(h * rng.range(0.012, 0.03))}" fill="${rng.pick(pal.accents)}" opacity="0.55"/>`;
  // Bench.
  const bench = h * 0.74;
  s += `<rect y="${n(bench)}" width="${w}" height="${n(h - bench)}" fill="${linear(ctx, [
    [0, '#e7ecef'],
    [0.05, '#c9d1d6'],
    [1, '#9aa5ad'],
  ])}"/>`;
  const glass = 'rgba(255,255,255,0.45)';
  const edge = darken(bg, 0.45);
  let x = w * rng.range(0.05, 0.1);
  while (x < w * 0.9) {
    const kind = rng.int(0, 2);
    const liquid = rng.pick(pal.accents);
    const sz = h * rng.range(0.22, 0.34);
    if (kind === 0) {
      // Erlenmeyer flask.
      const nw = sz * 0.12,
        bw = sz * 0.42;
      const d = `M${n(x + bw - nw)} ${n(bench - sz)} L${n(x + bw - nw)} ${n(bench - sz * 0.6)} L${n(x)} ${n(bench)} L${n(x + bw * 2)} ${n(bench)} L${n(x + bw + nw)} ${n(bench - sz * 0.6)} L${n(x + bw + nw)} ${n(bench - sz)} Z`;
      const lvl = rng.range(0.15, 0.4);
      s += `<path d="M${n(x + bw * lvl * 1.1)} ${n(bench - sz * lvl * 0.9)} L${n(x + bw * (2 - lvl * 1.1))} ${n(bench - sz * lvl * 0.9)} L${n(x + bw * 2)} ${n(bench)} L${n(x)} ${n(bench)} Z" fill="${liquid}" opacity="0.85"/>`;
      s += `<path d="${d}" fill="${glass}" stroke="${edge}" stroke-width="3"/>`;
      x += bw * 2 + w * 0.05;
    } else if (kind === 1) {
      // Beaker.
      const bw = sz * 0.55;
      const lvl = rng.range(0.3, 0.7);
      s += `<rect x="${n(x)}" y="${n(bench - sz * 0.7 * lvl)}" width="${n(bw)}" height="${n(sz * 0.7 * lvl)}" fill="${liquid}" opacity="0.8"/>`;
      s += `<rect x="${n(x)}" y="${n(bench - sz * 0.7)}" width="${n(bw)}" height="${n(sz * 0.7)}" fill="${glass}" stroke="${edge}" stroke-width="3"/>`;
      for (let k = 1; k < 4; k++) s += `<rect x="${n(x + bw * 0.7)}" y="${n(bench - sz * 0.7 * (k / 4))}" width="${n(bw * 0.2)}" height="2" fill="${edge}"/>`;
      x += bw + w * 0.05;
    } else {
      // Test-tube rack.
      const tubes = rng.int(4, 6);
      const tw = sz * 0.1;
      for (let k = 0; k < tubes; k++) {
        const tx = x + k * tw * 1.8;
        const lvl = rng.range(0.2, 0.6);
        s += `<rect x="${n(tx)}" y="${n(bench - sz * 0.6 * lvl)}" width="${n(tw)}" height="${n(sz * 0.6 * lvl)}" rx="${n(tw / 2)}" fill="${rng.pick(pal.accents)}" opacity="0.85"/>`;
        s += `<rect x="${n(tx)}" y="${n(bench - sz * 0.6)}" width="${n(tw)}" height="${n(sz * 0.6)}" rx="${n(tw / 2)}" fill="${glass}" stroke="${edge}" stroke-width="2.5"/>`;
      }
      s += `<rect x="${n(x - tw * 0.5)}" y="${n(bench - sz * 0.28)}" width="${n(tubes * tw * 1.8 + tw * 0.2)}" height="${n(sz * 0.07)}" fill="${darken(bg, 0.5)}"/>`;
      x += tubes * tw * 1.8 + w * 0.06;
    }
  }
  s += `<rect y="${n(bench)}" width="${w}" height="${n(h * 0.012)}" fill="#ffffff" opacity="0.6"/>`;
  return s + vignette(ctx, 0.2);
}

function field(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  const horizon = h * rng.range(0.45, 0.55);
  let s = sky(ctx, horizon + h * 0.05) + sun(ctx, rng.range(0.1, 0.9) * w, horizon * rng.range(0.3, 0.6), h * 0.045) + clouds(ctx, 5, horizon * 0.7);
  s += ridge(ctx, horizon, h * 0.06, 5, mix(pal.land[0], pal.skyBottom, 0.45));
  const crops = ['#c9b458', '#8fae5d', '#6f9a4f', '#d6c27a', '#a3b86c', '#b98e4e'];
  const bands = 5;
  const vx = w * rng.range(0.2, 0.8);
  for (let k = 0; k < bands; k++) {
    const y = horizon + (h - horizon) * ((k + 1) / (bands + 1)) ** 1.5 * 1.05;
    const c = mix(rng.pick(crops), pal.skyBottom, 0.25 * (1 - k / bands));
    const band = ridge(ctx, y, h * 0.04, 4, c);
    s += band;
    // Furrows converging on a point at the horizon, clipped to the band.
    const clip = ctx.uid();
    ctx.defs.push(`<clipPath id="${clip}">${band}</clipPath>`);
    let d = '';
    const lines = 34;
    for (let j = 0; j <= lines; j++) {
      const bx = -w + (3 * w * j) / lines;
      d += `M${n(vx)} ${n(horizon)}L${n(bx)} ${n(h)}`;
    }
    s += `<path d="${d}" stroke="${darken(c, 0.14)}" stroke-width="${n(2 + k * 2.5)}" fill="none" clip-path="url(#${clip})"/>`;
  }
  if (rng.chance(0.55)) {
    // Wind turbines on the ridge.
    const count = rng.int(2, 4);
    for (let k = 0; k < count; k++) {
      const tx = w * rng.range(0.1, 0.9),
        base = horizon + h * 0.02,
        th = h * rng.range(0.2, 0.3);
      const blade = th * 0.5;
      const a0 = rng.range(0, 120);
      s += `<rect x="${n(tx - 3)}" y="${n(base - th)}" width="6" height="${n(th)}" fill="#f4f4f0"/>`;
      for (let b = 0; b < 3; b++) {
        s += `<path d="M${n(tx)} ${n(base - th)} L${n(tx - 4)} ${n(base - th - blade)} L${n(tx + 3)} ${n(base - th - blade * 0.9)} Z" fill="#f4f4f0" transform="rotate(${n(a0 + b * 120)} ${n(tx)} ${n(base - th)})"/>`;
      }
    }
  } else {
    const fx = w * rng.range(0.55, 0.8),
      fy = horizon + h * 0.1,
      fw = w * 0.08;
    s += `<rect x="${n(fx)}" y="${n(fy - fw * 0.5)}" width="${n(fw)}" height="${n(fw * 0.5)}" fill="#efe6d6"/>`;
    s += `<path d="M${n(fx - fw * 0.08)} ${n(fy - fw * 0.5)} L${n(fx + fw / 2)} ${n(fy - fw * 0.85)} L${n(fx + fw * 1.08)} ${n(fy - fw * 0.5)} Z" fill="${rng.pick(pal.accents)}"/>`;
    s += `<rect x="${n(fx + fw * 0.4)}" y="${n(fy - fw * 0.25)}" width="${n(fw * 0.18)}" height="${n(fw * 0.25)}" fill="#5b4636"/>`;
  }
  s += roundTree(ctx, w * rng.range(0.1, 0.35), h * 0.8, h * 0.2, darken(pal.land[1], 0.15));
  return s + vignette(ctx, 0.25);
}

function festival(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  const ground = h * 0.68;
  let s = sky(ctx, ground) + sun(ctx, rng.range(0.1, 0.9) * w, h * rng.range(0.12, 0.3), h * 0.04);
  s += ridge(ctx, ground - h * 0.05, h * 0.06, 5, mix(pal.land[0], pal.skyBottom, 0.4), ground + 2);
  s += `<rect y="${n(ground)}" width="${w}" height="${n(h - ground)}" fill="${linear(ctx, [
    [0, pal.land[1]],
    [1, pal.land[2]],
  ])}"/>`;
  // Marquee tents.
  const tents = rng.int(3, 5);
  for (let k = 0; k < tents; k++) {
    const tw = w * rng.range(0.16, 0.24);
    const tx = (k + 0.5) * (w / tents) - tw / 2 + rng.range(-0.03, 0.03) * w;
    const th = h * rng.range(0.16, 0.22);
    const c = rng.pick(pal.accents);
    const peaks = rng.int(1, 2);
    let roof = `M${n(tx)} ${n(ground - th * 0.55)}`;
    for (let p = 0; p < peaks; p++) {
      const px = tx + tw * ((p + 0.5) / peaks);
      roof += ` Q${n(px - (tw * 0.12) / peaks)} ${n(ground - th * 0.7)} ${n(px)} ${n(ground - th)} Q${n(px + (tw * 0.12) / peaks)} ${n(ground - th * 0.7)} ${n(tx + tw * ((p + 1) / peaks))} ${n(ground - th * 0.55)}`;
    }
    s += `<rect x="${n(tx)}" y="${n(ground - th * 0.55)}" width="${n(tw)}" height="${n(th * 0.55 + h * 0.01)}" fill="#f5f0e6"/>`;
    s += `<rect x="${n(tx + tw * 0.38)}" y="${n(ground - th * 0.4)}" width="${n(tw * 0.24)}" height="${n(th * 0.4 + h * 0.01)}" fill="${darken(c, 0.4)}"/>`;
    s += `<path d="${roof} Z" fill="${c}"/>`;
    s += `<rect x="${n(tx)}" y="${n(ground - th * 0.55)}" width="${n(tw)}" height="${n(h * 0.012)}" fill="${darken(c, 0.2)}"/>`;
  }
  // Bunting.
  for (let k = 0; k < 2; k++) {
    const y0 = h * (0.12 + k * 0.1),
      sag = h * 0.1;
    s += `<path d="M0 ${n(y0)} Q${n(w / 2)} ${n(y0 + sag * 2)} ${w} ${n(y0)}" stroke="#333" stroke-width="2" fill="none" opacity="0.7"/>`;
    const flags = 22;
    for (let j = 1; j < flags; j++) {
      const t = j / flags;
      const px = t * w,
        py = y0 + 2 * (1 - t) * t * sag * 2;
      const fw = w * 0.014;
      s += `<path d="M${n(px - fw)} ${n(py)} L${n(px + fw)} ${n(py)} L${n(px)} ${n(py + fw * 2.2)} Z" fill="${pal.accents[(j + k) % pal.accents.length]}"/>`;
    }
  }
  // Crowd silhouettes.
  const crowd = darken(pal.land[2], 0.35);
  for (let k = 0; k < 26; k++) {
    const px = rng() * w,
      py = h * rng.range(0.86, 1.02),
      sc = h * rng.range(0.14, 0.2);
    s += `<path d="M${n(px - sc * 0.26)} ${n(h)} L${n(px - sc * 0.24)} ${n(py - sc * 0.42)} Q${n(px)} ${n(py - sc * 0.58)} ${n(px + sc * 0.24)} ${n(py - sc * 0.42)} L${n(px + sc * 0.26)} ${n(h)} Z" fill="${crowd}"/>`;
    s += `<circle cx="${n(px)}" cy="${n(py - sc * 0.66)}" r="${n(sc * 0.13)}" fill="${crowd}"/>`;
  }
  return s + vignette(ctx, 0.35);
}

function cinema(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  let s = `<rect width="${w}" height="${h}" fill="${linear(ctx, [
    [0, '#15131c'],
    [1, '#26202c'],
  ])}"/>`;
  // Screen showing a tiny landscape.
  const sw = w * 0.62,
    sh = sw * 0.42,
    sx = (w - sw) / 2,
    sy = h * 0.1;
  s += `<rect x="${n(sx - w * 0.04)}" y="${n(sy - h * 0.04)}" width="${n(sw + w * 0.08)}" height="${n(sh + h * 0.08)}" fill="${radial(ctx, [
    [0, pal.skyBottom, 0.35],
    [1, pal.skyBottom, 0],
  ])}"/>`;
  const clip = ctx.uid();
  ctx.defs.push(`<clipPath id="${clip}"><rect x="${n(sx)}" y="${n(sy)}" width="${n(sw)}" height="${n(sh)}"/></clipPath>`);
  const inner: Ctx = { ...ctx, w: sw, h: sh };
  s += `<g clip-path="url(#${clip})"><g transform="translate(${n(sx)} ${n(sy)})">${sky(inner, sh)}${sun(inner, rng.range(0.2, 0.8) * sw, sh * 0.35, sh * 0.06)}${ridge(inner, sh * 0.7, sh * 0.15, 5, mix(pal.land[0], pal.skyBottom, 0.3))}${ridge(inner, sh * 0.88, sh * 0.1, 4, pal.land[2])}</g></g>`;
  // Projector beam from the back.
  const px = w * rng.range(0.42, 0.58);
  s += `<path d="M${n(px)} ${n(h * 0.02)} L${n(sx)} ${n(sy)} L${n(sx)} ${n(sy + sh)} L${n(sx + sw)} ${n(sy + sh)} L${n(sx + sw)} ${n(sy)} Z" fill="${linear(
    ctx,
    [
      [0, '#fffbe8', 0.22],
      [1, '#fffbe8', 0.02],
    ],
  )}"/>`;
  // Rows of seats and heads.
  const seat = rng.pick(['#7a1f2b', '#5a1e3a', '#1f3b5a', '#6b2d1f']);
  for (let r = 0; r < 4; r++) {
    const y = h * (0.62 + r * 0.1);
    const size = w * (0.035 + r * 0.008);
    const rowCol = mix(seat, '#0b0a10', 0.35 + r * 0.12);
    s += `<rect y="${n(y)}" width="${w}" height="${n(h - y)}" fill="${rowCol}"/>`;
    for (let x = -rng() * size; x < w; x += size * 1.25) {
      s += `<rect x="${n(x)}" y="${n(y - size * 0.6)}" width="${n(size * 1.1)}" height="${n(size)}" rx="${n(size * 0.25)}" fill="${rowCol}"/>`;
      if (rng.chance(0.45)) {
        const hc = darken(rowCol, 0.5);
        s += `<circle cx="${n(x + size * 0.55)}" cy="${n(y - size * 0.8)}" r="${n(size * 0.32)}" fill="${hc}"/>`;
      }
    }
  }
  return s + vignette(ctx, 0.5);
}

function chess(ctx: Ctx): string {
  const { w, h, rng } = ctx;
  const table = rng.pick(['#4a3325', '#2f3a40', '#3d2f3f', '#5a4632']);
  let s = `<rect width="${w}" height="${h}" fill="${linear(ctx, [
    [0, darken(table, 0.5)],
    [0.45, table],
    [1, lighten(table, 0.08)],
  ])}"/>`;
  s += `<circle cx="${n(w * rng.range(0.3, 0.7))}" cy="${n(h * 0.25)}" r="${n(w * 0.45)}" fill="${radial(ctx, [
    [0, '#ffe9c4', 0.22],
    [1, '#ffe9c4', 0],
  ])}"/>`;
  const light = '#efe3cc',
    dark = rng.pick(['#7a5a3a', '#51705a', '#5f6b7d', '#8a5d4a']);
  const horizonY = h * 0.22,
    F = w * 0.62,
    camH = (h * 0.8) / F;
  const zNear = 1.45,
    zFar = 4.2;
  const project = (X: number, Z: number): [number, number] => [w / 2 + (F * X) / Z, horizonY + (F * camH) / Z];
  // Board: X in [-1, 1], Z in [zNear, zFar].
  const [ax, ay] = project(-1.06, zNear - 0.04),
    [bx, by] = project(1.06, zNear - 0.04);
  const [cx, cy] = project(1.06, zFar + 0.1),
    [dx, dy] = project(-1.06, zFar + 0.1);
  s += `<path d="M${n(ax)} ${n(ay)} L${n(bx)} ${n(by)} L${n(cx)} ${n(cy)} L${n(dx)} ${n(dy)} Z" fill="#2a1c12"/>`;
  for (let r = 0; r < 8; r++) {
    const z0 = zNear + ((zFar - zNear) * r) / 8,
      z1 = zNear + ((zFar - zNear) * (r + 1)) / 8;
    for (let c = 0; c < 8; c++) {
      const x0 = -1 + c / 4,
        x1 = -1 + (c + 1) / 4;
      const p = [project(x0, z0), project(x1, z0), project(x1, z1), project(x0, z1)];
      s += `<path d="M${p.map(([x, y]) => `${n(x)} ${n(y)}`).join(' L')} Z" fill="${(r + c) % 2 ? light : dark}"/>`;
    }
  }
  // Pieces: simple silhouettes drawn in a unit box (height 1), scaled by depth.
  const shapes: Record<string, string> = {
    pawn: 'M-0.28 0 L0.28 0 L0.22 -0.12 L0.12 -0.18 L0.08 -0.5 L0.16 -0.56 L0.06 -0.6 A0.16 0.16 0 1 0 -0.06 -0.6 L-0.16 -0.56 L-0.08 -0.5 L-0.12 -0.18 L-0.22 -0.12 Z',
    rook: 'M-0.3 0 L0.3 0 L0.24 -0.14 L0.16 -0.2 L0.16 -0.62 L0.24 -0.66 L0.24 -0.84 L0.14 -0.84 L0.14 -0.76 L0.05 -0.76 L0.05 -0.84 L-0.05 -0.84 L-0.05 -0.76 L-0.14 -0.76 L-0.14 -0.84 L-0.24 -0.84 L-0.24 -0.66 L-0.16 -0.62 L-0.16 -0.2 L-0.24 -0.14 Z',
    king: 'M-0.32 0 L0.32 0 L0.26 -0.14 L0.16 -0.2 L0.1 -0.72 L0.2 -0.78 L0.2 -0.84 L0.04 -0.86 L0.04 -0.92 L0.1 -0.92 L0.1 -0.98 L0.04 -0.98 L0.04 -1.04 L-0.04 -1.04 L-0.04 -0.98 L-0.1 -0.98 L-0.1 -0.92 L-0.04 -0.92 L-0.04 -0.86 L-0.2 -0.84 L-0.2 -0.78 L-0.1 -0.72 L-0.16 -0.2 L-0.26 -0.14 Z',
    bishop: 'M-0.28 0 L0.28 0 L0.22 -0.13 L0.12 -0.2 L0.1 -0.5 L0.18 -0.56 Q0.2 -0.78 0 -0.9 Q-0.2 -0.78 -0.18 -0.56 L-0.1 -0.5 L-0.12 -0.2 L-0.22 -0.13 Z',
  };
  const placed: { r: number; c: number; kind: string; white: boolean }[] = [];
  const used = new Set<string>();
  const count = rng.int(7, 12);
  for (let k = 0; k < count; k++) {
    const r = rng.int(0, 7),
      c = rng.int(0, 7);
    if (used.has(`${r},${c}`)) continue;
    used.add(`${r},${c}`);
    placed.push({ r, c, kind: rng.pick(['pawn', 'pawn', 'pawn', 'rook', 'bishop', 'king']), white: rng.chance(0.5) });
  }
  placed.sort((p1, p2) => p2.r - p1.r); // far pieces first
  for (const pc of placed) {
    const z = zNear + ((zFar - zNear) * (pc.r + 0.5)) / 8;
    const [x, y] = project(-1 + (pc.c + 0.5) / 4, z);
    const scale = (h * 0.42) / z;
    const fill = pc.white ? '#f4ecdc' : '#1f1b1a';
    s += `<ellipse cx="${n(x + scale * 0.08)}" cy="${n(y)}" rx="${n(scale * 0.32)}" ry="${n(scale * 0.07)}" fill="#000" opacity="0.35"/>`;
    s += `<path d="${shapes[pc.kind] ?? shapes.pawn}" transform="translate(${n(x)} ${n(y)}) scale(${n(scale)})" fill="${fill}" stroke="${pc.white ? '#b7a98f' : '#4a423d'}" stroke-width="${n(1.5 / scale)}"/>`;
  }
  return s + vignette(ctx, 0.45);
}

function desert(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  const horizon = h * rng.range(0.5, 0.58);
  let s = sky(ctx, horizon + h * 0.05) + sun(ctx, rng.range(0.15, 0.85) * w, horizon * rng.range(0.3, 0.7), h * 0.06);
  s += range(ctx, horizon, h * 0.05, h * 0.14, rng.int(3, 5), mix('#b5886a', pal.skyBottom, 0.5), null);
  const sand = ['#e2b77c', '#d49a5f', '#c2824c', '#a9683b'];
  for (let k = 0; k < 4; k++) {
    const y = horizon + (h - horizon) * (0.12 + k * 0.25);
    const c = mix(sand[k] as string, pal.skyBottom, 0.25 - k * 0.06);
    s += ridge(
      ctx,
      y,
      h * 0.08,
      3,
      linear(
        ctx,
        [
          [0, lighten(c, 0.12)],
          [1, darken(c, 0.1)],
        ],
        1,
        0.4,
      ),
    );
  }
  // A line of qanat shafts receding to the horizon: mounds with dark openings.
  const startX = w * rng.range(0.1, 0.3),
    endX = w * rng.range(0.55, 0.8);
  const shafts = 9;
  for (let k = shafts - 1; k >= 0; k--) {
    const t = k / (shafts - 1);
    const depthT = (1 - t) ** 1.8;
    const x = startX + (endX - startX) * t;
    const y = horizon + h * 0.03 + (h * 0.88 - horizon) * depthT;
    const r = w * (0.008 + depthT * 0.05);
    s += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(r)}" ry="${n(r * 0.38)}" fill="${darken('#d49a5f', 0.12)}"/>`;
    s += `<ellipse cx="${n(x)}" cy="${n(y - r * 0.1)}" rx="${n(r * 0.35)}" ry="${n(r * 0.13)}" fill="#3d2a1f"/>`;
  }
  // Date palms at an oasis.
  const ox = w * rng.range(0.75, 0.92);
  for (let k = 0; k < 3; k++) {
    const x = ox + (k - 1) * w * 0.04,
      base = horizon + h * 0.08 + k * h * 0.02,
      th = h * rng.range(0.12, 0.18);
    s += `<path d="M${n(x)} ${n(base)} Q${n(x + w * 0.01)} ${n(base - th / 2)} ${n(x + w * 0.004)} ${n(base - th)}" stroke="#5b4030" stroke-width="${n(w * 0.005)}" fill="none"/>`;
    for (let f = 0; f < 6; f++) {
      const ang = -160 + f * 28;
      s += `<path d="M0 0 Q${n(w * 0.02)} ${n(-h * 0.02)} ${n(w * 0.045)} ${n(h * 0.01)} Q${n(w * 0.02)} ${n(-h * 0.005)} 0 0 Z" fill="#3f6b3a" transform="translate(${n(x + w * 0.004)} ${n(base - th)}) rotate(${ang + 90})"/>`;
    }
  }
  return s + vignette(ctx, 0.3);
}

function chart(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  const darkMode = rng.chance(0.5);
  const bg = darkMode ? '#14213d' : '#f4efe6';
  const grid = darkMode ? '#2b3a5c' : '#ddd3c2';
  let s = `<rect width="${w}" height="${h}" fill="${linear(ctx, [
    [0, bg],
    [1, darkMode ? '#0d1628' : '#ebe3d4'],
  ])}"/>`;
  const x0 = w * 0.08,
    x1 = w * 0.92,
    y0 = h * 0.12,
    y1 = h * 0.86;
  for (let k = 0; k <= 6; k++) s += `<rect x="${n(x0)}" y="${n(y0 + ((y1 - y0) * k) / 6)}" width="${n(x1 - x0)}" height="2" fill="${grid}"/>`;
  const nPts = 24;
  const ys: number[] = [];
  let v = rng.range(0.3, 0.7);
  for (let k = 0; k < nPts; k++) {
    v = Math.min(0.92, Math.max(0.08, v + rng.range(-0.09, 0.09)));
    ys.push(v);
  }
  const px = (k: number): number => x0 + ((x1 - x0) * k) / (nPts - 1);
  const py = (val: number): number => y1 - (y1 - y0) * val;
  const barC = pal.accents[1] ?? '#e9c46a';
  for (let k = 0; k < nPts; k++) {
    const bh = (y1 - y0) * rng.range(0.05, 0.22);
    s += `<rect x="${n(px(k) - w * 0.011)}" y="${n(y1 - bh)}" width="${n(w * 0.022)}" height="${n(bh)}" fill="${barC}" opacity="${darkMode ? 0.45 : 0.55}"/>`;
  }
  const line = ys.map((val, k) => `${k ? 'L' : 'M'}${n(px(k))} ${n(py(val))}`).join(' ');
  const lineC = pal.accents[0] ?? '#ef476f';
  s += `<path d="${line} L${n(px(nPts - 1))} ${n(y1)} L${n(px(0))} ${n(y1)} Z" fill="${linear(ctx, [
    [0, lineC, 0.45],
    [1, lineC, 0.02],
  ])}"/>`;
  s += `<path d="${line}" stroke="${lineC}" stroke-width="${n(w * 0.004)}" fill="none" stroke-linejoin="round"/>`;
  // A second, calmer series.
  let v2 = rng.range(0.3, 0.6);
  const line2 = ys
    .map((_, k) => {
      v2 = Math.min(0.9, Math.max(0.1, v2 + rng.range(-0.04, 0.04)));
      return `${k ? 'L' : 'M'}${n(px(k))} ${n(py(v2))}`;
    })
    .join(' ');
  s += `<path d="${line2}" stroke="${darkMode ? '#8ecae6' : (pal.accents[2] ?? '#2a9d8f')}" stroke-width="${n(w * 0.003)}" fill="none" stroke-dasharray="${n(w * 0.01)} ${n(w * 0.006)}"/>`;
  const hi = rng.int(Math.floor(nPts * 0.5), nPts - 1);
  const hy = ys[hi] ?? 0.5;
  s += `<circle cx="${n(px(hi))}" cy="${n(py(hy))}" r="${n(w * 0.014)}" fill="none" stroke="${lineC}" stroke-width="3"/><circle cx="${n(px(hi))}" cy="${n(py(hy))}" r="${n(w * 0.006)}" fill="${lineC}"/>`;
  s += `<rect x="${n(px(hi) - 1)}" y="${n(y0)}" width="2" height="${n(y1 - y0)}" fill="${lineC}" opacity="0.4"/>`;
  return s;
}

function portrait(ctx: Ctx): string {
  const { w, h, rng, pal } = ctx;
  const bgTone = rng.pick(['#c9d3d8', '#d8cfc4', '#c4ccbf', '#cfc7d6', '#d6d0bd', '#b9c6cf']);
  let s = `<rect width="${w}" height="${h}" fill="${linear(
    ctx,
    [
      [0, lighten(bgTone, 0.2)],
      [1, darken(bgTone, 0.18)],
    ],
    0.6,
    1,
  )}"/>`;
  // Soft bokeh discs behind the subject.
  for (let k = 0; k < 6; k++) {
    s += `<circle cx="${n(rng() * w)}" cy="${n(rng() * h * 0.7)}" r="${n(w * rng.range(0.08, 0.2))}" fill="${radial(ctx, [
      [0, lighten(rng.pick(pal.accents), 0.5), 0.35],
      [1, '#ffffff', 0],
    ])}"/>`;
  }
  const u = Math.min(w, h * 0.8);
  const cx = w / 2 + rng.range(-0.05, 0.05) * w;
  const headY = h * rng.range(0.4, 0.45);
  const hr = u * rng.range(0.15, 0.17);
  const skin = rng.pick(['#f1c9a5', '#e0ac7e', '#c68a5a', '#a0663d', '#7a4a2b', '#e8b896', '#5c3a24']);
  const hairPick = rng.pick(['#1f1a17', '#3b2a1e', '#6b4a2b', '#a67b4f', '#d9c3a0', '#8a8a8a', '#2b211c', '#4a2e24']);
  // Keep hair readable against the skin tone.
  const lum = (c: string): number => {
    const [r, g, bl] = rgbOf(c);
    return 0.299 * r + 0.587 * g + 0.114 * bl;
  };
  const hair = Math.abs(lum(hairPick) - lum(skin)) < 45 ? darken(hairPick, 0.55) : hairPick;
  const jacket = rng.pick([
    '#2b3a4a',
    '#3a3a3a',
    '#6e2f3a',
    '#2e5a4a',
    '#4a3f5a',
    '#8a6a3a',
    '#1f2b3a',
    '#5f7a8c',
    '#b0a48f',
    '#2f5f7f',
    pal.accents[3] ?? '#3d405b',
  ]);
  const shirt = rng.pick(['#f2efe8', '#dfe7ee', '#e9dccf', '#c9d6e3', darken(jacket, 0.3)]);
  const style = rng.pick([0, 0, 1, 1, 2, 2, 3, 4]);
  // Hair behind the head (long styles).
  if (style === 1)
    s += `<path d="M${n(cx - hr * 1.15)} ${n(headY)} Q${n(cx - hr * 1.3)} ${n(headY + hr * 2.3)} ${n(cx - hr * 0.2)} ${n(headY + hr * 2.2)} L${n(cx + hr * 0.2)} ${n(headY + hr * 2.2)} Q${n(cx + hr * 1.3)} ${n(headY + hr * 2.3)} ${n(cx + hr * 1.15)} ${n(headY)} Z" fill="${hair}"/>`;
  if (style === 3) s += `<circle cx="${n(cx)}" cy="${n(headY - hr * 1.05)}" r="${n(hr * 0.45)}" fill="${hair}"/>`;
  // Shoulders and torso: rounded shoulders, slightly flaring sides.
  const shY = headY + hr * 1.65;
  const shW = u * rng.range(0.35, 0.4);
  const torso = (k: number): string =>
    `M${n(cx - shW * 1.15 * k)} ${n(h)} L${n(cx - shW * 1.08 * k)} ${n(shY + hr * 0.9)} Q${n(cx - shW * 1.04 * k)} ${n(shY + hr * 0.02)} ${n(cx - shW * 0.7 * k)} ${n(shY - hr * 0.06)} L${n(cx - hr * 0.5)} ${n(shY - hr * 0.2)} L${n(cx + hr * 0.5)} ${n(shY - hr * 0.2)} L${n(cx + shW * 0.7 * k)} ${n(shY - hr * 0.06)} Q${n(cx + shW * 1.04 * k)} ${n(shY + hr * 0.02)} ${n(cx + shW * 1.08 * k)} ${n(shY + hr * 0.9)} L${n(cx + shW * 1.15 * k)} ${n(h)} Z`;
  // Neck first, so the collar overlaps it.
  s += `<rect x="${n(cx - hr * 0.36)}" y="${n(headY + hr * 0.6)}" width="${n(hr * 0.72)}" height="${n(shY - headY - hr * 0.45)}" fill="${darken(skin, 0.14)}"/>`;
  s += `<path d="${torso(1)}" fill="${linear(
    ctx,
    [
      [0, lighten(jacket, 0.14)],
      [1, darken(jacket, 0.25)],
    ],
    1,
    0.3,
  )}"/>`;
  const collar = rng.int(0, 2);
  if (collar === 0) {
    // Shirt V under a jacket with lapels.
    s += `<path d="M${n(cx - hr * 0.62)} ${n(shY - hr * 0.18)} L${n(cx)} ${n(shY + hr * 1.2)} L${n(cx + hr * 0.62)} ${n(shY - hr * 0.18)} Z" fill="${shirt}"/>`;
    s += `<path d="M${n(cx - hr * 0.62)} ${n(shY - hr * 0.18)} L${n(cx - hr * 0.05)} ${n(shY + hr * 1.25)} L${n(cx - hr * 0.5)} ${n(shY + hr * 2.4)} L${n(cx - hr * 1.1)} ${n(shY + hr * 0.3)} Z" fill="${darken(jacket, 0.22)}"/>`;
    s += `<path d="M${n(cx + hr * 0.62)} ${n(shY - hr * 0.18)} L${n(cx + hr * 0.05)} ${n(shY + hr * 1.25)} L${n(cx + hr * 0.5)} ${n(shY + hr * 2.4)} L${n(cx + hr * 1.1)} ${n(shY + hr * 0.3)} Z" fill="${darken(jacket, 0.3)}"/>`;
  } else if (collar === 1) {
    // Crew-neck jumper.
    s += `<path d="M${n(cx - hr * 0.55)} ${n(shY - hr * 0.2)} Q${n(cx)} ${n(shY + hr * 0.55)} ${n(cx + hr * 0.55)} ${n(shY - hr * 0.2)}" fill="none" stroke="${darken(jacket, 0.3)}" stroke-width="${n(hr * 0.12)}"/>`;
  } else {
    // Open-necked shirt.
    s += `<path d="M${n(cx - hr * 0.5)} ${n(shY - hr * 0.2)} L${n(cx)} ${n(shY + hr * 0.55)} L${n(cx + hr * 0.5)} ${n(shY - hr * 0.2)} L${n(cx + hr * 0.75)} ${n(shY + hr * 0.15)} L${n(cx)} ${n(shY + hr * 0.95)} L${n(cx - hr * 0.75)} ${n(shY + hr * 0.15)} Z" fill="${shirt}"/>`;
    s += `<path d="M${n(cx - hr * 0.5)} ${n(shY - hr * 0.2)} L${n(cx)} ${n(shY + hr * 0.55)} L${n(cx + hr * 0.5)} ${n(shY - hr * 0.2)} Z" fill="${darken(skin, 0.14)}"/>`;
  }
  // Head with side lighting.
  s += `<ellipse cx="${n(cx - hr * 0.95)}" cy="${n(headY + hr * 0.1)}" rx="${n(hr * 0.16)}" ry="${n(hr * 0.25)}" fill="${darken(skin, 0.08)}"/><ellipse cx="${n(cx + hr * 0.95)}" cy="${n(headY + hr * 0.1)}" rx="${n(hr * 0.16)}" ry="${n(hr * 0.25)}" fill="${darken(skin, 0.15)}"/>`;
  s += `<ellipse cx="${n(cx)}" cy="${n(headY)}" rx="${n(hr * 0.92)}" ry="${n(hr * 1.12)}" fill="${linear(
    ctx,
    [
      [0, lighten(skin, 0.1)],
      [0.6, skin],
      [1, darken(skin, 0.18)],
    ],
    1,
    0,
  )}"/>`;
  // Hair on top.
  if (style !== 4) {
    const depth = style === 2 ? 0.25 : 0.45;
    s += `<path d="M${n(cx - hr * 0.98)} ${n(headY - hr * 0.05)} Q${n(cx - hr * 1.05)} ${n(headY - hr * 1.35)} ${n(cx)} ${n(headY - hr * 1.3)} Q${n(cx + hr * 1.05)} ${n(headY - hr * 1.35)} ${n(cx + hr * 0.98)} ${n(headY - hr * 0.05)} Q${n(cx + hr * 0.7)} ${n(headY - hr * (1 - depth))} ${n(cx + hr * 0.1)} ${n(headY - hr * (0.95 - depth))} Q${n(cx - hr * 0.6)} ${n(headY - hr * (0.9 - depth))} ${n(cx - hr * 0.98)} ${n(headY - hr * 0.05)} Z" fill="${hair}"/>`;
  }
  // Glasses, sometimes.
  if (rng.chance(0.35)) {
    const gy = headY - hr * 0.05,
      gw = hr * 0.34;
    s += `<rect x="${n(cx - hr * 0.12 - gw * 1.3)}" y="${n(gy - gw * 0.35)}" width="${n(gw * 1.3)}" height="${n(gw * 0.8)}" rx="${n(gw * 0.25)}" fill="none" stroke="#222" stroke-width="${n(u * 0.006)}"/>`;
    s += `<rect x="${n(cx + hr * 0.12)}" y="${n(gy - gw * 0.35)}" width="${n(gw * 1.3)}" height="${n(gw * 0.8)}" rx="${n(gw * 0.25)}" fill="none" stroke="#222" stroke-width="${n(u * 0.006)}"/>`;
    s += `<path d="M${n(cx - hr * 0.12)} ${n(gy)} L${n(cx + hr * 0.12)} ${n(gy)}" stroke="#222" stroke-width="${n(u * 0.005)}"/>`;
  }
  // Rim light on one side of the figure.
  s += `<rect width="${w}" height="${h}" fill="${linear(
    ctx,
    [
      [0, '#ffffff', 0.12],
      [0.5, '#ffffff', 0],
      [1, '#000000', 0.12],
    ],
    1,
    0,
  )}"/>`;
  return s + vignette(ctx, 0.3);
}

const SCENE_RENDERERS: Record<Scene, (ctx: Ctx) => string> = {
  harbour,
  city,
  mountains,
  lake,
  rail,
  library,
  stadium,
  market,
  parliament,
  laboratory,
  field,
  festival,
  cinema,
  chess,
  desert,
  chart,
  portrait,
};

/** The SVG source of a demo image (exported for tests and previews). */
export function demoImageSvg(scene: Scene, seed: string, width?: number, height?: number): string {
  const w = Math.round(width ?? (scene === 'portrait' ? 800 : 1600));
  const h = Math.round(height ?? (scene === 'portrait' ? 1000 : 1000));
  const rng = makeRng(`${scene}:${seed}`);
  let counter = 0;
  const ctx: Ctx = { w, h, rng, pal: rng.pick(PALETTES), defs: [], uid: () => `g${counter++}` };
  const body = SCENE_RENDERERS[scene](ctx);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs>${ctx.defs.join('')}</defs>${body}</svg>`;
}

/** Renders a demo illustration as JPEG: 1600×1000 by default, 800×1000 for portraits. */
export async function renderDemoImage(scene: Scene, seed: string, width?: number, height?: number): Promise<Buffer> {
  const svg = demoImageSvg(scene, seed, width, height);
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}

/**
 * A square JPEG author portrait, drawn rather than photographed: an abstract head and shoulders
 * on a backdrop of the author's colour, with hair, collar and backdrop varied by the seed (the
 * author's slug), so each demo author is recognisable without being anyone real.
 */
export async function renderPortrait(seed: string, color: string, size = 600): Promise<Buffer> {
  const base = /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#4f5d75';
  const rng = makeRng(`author-portrait:${seed}`);
  const s = size;
  const skin = rng.pick(['#f1d3b8', '#e0b48f', '#c68e62', '#9c6a45', '#6f4a2f']);
  const hair = rng.pick(['#2b211c', '#4a3426', '#7a5230', '#a8a29a', '#1c1c24']);
  const coat = darken(base, rng.range(0.25, 0.45));
  const cx = s / 2 + rng.range(-0.03, 0.03) * s;
  const headR = s * rng.range(0.15, 0.17);
  const headY = s * 0.4;
  const long = rng.chance(0.5);
  // Hair: a cap over the head, longer at the sides for some.
  const hairPath = long
    ? `M${n(cx - headR * 1.15)} ${n(headY + headR * 1.4)} Q${n(cx - headR * 1.35)} ${n(headY - headR * 1.5)} ${n(cx)} ${n(headY - headR * 1.2)} Q${n(cx + headR * 1.35)} ${n(headY - headR * 1.5)} ${n(cx + headR * 1.15)} ${n(headY + headR * 1.4)} Z`
    : `M${n(cx - headR * 1.05)} ${n(headY - headR * 0.1)} Q${n(cx - headR * 1.1)} ${n(headY - headR * 1.35)} ${n(cx)} ${n(headY - headR * 1.18)} Q${n(cx + headR * 1.1)} ${n(headY - headR * 1.35)} ${n(cx + headR * 1.05)} ${n(headY - headR * 0.1)} Q${n(cx)} ${n(headY - headR * 0.75)} ${n(cx - headR * 1.05)} ${n(headY - headR * 0.1)} Z`;
  const shoulderY = headY + headR * 1.55;
  const body = `M${n(cx - s * 0.36)} ${s} Q${n(cx - s * 0.34)} ${n(shoulderY)} ${n(cx)} ${n(shoulderY - s * 0.01)} Q${n(cx + s * 0.34)} ${n(shoulderY)} ${n(cx + s * 0.36)} ${s} Z`;
  const collar = rng.chance(0.5)
    ? `<path d="M${n(cx - headR * 0.55)} ${n(shoulderY)} L${n(cx)} ${n(shoulderY + headR * 0.9)} L${n(cx + headR * 0.55)} ${n(shoulderY)} Z" fill="${lighten(base, 0.85)}"/>`
    : `<rect x="${n(cx - headR * 0.42)}" y="${n(shoulderY - headR * 0.05)}" width="${n(headR * 0.84)}" height="${n(headR * 0.35)}" rx="${n(headR * 0.17)}" fill="${lighten(base, 0.85)}"/>`;
  const rings = Array.from({ length: 3 }, (_, i) => {
    const r = s * (0.22 + i * 0.16 + rng.range(-0.02, 0.02));
    return `<circle cx="${n(s * rng.range(0.15, 0.85))}" cy="${n(s * rng.range(0.1, 0.5))}" r="${n(r)}" fill="${lighten(base, 0.55 + i * 0.1)}" opacity="0.35"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${lighten(base, 0.7)}"/><stop offset="1" stop-color="${lighten(base, 0.4)}"/></linearGradient></defs>
<rect width="${s}" height="${s}" fill="url(#bg)"/>${rings}
${long ? `<path d="${hairPath}" fill="${hair}"/>` : ''}
<rect x="${n(cx - headR * 0.38)}" y="${n(headY + headR * 0.7)}" width="${n(headR * 0.76)}" height="${n(headR * 0.9)}" fill="${darken(skin, 0.08)}"/>
<path d="${body}" fill="${coat}"/>${collar}
<ellipse cx="${n(cx)}" cy="${n(headY)}" rx="${n(headR * 0.92)}" ry="${n(headR * 1.08)}" fill="${skin}"/>
${long ? '' : `<path d="${hairPath}" fill="${hair}"/>`}
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 84, mozjpeg: true }).toBuffer();
}

/**
 * The demo newsroom's logo: a wordmark in a serif with a short accent rule, drawn as SVG and made a
 * PNG with sharp (transparent background, 4:1 for the masthead).
 */
export async function renderDemoLogo(name: string, accent: string, width = 1000, height = 160): Promise<Buffer> {
  const safe = name.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect x="0" y="${height * 0.18}" width="${height * 0.09}" height="${height * 0.64}" fill="${accent}"/>
  <text x="${height * 0.22}" y="${height * 0.7}" font-family="DejaVu Serif, Liberation Serif, Georgia, serif" font-weight="700" font-size="${height * 0.6}" fill="#121212">${safe}</text>
</svg>`;
  // The text's width depends on the fonts this machine has: trim the canvas to what was drawn.
  return sharp(await sharp(Buffer.from(svg)).png().toBuffer())
    .trim({ threshold: 1 })
    .extend({ top: 8, bottom: 8, left: 0, right: 8, background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
}
