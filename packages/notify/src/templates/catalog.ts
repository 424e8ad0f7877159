import type { TemplateLocale } from './locales.js';

/** The variables each template needs. */
export interface TemplateVars {
  'verification-code': { code: string; minutes: string };
  'request-received': { requestId: string; right: string; dueDate: string };
  'clarification-needed': { requestId: string; question: string };
  'request-extended': { requestId: string; dueDate: string; reason: string };
  'request-completed': { requestId: string; link: string; linkExpires: string };
  'request-denied': { requestId: string; reasons: string; complaintRoute: string };
  'erasure-notice': { requestId: string; subjectRef: string; categories: string; controller: string };
  'officer-reminder': { requestId: string; dueDate: string; daysLeft: string };
  marketing: { body: string };
}

/** The message templates. */
export const TEMPLATE_IDS = [
  'verification-code',
  'request-received',
  'clarification-needed',
  'request-extended',
  'request-completed',
  'request-denied',
  'erasure-notice',
  'officer-reminder',
  'marketing',
] as const satisfies readonly (keyof TemplateVars)[];

/** One of {@link TEMPLATE_IDS}. */
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** A template's text in one language; `{name}` is replaced by the variable. */
export interface TemplateText {
  subject: string;
  /** Paragraphs. */
  body: readonly string[];
}

type Catalog = { [L in TemplateLocale]: { [K in TemplateId]: TemplateText } };

/** The texts. A missing language falls back to English (see `renderTemplate`). */
export const TEMPLATE_CATALOG: Catalog = {
  en: {
    'verification-code': {
      subject: 'Your verification code',
      body: [
        'Your code to confirm this privacy request is {code}.',
        'It expires in {minutes} minutes. If you did not ask for it, ignore this message.',
      ],
    },
    'request-received': {
      subject: 'We received your request {requestId}',
      body: ['We received your {right} request ({requestId}).', 'We will answer by {dueDate}.'],
    },
    'clarification-needed': {
      subject: 'We need more information for request {requestId}',
      body: [
        'To continue with request {requestId} we need more information:',
        '{question}',
        'Reply to this message. The time limit is paused until we hear from you, where the law allows.',
      ],
    },
    'request-extended': {
      subject: 'Request {requestId}: new due date {dueDate}',
      body: [
        'We need more time to answer request {requestId}, as the law allows.',
        'Reason: {reason}',
        'The new due date is {dueDate}.',
      ],
    },
    'request-completed': {
      subject: 'Request {requestId} is complete',
      body: [
        'Request {requestId} is complete.',
        'Download your data here: {link}',
        'The link works until {linkExpires}.',
      ],
    },
    'request-denied': {
      subject: 'Request {requestId} was refused',
      body: [
        'We cannot fulfil request {requestId}.',
        'Reasons: {reasons}',
        'You may complain to the supervisory authority: {complaintRoute}',
      ],
    },
    'erasure-notice': {
      subject: 'Erasure request {requestId} from {controller}',
      body: [
        '{controller} erased the personal data of the subject {subjectRef} (request {requestId}).',
        'Categories: {categories}. Erase the copies you received, as the law requires.',
      ],
    },
    'officer-reminder': {
      subject: 'Reminder: request {requestId} is due {dueDate}',
      body: ['Request {requestId} is due on {dueDate} ({daysLeft} days left).'],
    },
    marketing: { subject: '', body: ['{body}'] },
  },
  'zh-CN': {
    'verification-code': {
      subject: '您的验证码',
      body: [
        '您确认本次隐私请求的验证码是 {code}。',
        '验证码将在 {minutes} 分钟后失效。如非本人操作，请忽略本邮件。',
      ],
    },
    'request-received': {
      subject: '我们已收到您的请求 {requestId}',
      body: ['我们已收到您的{right}请求（{requestId}）。', '我们将在 {dueDate} 之前答复。'],
    },
    'clarification-needed': {
      subject: '请求 {requestId} 需要补充信息',
      body: [
        '为继续处理请求 {requestId}，我们需要以下信息：',
        '{question}',
        '请直接回复本邮件。在法律允许的情况下，处理期限在收到您的回复前暂停计算。',
      ],
    },
    'request-extended': {
      subject: '请求 {requestId}：新的截止日期 {dueDate}',
      body: [
        '在法律允许的范围内，我们需要更多时间答复请求 {requestId}。',
        '原因：{reason}',
        '新的截止日期为 {dueDate}。',
      ],
    },
    'request-completed': {
      subject: '请求 {requestId} 已完成',
      body: ['请求 {requestId} 已处理完毕。', '请在此下载您的数据：{link}', '链接有效期至 {linkExpires}。'],
    },
    'request-denied': {
      subject: '请求 {requestId} 未能办理',
      body: ['我们无法办理请求 {requestId}。', '原因：{reasons}', '您可以向监管部门投诉：{complaintRoute}'],
    },
    'erasure-notice': {
      subject: '{controller} 的删除请求 {requestId}',
      body: [
        '{controller} 已删除主体 {subjectRef} 的个人信息（请求 {requestId}）。',
        '涉及类别：{categories}。请依法删除您收到的副本。',
      ],
    },
    'officer-reminder': {
      subject: '提醒：请求 {requestId} 将于 {dueDate} 到期',
      body: ['请求 {requestId} 将于 {dueDate} 到期（剩余 {daysLeft} 天）。'],
    },
    marketing: { subject: '', body: ['{body}'] },
  },
};
