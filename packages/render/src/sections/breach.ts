import type { RenderContext } from '../context.js';
import { fields, list, paragraph, section, strong } from '../model/blocks.js';
import type { Inline, Section } from '../model/types.js';

/** Breach notification: whether and how subjects are told, contents, authority, guardians, deadline. */
export function breachSection(ctx: RenderContext): Section {
  const breach = ctx.manifest.breach;
  if (breach === undefined)
    return section('breaches', ctx.t('section.breach'), [paragraph(ctx.t('breach.none'))]);
  const statements = ctx.concat([
    breach.notifySubjects === undefined
      ? ''
      : ctx.t(breach.notifySubjects ? 'breach.subjects' : 'breach.noSubjects'),
    breach.publicNoticeFallback ? ctx.t('breach.fallback') : '',
    breach.notifyAuthority ? ctx.t('breach.authority') : '',
    breach.notifyGuardians ? ctx.t('breach.guardians') : '',
    ctx.sentence(ctx.text(breach.note)),
  ]);
  return section('breaches', ctx.t('section.breach'), [
    statements ? paragraph(statements) : undefined,
    fields([
      breach.notifySubjects === true || (breach.notifySubjects === undefined && breach.channels.length > 0)
        ? {
            label: ctx.t('breach.channels'),
            value: [
              breach.channels.length > 0
                ? ctx.join(breach.channels.map((c) => ctx.t(`breachChannel.${c}`)))
                : ctx.t('common.notStated'),
            ],
          }
        : undefined,
      breach.notifySubjects === true ||
      (breach.notifySubjects === undefined && breach.subjectDeadline !== undefined)
        ? {
            label: ctx.t('breach.deadline'),
            value: [
              breach.subjectDeadline
                ? ctx.t('breach.deadlineValue', { duration: ctx.duration(breach.subjectDeadline) })
                : ctx.t('breach.deadlineLaw'),
            ],
          }
        : undefined,
    ]),
    breach.contents.length > 0 ? paragraph(strong(ctx.t('breach.contents'))) : undefined,
    breach.contents.length > 0
      ? list(breach.contents.map((c): Inline[] => [ctx.t(`breachContent.${c}`)]))
      : undefined,
  ]);
}
