import type { Kysely } from 'kysely';
import { type RequestRefusal, refusal } from '../workflow/transition.js';
import type { RecipientContact } from './recipient-notices.js';

/** `pledge_recipient_contacts`: where a recipient (manifest id) takes notices. */
export interface RecipientContactTable {
  recipient: string;
  webhook_url: string | null;
  email: string | null;
  updated_by: string;
  updated_at: Date;
}

interface ContactsDatabase {
  pledge_recipient_contacts: RecipientContactTable;
}

/** A recipient's stored contact, with who set it last. */
export interface StoredRecipientContact extends RecipientContact {
  readonly recipient: string;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

const contactsDb = <T>(db: Kysely<T>) => db as unknown as Kysely<ContactsDatabase>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks a contact: the webhook an `http(s)` URL without credentials, the e-mail an address;
 * at most 2 000 characters each. Refusals name the field.
 */
export function checkRecipientContact(contact: RecipientContact): { ok: true } | RequestRefusal {
  if (contact.webhookUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(contact.webhookUrl);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || contact.webhookUrl.length > 2000)
      return refusal('recipient.webhook-invalid', 'webhookUrl', 'must be an http(s) URL');
    if (url.username || url.password)
      return refusal('recipient.webhook-invalid', 'webhookUrl', 'must not carry credentials');
  }
  if (contact.email !== undefined && (!EMAIL.test(contact.email) || contact.email.length > 320))
    return refusal('recipient.email-invalid', 'email', 'must be an e-mail address');
  return { ok: true };
}

/** Every stored recipient contact, by recipient id. */
export async function listRecipientContacts<T>(db: Kysely<T>): Promise<StoredRecipientContact[]> {
  const rows = await contactsDb(db)
    .selectFrom('pledge_recipient_contacts')
    .selectAll()
    .orderBy('recipient')
    .execute();
  return rows.map((r) => ({
    recipient: r.recipient,
    ...(r.webhook_url ? { webhookUrl: r.webhook_url } : {}),
    ...(r.email ? { email: r.email } : {}),
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at),
  }));
}

/** The contacts as `noticeRecipients` takes them. */
export async function recipientContacts<T>(db: Kysely<T>): Promise<Record<string, RecipientContact>> {
  const out: Record<string, RecipientContact> = {};
  for (const c of await listRecipientContacts(db)) {
    out[c.recipient] = {
      ...(c.webhookUrl ? { webhookUrl: c.webhookUrl } : {}),
      ...(c.email ? { email: c.email } : {}),
    };
  }
  return out;
}

/**
 * Sets where a recipient takes notices (both fields empty: removes it). The caller checks the
 * recipient is one of the manifest's; the values are checked here.
 */
export async function setRecipientContact<T>(
  db: Kysely<T>,
  recipient: string,
  contact: RecipientContact,
  options: { actor: string; now?: Date },
): Promise<{ ok: true } | RequestRefusal> {
  const checked = checkRecipientContact(contact);
  if (!checked.ok) return checked;
  const table = contactsDb(db);
  if (!contact.webhookUrl && !contact.email) {
    await table.deleteFrom('pledge_recipient_contacts').where('recipient', '=', recipient).execute();
    return { ok: true };
  }
  const values = {
    webhook_url: contact.webhookUrl ?? null,
    email: contact.email ?? null,
    updated_by: options.actor,
    updated_at: options.now ?? new Date(),
  };
  await table
    .insertInto('pledge_recipient_contacts')
    .values({ recipient, ...values })
    .onConflict((oc) => oc.column('recipient').doUpdateSet(values))
    .execute();
  return { ok: true };
}
