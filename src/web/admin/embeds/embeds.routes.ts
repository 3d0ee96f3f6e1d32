/**
 * @module web/admin/embeds/embeds.routes
 * The editor's "social post from a link": the browser sends the pasted address here and the
 * server looks the post up (modules/embed/embed.service), so no reader's or editor's browser
 * ever talks to the network. JSON in both directions; every refusal is `{ error: { code, message } }`
 * (as the admin's other JSON answers) with
 * the code's status from the one table (web/errors), never a 500 for a network's failure.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmbedSettings } from '../../../modules/embed/embed.js';
import { lookupSocialPost } from '../../../modules/embed/embed.service.js';
import { toPublicError } from '../../errors.js';

export interface EmbedsDeps {
  /** How lookups run (config.embed: endpoints, deadline, private addresses). */
  settings: EmbedSettings;
}

const json = (reply: FastifyReply, status: number, body: unknown): FastifyReply => reply.code(status).type('application/json; charset=utf-8').send(body);

export async function embedsRoutes(app: FastifyInstance, deps: EmbedsDeps): Promise<void> {
  // GET /admin/embeds/lookup?url=https://mastodon.social/@ana/111: 200 {card:{url,network,author,handle,text,date},source},
  // or 4xx/502/504 {error:{code,message}}. Whoever writes articles.
  app.get('/embeds/lookup', { config: { access: 'post.create' } }, async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).url;
    try {
      const { card, source } = await lookupSocialPost(deps.settings, raw);
      // Named fields only: nothing else an answer held reaches the browser.
      return json(reply, 200, {
        card: { url: card.url, network: card.network, author: card.author, handle: card.handle, text: card.text, date: card.date },
        source,
      });
    } catch (err) {
      const pub = toPublicError(err);
      if (pub.internal) request.log.error({ err }, 'social post lookup failed');
      else if (pub.status >= 500) request.log.warn({ code: pub.code, message: pub.message }, 'social post lookup: the network failed');
      return json(reply, pub.status, { error: { code: pub.code, message: pub.message } });
    }
  });
}
