import { formatDuration, type Language, type Security } from '@pledge/core';
import { localText } from './local-text.js';

const PHRASES: Record<
  'encryptionInTransit' | 'encryptionAtRest' | 'accessLogging' | 'staffTraining',
  Record<Language, string>
> = {
  encryptionInTransit: { en: 'Encryption in transit', 'zh-CN': '传输加密' },
  encryptionAtRest: { en: 'Encryption at rest', 'zh-CN': '存储加密' },
  accessLogging: { en: 'Every access to personal data is logged', 'zh-CN': '记录对个人信息的每一次访问' },
  staffTraining: { en: 'Staff training', 'zh-CN': '员工培训' },
};

/** General description of the security measures (GDPR Art. 30(1)(g)), one line per measure. */
export function describeSecurity(security: Security | undefined, lang: Language): string[] {
  if (!security) return [];
  const lines: string[] = [];
  for (const flag of Object.keys(PHRASES) as Array<keyof typeof PHRASES>) {
    if (security[flag]) lines.push(PHRASES[flag][lang]);
  }
  if (security.accessReviewEvery) {
    const every = formatDuration(security.accessReviewEvery);
    lines.push(lang === 'zh-CN' ? `访问日志审查周期：${every}` : `Access logs reviewed every ${every}`);
  }
  for (const measure of security.measures) {
    const text = localText(measure, lang);
    if (text) lines.push(text);
  }
  return lines;
}
