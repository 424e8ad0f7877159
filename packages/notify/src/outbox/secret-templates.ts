/** Templates whose messages carry a secret: never previewed, body erased once sent. */
export const SECRET_TEMPLATES: readonly string[] = ['verification-code'];

/** Whether messages of `template` carry a secret. */
export function isSecretTemplate(template: string | null): boolean {
  return template !== null && SECRET_TEMPLATES.includes(template);
}
