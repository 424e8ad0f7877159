import { HttpError } from './errors.js';

/**
 * A text field of a parsed form (or query): the value when it is a string, else undefined.
 * The console's form parser keeps one string per name; anything else (absent, an object from
 * a JSON body) reads as absent.
 */
export function formField(source: unknown, name: string): string | undefined {
  const value = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A form field trimmed, or undefined when it is absent or blank. */
export function formText(source: unknown, name: string): string | undefined {
  const value = formField(source, name)?.trim();
  return value === '' ? undefined : value;
}

/** A form field that must not be blank: its value as sent, or a 400 naming the field. */
export function requiredFormField(source: unknown, name: string): string {
  const value = formField(source, name);
  if (value === undefined || value.trim() === '') {
    throw new HttpError(400, 'bad-request', `form field ${name}: required`, [
      { path: name, code: 'required', message: `${name} is required` },
    ]);
  }
  return value;
}
