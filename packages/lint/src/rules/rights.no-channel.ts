import { defineRule } from '../define-rule.js';
import { isPlaceholder } from '../placeholder.js';

/** A right cannot be exercised: it has no usable channel. */
export const rightsNoChannel = defineRule({
  code: 'rights.no-channel',
  severity: 'error',
  title: 'Right without a usable channel',
  description:
    'Checks that every right lists at least one contact channel whose value is usable (not blank or a placeholder; see `contact.placeholder`). Unknown channel ids are reported by `ref.unknown-contact` and ignored here.',
  why: 'The controller must provide means to exercise rights (GDPR Art. 12(2); PIPL Art. 50; CCPA §1798.130(a)(1), at least two methods). The AntSentry seed accepts requests only by an e-mail address it never finishes writing, so no right can actually be exercised.',
  check(ctx, report) {
    ctx.manifest.rights.forEach((right, i) => {
      const known = right.channels.flatMap((id) => {
        const channel = ctx.contacts.get(id);
        return channel ? [channel] : [];
      });
      if (right.channels.length > 0 && known.length === 0) return;
      if (known.some((channel) => !isPlaceholder(channel.value, channel.kind))) return;
      const why = right.channels.length === 0 ? 'lists no channel' : 'has only blank or placeholder channels';
      report(['rights', i, 'channels'], `right "${right.right}" ${why}`);
    });
  },
  examples: {
    failing: { rights: [{ right: 'access', channels: [] }] },
    passing: { rights: [{ right: 'access', channels: ['privacy-email'] }] },
  },
});
