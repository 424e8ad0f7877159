import type { RenderContext } from '../context.js';
import { list, paragraph, section, strong, table } from '../model/blocks.js';
import type { Inline, Section } from '../model/types.js';

/** What we collect: each category with description, examples, source, required flag and sensitivity. */
export function collectionSection(ctx: RenderContext): Section {
  const { categories } = ctx.manifest;
  const rows = categories.map((category): Inline[][] => {
    const examples = category.examples.map((e) => ctx.text(e)).filter((e) => e !== '');
    const details = ctx.concat([
      ctx.sentence(ctx.text(category.description)),
      examples.length > 0 ? ctx.t('collection.examples', { examples: ctx.join(examples) }) : '',
    ]);
    return [
      [ctx.text(category.name) || category.id],
      [details || ctx.t('common.notStated')],
      [ctx.t(`source.${category.source}`)],
      [
        category.required === undefined
          ? ''
          : ctx.t(category.required ? 'collection.required' : 'collection.optional'),
      ],
      [ctx.isSensitive(category) ? ctx.t('collection.sensitive') : ctx.t('common.no')],
    ];
  });
  const refusals = categories
    .filter((category) => ctx.text(category.refusalEffect) !== '')
    .map((category): Inline[] => [
      ctx.t('common.labelValue', {
        label: ctx.text(category.name) || category.id,
        value: ctx.text(category.refusalEffect),
      }),
    ]);
  const anySensitive = categories.some((category) => ctx.isSensitive(category));
  return section('what-we-collect', ctx.t('section.collection'), [
    paragraph(ctx.t('collection.intro')),
    table(
      ctx.t('collection.caption'),
      [
        ctx.t('collection.col.category'),
        ctx.t('collection.col.description'),
        ctx.t('collection.col.source'),
        ctx.t('collection.col.required'),
        ctx.t('collection.col.sensitive'),
      ],
      rows,
    ),
    anySensitive ? paragraph(ctx.t('collection.sensitiveNote')) : undefined,
    refusals.length > 0 ? paragraph(strong(ctx.t('collection.refusals'))) : undefined,
    refusals.length > 0 ? list(refusals) : undefined,
  ]);
}
