import type { TaxonomyEntry } from '../types.js';
import { category, dpv } from './define.js';

const NONE = { sensitivity: 'none', broader: true } as const;

/** fideslang `system.*` data categories: data of the system itself, not about a person. */
export const systemCategories: TaxonomyEntry[] = [
  category('system', 'System data', '系统数据', dpv('NonPersonalData'), { sensitivity: 'none' }),
  category(
    'system.authentication',
    'System authentication data',
    '系统认证数据',
    dpv('NonPersonalData'),
    NONE,
  ),
  category('system.operations', 'System operations data', '系统运行数据', dpv('NonPersonalData'), NONE),
];
