import { defineRule } from '../define-rule.js';
import { localTexts } from '../helpers.js';
import { placeholderKind } from '../placeholder.js';

/** The controller's name or address is blank or template text. */
export const controllerPlaceholder = defineRule({
  code: 'controller.placeholder',
  severity: 'error',
  title: 'Blank or placeholder controller identity',
  description:
    'Checks that the controller name and, when given, its address are neither blank nor template text, in every language.',
  why: 'Subjects must be told who the controller is and where to find it (GDPR Art. 13(1)(a); PIPL Art. 17(1)(1)). A policy that leaves the company name blank, as the camera-app seed does, names nobody responsible.',
  check(ctx, report) {
    const { name, address } = ctx.manifest.controller;
    const fields = [
      ['name', name] as const,
      ...(address === undefined ? [] : [['address', address] as const]),
    ];
    for (const [field, text] of fields) {
      for (const { suffix, value } of localTexts(text)) {
        const kind = placeholderKind(value);
        if (kind)
          report(
            `controller.${field}${suffix}`,
            `controller ${field} ${kind === 'blank' ? 'is blank' : 'is a placeholder'}`,
          );
      }
    }
  },
  examples: {
    failing: { controller: { name: { en: 'Acme Shop Ltd', 'zh-CN': '【公司名称】' } } },
    passing: { controller: { name: { en: 'Acme Shop Ltd', 'zh-CN': '艾克米商店有限公司' } } },
  },
});
