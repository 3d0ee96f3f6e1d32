import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig', () => {
  it('has working defaults and is frozen', () => {
    const c = loadConfig({});
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(3000);
    expect(c.siteUrl).toBe('http://127.0.0.1:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demo).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads the environment', () => {
    const c = loadConfig({ PORT: '8080', SITE_URL: 'https://news.example/', DATABASE_URL: 'postgres://u@h/db', DEMO: '0' });
    expect(c.port).toBe(8080);
    expect(c.siteUrl).toBe('https://news.example');
    expect(c.databaseUrl).toBe('postgres://u@h/db');
    expect(c.demo).toBe(false);
  });

  it('reads which proxies to trust', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe('10.0.0.0/8, 127.0.0.1');
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses bad values with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DEMO: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SITE_URL: 'ftp://x' })).toThrow(/SITE_URL/);
    for (const bad of ['0', '501', 'ten', '-1']) expect(() => loadConfig({ DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE/);
    for (const bad of ['0', '3601', '1.5', 'soon']) expect(() => loadConfig({ SCHEDULE_CHECK_SECONDS: bad })).toThrow(/SCHEDULE_CHECK_SECONDS/);
  });

  it('sizes the PostgreSQL pool and the scheduler from the environment', () => {
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '25' }).databasePoolSize).toBe(25);
    expect(loadConfig({}).scheduleCheckSeconds).toBe(15);
    expect(loadConfig({ SCHEDULE_CHECK_SECONDS: '2' }).scheduleCheckSeconds).toBe(2);
  });

  it('reads the social-post lookup: X and Bluesky by oEmbed, 5 s, private addresses refused, unless told otherwise', () => {
    expect(loadConfig({}).embed).toEqual({
      oembed: { X: 'https://publish.twitter.com/oembed?omit_script=1', Bluesky: 'https://embed.bsky.app/oembed' },
      timeoutMs: 5000,
      allowPrivate: false,
    });
    const c = loadConfig({ EMBED_OEMBED_THREADS: 'https://oembed.example/threads', EMBED_TIMEOUT_MS: '300', EMBED_ALLOW_PRIVATE: '1' }).embed;
    expect(c).toMatchObject({ oembed: { Threads: 'https://oembed.example/threads' }, timeoutMs: 300, allowPrivate: true });
    expect(Object.isFrozen(c.oembed)).toBe(true);
    expect(() => loadConfig({ EMBED_OEMBED_X: 'ftp://x.example/' })).toThrow(/EMBED_OEMBED_X/);
    expect(() => loadConfig({ EMBED_TIMEOUT_MS: '5s' })).toThrow(/EMBED_TIMEOUT_MS/);
    expect(() => loadConfig({ EMBED_ALLOW_PRIVATE: 'yes' })).toThrow(/EMBED_ALLOW_PRIVATE/);
  });
});
