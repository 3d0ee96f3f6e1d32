/**
 * @module web/site/brand
 * The theme stylesheet made from the owner's settings: the accent colour and the chosen type
 * pairing's @font-face rules. Fonts are self-hosted from the @fontsource-variable packages (their
 * woff2 files are already subset by script, each face with its unicode-range, font-display: swap),
 * served from this origin at /brand/fonts/ (web/site/brand.routes), so no page asks another host.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEFAULT_ACCENT, fontPairing, type SiteSettings } from '../../modules/site/site.js';

const require = createRequire(import.meta.url);

interface FontPackage {
  dir: string;
  version: string;
}

const packages = new Map<string, FontPackage | null>();

/** Where a bundled font package lives (null: not installed). */
export function fontPackage(name: string): FontPackage | null {
  let hit = packages.get(name);
  if (hit === undefined) {
    try {
      const file = require.resolve(`@fontsource-variable/${name}/package.json`);
      hit = { dir: path.dirname(file), version: (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version };
    } catch {
      hit = null;
    }
    packages.set(name, hit);
  }
  return hit;
}

/**
 * The package's @font-face rules (weights as one variable face; italics for the serif), pointing
 * here. `subsets`: only the faces of these scripts (their comment names them: latin, arabic…).
 */
function fontFaces(name: string, italic: boolean, subsets?: readonly string[]): string {
  const pkg = fontPackage(name);
  if (!pkg) return '';
  let css = ['wght.css', ...(italic ? ['wght-italic.css'] : [])]
    .map((f) => {
      try {
        return fs.readFileSync(path.join(pkg.dir, f), 'utf8');
      } catch {
        return '';
      }
    })
    .join('\n');
  if (subsets) {
    const wanted = new RegExp(`^/\\* ${name}-(?:${subsets.join('|')})-wght-`);
    css = css
      .split(/\n(?=\/\*)/)
      .filter((block) => wanted.test(block.trim()))
      .join('\n');
  }
  return css.replace(/url\(\.\/files\/([a-z0-9-]+\.woff2)\)/g, (_m, file: string) => `url(/brand/fonts/${name}/${pkg.version}/${file})`);
}

/**
 * The Arabic-script face of every bundled pairing (Persian, Arabic, Urdu pages and passages):
 * Vazirmatn's Arabic subset only, so Latin words inside such text keep the pairing's Latin face.
 */
export const ARABIC_FACE = { name: 'vazirmatn', family: '"Vazirmatn Variable"' } as const;

/** The file of a package's upright variable face for one script, as served here (undefined: none). */
function faceFile(name: string, subset: string): string | undefined {
  const pkg = fontPackage(name);
  const file = `${name}-${subset}-wght-normal.woff2`;
  return pkg && fs.existsSync(path.join(pkg.dir, 'files', file)) ? `/brand/fonts/${name}/${pkg.version}/${file}` : undefined;
}

/**
 * The headline face's file for Latin-script and for Arabic-script pages, for a preload: the first
 * text a reader sees is a headline, and without it the page paints in a fallback face and reflows.
 */
export function headlineFonts(s: Pick<SiteSettings, 'fonts'>): { latin?: string; arabic?: string } {
  const pairing = fontPairing(s.fonts);
  const serif = pairing.packages[0];
  if (!serif) return {};
  const latin = faceFile(serif, 'latin');
  const arabic = faceFile(ARABIC_FACE.name, 'arabic');
  return { ...(latin ? { latin } : {}), ...(arabic ? { arabic } : {}) };
}

const faces = new Map<string, string>();

/** The theme stylesheet for these settings, or undefined when they are the theme's own. */
export function themeCss(s: SiteSettings): string | undefined {
  const accent = s.accent && s.accent !== DEFAULT_ACCENT ? s.accent : undefined;
  const pairing = fontPairing(s.fonts);
  if (!accent && pairing.packages.length === 0) return undefined;
  const parts: string[] = ['/* Made from the site settings (/admin/settings). */'];
  pairing.packages.forEach((name, i) => {
    const key = `${name}:${i === 0}`;
    let css = faces.get(key);
    if (css === undefined) {
      css = fontFaces(name, i === 0);
      faces.set(key, css);
    }
    parts.push(css);
  });
  if (pairing.packages.length) {
    let css = faces.get(ARABIC_FACE.name);
    if (css === undefined) {
      css = fontFaces(ARABIC_FACE.name, false, ['arabic']);
      faces.set(ARABIC_FACE.name, css);
    }
    parts.push(css);
  }
  const vars = [
    ...(accent ? [`--accent: ${accent};`] : []),
    ...(pairing.packages.length
      ? [
          `--serif-latin: ${pairing.serif};`,
          `--sans-latin: ${pairing.sans};`,
          `--serif-arabic: ${ARABIC_FACE.family}, ${pairing.serif};`,
          `--sans-arabic: ${ARABIC_FACE.family}, ${pairing.sans};`,
        ]
      : []),
  ];
  parts.push(`:root { ${vars.join(' ')} }`);
  return `${parts.join('\n')}\n`;
}
