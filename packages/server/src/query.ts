import { type Language, Language as LanguageSchema } from '@pledge/core';

/** Languages a request may ask for. */
export const LANGUAGES: readonly Language[] = LanguageSchema.options;

/** JSON Schema of `?lang=`: validated by Fastify, so a bad value is a 400 naming the parameter. */
export const langParam = { type: 'string', enum: [...LANGUAGES] } as const;

/** JSON Schema of `?format=`. */
export const formatParam = { type: 'string', enum: ['html', 'md'] } as const;
