/**
 * Helpers for the media tests: real images made with sharp, and real multipart bodies sent with
 * the agent's cookies through app.inject.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { LightMyRequestResponse } from 'fastify';
import type { Agent } from '../../../helpers/agent.js';
import type { Injector } from '../../../helpers/http-client.js';

export interface FilePart {
  name: string;
  type: string;
  bytes: Buffer;
  field?: string;
}

/** A multipart/form-data body as a browser sends it. */
export function multipartBody(fields: Record<string, string>, files: FilePart[] = []): { payload: Buffer; contentType: string } {
  const boundary = `----broadsheet${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs an upload with the agent's cookies. `csrf: true` fetches a token from the library page first. */
export async function upload(
  app: Injector,
  agent: Agent,
  files: FilePart[],
  o: { fields?: Record<string, string>; csrf?: boolean | string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  let token: string | undefined;
  if (o.csrf === true || o.csrf === undefined) token = await agent.csrf();
  else if (typeof o.csrf === 'string') token = o.csrf;
  const { payload, contentType } = multipartBody({ ...(token ? { _csrf: token } : {}), ...o.fields }, files);
  return app.inject({
    method: 'POST',
    url: '/admin/media',
    payload,
    headers: { 'content-type': contentType, ...(agent.cookie ? { cookie: agent.cookie } : {}), ...o.headers },
  });
}

/** A photo-like JPEG with EXIF camera and GPS tags (what a phone writes). */
export async function jpegWithGps(width = 1200, height = 800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a6ea5' } })
    .composite([{ input: { create: { width: Math.round(width / 3), height: Math.round(height / 3), channels: 3, background: '#d4a017' } }, left: 10, top: 10 }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'Snapper 9', Copyright: 'Someone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 19/1 4500/100', GPSLongitudeRef: 'E', GPSLongitude: '18/1 4/1 1200/100' },
    })
    .toBuffer();
}

/** A large noisy image (compresses badly, so it is big in bytes). */
export async function noisyPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .png()
    .toBuffer();
}

/** Every file under a directory, relative to it. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

/** Waits on a condition (never a fixed sleep), up to `ms`. */
export async function waitFor<T>(fn: () => Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
