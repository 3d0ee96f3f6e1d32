/**
 * @module web/html
 * Sending a rendered page: every HTML answer of the site and the admin goes through here.
 */
import type { FastifyReply } from 'fastify';

export const sendHtml = (reply: FastifyReply, html: string | Buffer, status = 200): FastifyReply =>
  reply.code(status).type('text/html; charset=utf-8').send(html);
