/**
 * @module web/site/assets
 * Where the theme's static files live, the same from src/ (tsx) and dist/ (compiled).
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const projectRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const ASSETS_DIR = path.join(projectRoot, 'src', 'web', 'site', 'assets');
