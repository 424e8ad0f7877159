export { type ConsolePageInput, renderConsolePage } from './layout/page.js';
export { CONSOLE_PAGES, type ConsolePageId } from './layout/pages.js';
export * from './pages/reviews.js';
export {
  type DisclosureRow,
  type RecipientRow,
  type RecipientsPageModel,
  renderRecipientsPage,
} from './pages/recipients.js';
