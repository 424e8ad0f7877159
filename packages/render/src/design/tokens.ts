import { BASE_CSS } from './base.js';
import { COMPONENTS_CSS } from './components.js';

/**
 * Colour, spacing and type as CSS custom properties, light and dark. Text colours pass WCAG AA
 * (4.5:1) on `--p-bg`, `--p-surface` and their `-soft` backgrounds; borders of controls
 * (`--p-border-strong`) and the chart colours pass 3:1 against `--p-bg`.
 */
const TOKENS = [
  ':root{color-scheme:light dark;',
  '--p-font:system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei","Noto Sans CJK SC",sans-serif;',
  '--p-mono:ui-monospace,"SFMono-Regular","Cascadia Mono",Menlo,Consolas,monospace;',
  '--p-text-xs:.8125rem;--p-text-sm:.875rem;--p-text:1rem;--p-text-lg:1.2rem;--p-text-xl:1.6rem;--p-leading:1.55;',
  '--p-space-1:.25rem;--p-space-2:.5rem;--p-space-3:1rem;--p-space-4:1.5rem;--p-space-5:2.5rem;',
  '--p-radius:.5rem;--p-radius-sm:.3rem;--p-width:60rem;',
  '--p-bg:#ffffff;--p-surface:#f6f7f9;--p-surface-2:#eceff3;--p-text-color:#16191f;--p-muted:#4f5663;',
  '--p-border:#d5d9e0;--p-border-strong:#7d8594;',
  '--p-accent:#1d4ed8;--p-accent-hover:#1e3a8a;--p-accent-soft:#e8eefc;--p-accent-text:#ffffff;',
  '--p-danger:#b42318;--p-danger-soft:#fdecea;--p-ok:#166534;--p-ok-soft:#e7f5ec;--p-warn:#8a4b00;--p-warn-soft:#fdf2e0;',
  '--p-focus:#1d4ed8;--p-shadow:0 1px 2px rgb(16 24 40 / .06),0 1px 3px rgb(16 24 40 / .08);',
  '--p-chart-1:#1d4ed8;--p-chart-2:#c2410c;--p-chart-3:#047857;--p-chart-4:#7c3aed;--p-chart-5:#be185d;--p-chart-6:#0e7490}',
  '@media (prefers-color-scheme:dark){:root{',
  '--p-bg:#0f1115;--p-surface:#171a21;--p-surface-2:#20242d;--p-text-color:#e6e8ec;--p-muted:#a7afbc;',
  '--p-border:#2f3541;--p-border-strong:#6b7485;',
  '--p-accent:#8ab4f8;--p-accent-hover:#b6d0fb;--p-accent-soft:#1a2742;--p-accent-text:#0b1a33;',
  '--p-danger:#f4a7a1;--p-danger-soft:#3b1d1b;--p-ok:#86d69e;--p-ok-soft:#15301e;--p-warn:#f3c27a;--p-warn-soft:#362913;',
  '--p-focus:#8ab4f8;--p-shadow:0 1px 2px rgb(0 0 0 / .4);',
  '--p-chart-1:#8ab4f8;--p-chart-2:#fdba74;--p-chart-3:#6ee7b7;--p-chart-4:#c4b5fd;--p-chart-5:#f9a8d4;--p-chart-6:#67e8f9}}',
].join('');

/**
 * The design system every page people see shares (policy, privacy center, console, banner):
 * the tokens (light, and dark by `prefers-color-scheme`), the base elements and a few
 * components (`.card`, `.badge`, `.notice`, `.stat`, buttons, forms). A page includes it once
 * and styles its own parts with the `--p-*` variables.
 */
export const DESIGN_CSS = TOKENS + BASE_CSS + COMPONENTS_CSS;
