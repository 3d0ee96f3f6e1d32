/**
 * Uploads under load: image decoding is bounded per process (modules/media/image-gate). Six
 * concurrent uploads of a large image never decode more than the gate allows at once; those the
 * line cannot hold are refused with 503 and Retry-After, leave no file and no row, and never 500.
 */
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ImageGate } from '../../../../src/modules/media/image-gate.js';
import { DIALECTS, freshDb, type TestDb } from '../../../helpers/db.js';
import { adminApp, signedIn } from '../../../helpers/admin.js';
import type { Agent } from '../../../helpers/agent.js';
import { filesUnder, upload } from './media-helpers.js';

for (const dialect of DIALECTS) {
  describe(`bounded image processing (${dialect})`, () => {
    let t: TestDb;
    let app: FastifyInstance;
    let author: Agent;
    const gate = new ImageGate({ maxImages: 1, maxPixels: 20_000_000, maxWaiting: 2 });
    beforeAll(async () => {
      t = await freshDb(dialect);
      app = await adminApp(t, { imageGate: gate, env: { MEDIA_MAX_MB: '20' } });
      author = await signedIn(app, t, 'author');
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('six concurrent uploads of a 16-megapixel PNG: one decoded at a time, the overflow refused with 503 and Retry-After', async () => {
      const bytes = await sharp({ create: { width: 4000, height: 4000, channels: 3, background: '#5b7c99' } })
        .png()
        .toBuffer();
      const token = await author.csrf();
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          upload(app, author, [{ name: `big-${i}.png`, type: 'image/png', bytes }], {
            csrf: token,
            fields: { alt: `Big ${i}` },
            headers: { accept: 'application/json' },
          }),
        ),
      );
      const codes = results.map((r) => r.statusCode).sort();
      expect(
        codes.every((c) => c === 201 || c === 503),
        codes.join(','),
      ).toBe(true);
      const ok = results.filter((r) => r.statusCode === 201);
      const busy = results.filter((r) => r.statusCode === 503);
      // One running and two waiting: three stored, three refused.
      expect(ok.length).toBe(3);
      expect(busy.length).toBe(3);
      for (const r of busy) {
        expect(r.headers['retry-after']).toBe('10');
        expect(r.json()).toMatchObject({ error: { code: 'MEDIA_BUSY' } });
        expect(r.json().error.message).toContain('nothing was saved');
      }
      expect(gate.peak.images).toBe(1);
      // Only the stored uploads have rows and files.
      const rows = await t.handle.db.selectFrom('media').select('path').execute();
      expect(rows).toHaveLength(3);
      const originals = filesUnder(path.join(t.dataDir, 'media')).filter((f) => /big-\d(-[0-9a-f]{8})?\.png$/.test(f));
      expect(originals).toHaveLength(3);
      // Once the line is free, the next upload goes through.
      const after = await upload(app, author, [{ name: 'later.png', type: 'image/png', bytes }], {
        fields: { alt: 'Later' },
        headers: { accept: 'application/json' },
      });
      expect(after.statusCode).toBe(201);
    });

    it('the no-JavaScript form shows the busy message on the library page with Retry-After', async () => {
      const small = new ImageGate({ maxImages: 1, maxPixels: 1, maxWaiting: 0 });
      const busyApp = await adminApp(t, { imageGate: small });
      try {
        const a = await signedIn(busyApp, t, 'author');
        let release!: () => void;
        const holding = small.run(1, () => new Promise<void>((r) => (release = r)), { bounded: false });
        const bytes = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#123456' } })
          .jpeg()
          .toBuffer();
        const res = await upload(busyApp, a, [{ name: 'x.jpg', type: 'image/jpeg', bytes }], { fields: { alt: 'X' } });
        release();
        await holding;
        expect(res.statusCode).toBe(503);
        expect(res.headers['retry-after']).toBe('10');
        expect(res.body).toContain('processing other images right now');
      } finally {
        await busyApp.close();
      }
    });
  });
}
