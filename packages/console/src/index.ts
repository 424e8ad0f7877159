export { type ConsolePageInput, renderConsolePage } from './layout/page.js';
export { CONSOLE_PAGES, type ConsolePageId } from './layout/pages.js';
export {
  type AuditEntryView,
  type AuditFilters,
  type AuditPageModel,
  renderAuditPage,
} from './pages/audit.js';
export {
  type PurposeStateView,
  renderSubjectsPage,
  type SubjectEventView,
  type SubjectsPageModel,
} from './pages/subjects.js';
