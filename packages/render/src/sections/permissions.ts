import type { Permission } from '@pledge/core';
import type { RenderContext } from '../context.js';
import { code, paragraph, section, table } from '../model/blocks.js';
import type { Inline, Section } from '../model/types.js';

const PLATFORMS: Permission['platform'][] = ['android', 'ios', 'harmonyos', 'web'];

function permissionRow(ctx: RenderContext, permission: Permission): Inline[][] {
  const label = ctx.text(permission.label);
  return [
    label ? [label, ' ', code(permission.name)] : [code(permission.name)],
    [ctx.purposeNames(permission.purposes)],
    [ctx.categoryNames(permission.categories) || ctx.t('common.none')],
    [ctx.text(permission.when) || ctx.t('common.notStated')],
    [permission.required === undefined ? '' : ctx.t(permission.required ? 'common.yes' : 'common.no')],
  ];
}

/** Device permissions, one table per platform; undefined when the manifest declares none. */
export function permissionsSection(ctx: RenderContext): Section | undefined {
  const { permissions } = ctx.manifest;
  if (permissions.length === 0) return undefined;
  const head = [
    ctx.t('permissions.col.permission'),
    ctx.t('permissions.col.purposes'),
    ctx.t('permissions.col.data'),
    ctx.t('permissions.col.when'),
    ctx.t('permissions.col.required'),
  ];
  const platforms = PLATFORMS.flatMap((platform) => {
    const members = permissions.filter((p) => p.platform === platform);
    if (members.length === 0) return [];
    const title = ctx.t(`platform.${platform}`);
    return [
      section(`permissions-${platform}`, title, [
        table(
          title,
          head,
          members.map((p) => permissionRow(ctx, p)),
        ),
      ]),
    ];
  });
  return section(
    'device-permissions',
    ctx.t('section.permissions'),
    [paragraph(ctx.t('permissions.intro'))],
    platforms,
  );
}
