import { type Language, Language as LanguageSchema } from '@pledge/core';

/** Languages a request may ask for. */
export const LANGUAGES: readonly Language[] = LanguageSchema.options;
