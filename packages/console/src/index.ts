export {
  CHART_MAX_SERIES,
  type ChartSeries,
  type LineChartInput,
  renderLegend,
  renderLineChart,
} from './chart/line-chart.js';
export { niceMax } from './chart/scale.js';
export {
  type ColumnGraphInput,
  type ColumnGraphLayout,
  GRAPH,
  type GraphEdge,
  layoutColumns,
  type PlacedNode,
} from './graph/layout.js';
export { renderColumnGraph } from './graph/svg.js';
export { CONSOLE_CSS } from './layout/console-css.js';
export { type FormNotice, noticeHtml } from './layout/notice.js';
export { type ConsolePageInput, renderConsolePage } from './layout/page.js';
export { CONSOLE_PAGES, type ConsolePageId } from './layout/pages.js';
export {
  type AuditEntryView,
  type AuditFilters,
  type AuditPageModel,
  renderAuditPage,
} from './pages/audit.js';
export type { ConsolePageContext } from './pages/context.js';
export { type ConsentTrend, type DashboardModel, renderDashboard } from './pages/dashboard.js';
export { renderDataMap } from './pages/data-map.js';
export type {
  DataMapCategory,
  DataMapDataset,
  DataMapModel,
  DataMapRecipient,
  DataMapTransfer,
} from './pages/data-map-model.js';
export { type ConnectorRow, type KeyRow, type KeysPageModel, renderKeysPage } from './pages/keys.js';
export {
  errorInWords,
  type InboxRow,
  type OutboxPageModel,
  type OutboxRow,
  renderOutboxPage,
} from './pages/outbox.js';
export { renderPolicies, renderPolicyVersion } from './pages/policies.js';
export type {
  AcceptedLintRow,
  DiffRow,
  LintRow,
  PoliciesModel,
  PolicyVersionModel,
  PolicyVersionRow,
  PublishReviewModel,
  PublishReviewOutcome,
} from './pages/policies-model.js';
export { publishForm, renderPublishReview } from './pages/publish.js';
export {
  type DisclosureRow,
  type RecipientRow,
  type RecipientsPageModel,
  renderRecipientsPage,
} from './pages/recipients.js';
export {
  type ManualTaskRow,
  type RequestExecutionRow,
  type RequestQueueRow,
  type RequestsPageModel,
  renderRequestsPage,
} from './pages/requests.js';
export * from './pages/reviews.js';
export {
  type PurposeStateView,
  renderSubjectsPage,
  type SubjectEventView,
  type SubjectsPageModel,
} from './pages/subjects.js';
export { type RoleChangeRow, renderUsersPage, type UserRow, type UsersPageModel } from './pages/users.js';
