/**
 * A unique index that refuses a row (two writers took the same slug at the same moment, after
 * both checked it was free) becomes a 409 with a plain message, never a 500 with SQL in it,
 * on both databases' real errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPublicError } from '../../src/web/errors.js';
import { insertCategory } from '../../src/modules/taxonomy/taxonomy.repository.js';
import { DIALECTS, freshDb, type TestDb } from '../helpers/db.js';

describe.each(DIALECTS)('unique violations on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(dialect);
  });
  afterAll(async () => t?.cleanup());

  it('answer 409 with a message that names no table or column', async () => {
    await insertCategory(t.handle.db, { parent_id: null, slug: 'harbour', name: 'Harbour' });
    const err = await insertCategory(t.handle.db, { parent_id: null, slug: 'harbour', name: 'Harbour again' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeDefined();
    const pub = toPublicError(err);
    expect(pub).toMatchObject({ status: 409, internal: false });
    expect(pub.message).toMatch(/at the same moment/);
    expect(pub.message).not.toMatch(/categor|slug|constraint|UNIQUE/i);
  });

  it('leave other database errors as 500s without details', async () => {
    const err = await t.handle.db
      .selectFrom('no_such_table' as never)
      .selectAll()
      .execute()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(toPublicError(err)).toMatchObject({ status: 500, internal: true, message: 'Something went wrong on our side. Please try again.' });
  });
});
