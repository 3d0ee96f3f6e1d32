/**
 * @module modules/comment/ip-hash
 * IP addresses are stored only as keyed hashes (the key: import/secrets.ts ipHashKey).
 */
import { createHmac } from 'node:crypto';

/** A keyed hash of an IP address (HMAC-SHA256, hex); '' when there is none. The IP itself is never stored. */
export const hashIp = (key: Buffer, ip: string): string => (ip.trim() ? createHmac('sha256', key).update(ip.trim()).digest('hex') : '');
