import { timingSafeEqual } from 'node:crypto';
import type { Language } from '@pledge/core';
import { type CenterPageInput, negotiateLanguage } from '@pledge/render';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readCookies, setCookie } from '../console/cookies.js';
import { formField } from '../form-field.js';
import { LANGUAGES } from '../query.js';
import type { Runtime } from '../runtime.js';
import {
  newVisitor,
  openVisitor,
  sealVisitor,
  VISITOR_COOKIE,
  VISITOR_IDLE_MS,
  type Visitor,
  visitorCookieKey,
} from './visitor-cookie.js';

/** One request to the privacy center: the visitor, the page language, and how to answer. */
export interface Visit {
  visitor: Visitor;
  readonly lang: Language;
  /** The fields every page is drawn from. */
  page(path: string): CenterPageInput;
  /** Remembers a changed visitor (written as the cookie when answering). */
  update(visitor: Visitor): void;
  /** Answers with an HTML page, the cookie refreshed. */
  html(reply: FastifyReply, body: string, status?: number): FastifyReply;
  /** Answers with a redirect (303, so a posted form becomes a GET), the cookie refreshed. */
  redirect(reply: FastifyReply, location: string): FastifyReply;
}

/** Whether a text looks like an e-mail address (the code sent to it is the real check). */
export function plausibleEmail(text: string): boolean {
  return (
    text.length <= 254 &&
    /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/.test(text)
  );
}

/** A text field of a form or query (see {@link formField}). */
export const field = formField;

/** The page language: `lang` of the query or form when it is one offered, else `Accept-Language`. */
export function pageLanguage(request: FastifyRequest): Language {
  const asked = field(request.query, 'lang') ?? field(request.body, 'lang');
  if (asked && (LANGUAGES as readonly string[]).includes(asked)) return asked as Language;
  return negotiateLanguage(request.headers['accept-language']);
}

/** Opens the visit of a request: the visitor of its cookie (a new one if none is valid) and the language. */
export function openVisit(rt: Runtime, request: FastifyRequest, now = Date.now()): Visit {
  const key = visitorCookieKey(rt.subjectKey);
  const cookie = readCookies(request).get(VISITOR_COOKIE);
  let visitor = (cookie && openVisitor(key, cookie, now)) || newVisitor(now);
  const lang = pageLanguage(request);
  const refresh = (reply: FastifyReply) => {
    visitor = { ...visitor, expiresAt: now + VISITOR_IDLE_MS };
    setCookie(request, reply, VISITOR_COOKIE, sealVisitor(key, visitor), {
      path: '/privacy',
      sameSite: 'Lax',
      maxAgeS: VISITOR_IDLE_MS / 1000,
    });
    reply.header('cache-control', 'no-store');
  };
  const visit: Visit = {
    get visitor() {
      return visitor;
    },
    set visitor(next: Visitor) {
      visitor = next;
    },
    lang,
    page: (path) => ({
      manifest: rt.engine.policy.manifest,
      lang,
      path,
      csrfToken: visitor.csrf,
      ...(visitor.subject ? { identified: visitor.subject } : {}),
    }),
    update: (next) => {
      visitor = next;
    },
    html: (reply, body, status = 200) => {
      refresh(reply);
      return reply.status(status).type('text/html; charset=utf-8').send(body);
    },
    redirect: (reply, location) => {
      refresh(reply);
      return reply.status(303).header('location', location).send();
    },
  };
  return visit;
}

/** Whether a form post carries this visitor's form token (compared in constant time). */
export function formTokenValid(visit: Visit, body: unknown): boolean {
  const sent = field(body, 'csrf');
  if (sent === undefined) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(visit.visitor.csrf);
  return a.length === b.length && timingSafeEqual(a, b);
}
