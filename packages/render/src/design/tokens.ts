/**
 * The design system every page people see shares (policy, privacy center, console, banner):
 * colour, spacing and type as CSS custom properties, light and dark, and the base elements.
 * A page includes {@link DESIGN_CSS} once and styles its own parts with the `--p-*` variables.
 */
const TOKENS = [
  ':root{color-scheme:light dark;',
  '--p-font:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif;',
  '--p-mono:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;',
  '--p-text-sm:.875rem;--p-text:1rem;--p-text-lg:1.25rem;--p-text-xl:1.6rem;--p-leading:1.6;',
  '--p-space-1:.25rem;--p-space-2:.5rem;--p-space-3:1rem;--p-space-4:1.5rem;--p-space-5:2.5rem;',
  '--p-radius:.4rem;--p-width:60rem;',
  '--p-bg:#ffffff;--p-surface:#f4f5f7;--p-text-color:#1a1a1a;--p-muted:#505766;--p-border:#c8ccd4;',
  '--p-accent:#0b57d0;--p-accent-text:#ffffff;--p-danger:#b3261e;--p-ok:#146c2e;--p-warn:#8a5300;',
  '--p-focus:#0b57d0}',
  '@media (prefers-color-scheme:dark){:root{',
  '--p-bg:#14161a;--p-surface:#1f232a;--p-text-color:#e8eaed;--p-muted:#a9b0bc;--p-border:#444b57;',
  '--p-accent:#8ab4f8;--p-accent-text:#0b1a33;--p-danger:#f2b8b5;--p-ok:#7fd49a;--p-warn:#f3c27a;',
  '--p-focus:#8ab4f8}}',
].join('');

const BASE = [
  '*,*::before,*::after{box-sizing:border-box}',
  'body{font-family:var(--p-font);font-size:var(--p-text);line-height:var(--p-leading);',
  'color:var(--p-text-color);background:var(--p-bg);margin:0 auto;max-width:var(--p-width);',
  'padding:var(--p-space-3) var(--p-space-4)}',
  'h1,h2,h3{line-height:1.3}h1{font-size:var(--p-text-xl)}a{color:var(--p-accent)}',
  ':focus-visible{outline:3px solid var(--p-focus);outline-offset:2px}',
  'code{font-family:var(--p-mono);font-size:.9em;background:var(--p-surface);padding:0 .2em}',
  '.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:var(--p-space-2) 0 var(--p-space-3)}',
  'caption{text-align:left;font-weight:600;padding:var(--p-space-1) 0}',
  'th,td{border:1px solid var(--p-border);padding:.35rem .5rem;text-align:left;vertical-align:top}',
  'thead th{background:var(--p-surface)}dt{font-weight:600}dd{margin:0 0 var(--p-space-2) 1.25rem}',
  'tbody th{font-weight:normal}td a,th a{overflow-wrap:anywhere}',
  'button,.button{font:inherit;cursor:pointer;border:1px solid var(--p-accent);border-radius:var(--p-radius);',
  'background:var(--p-accent);color:var(--p-accent-text);padding:var(--p-space-2) var(--p-space-3);text-decoration:none;display:inline-block}',
  'button.secondary{background:transparent;color:var(--p-accent)}',
  'label{display:block;font-weight:600;margin:var(--p-space-2) 0 var(--p-space-1)}',
  'input,select,textarea{font:inherit;color:inherit;background:var(--p-bg);border:1px solid var(--p-border);',
  'border-radius:var(--p-radius);padding:var(--p-space-2);width:100%;max-width:32rem}',
  '.muted{color:var(--p-muted)}.error{color:var(--p-danger)}.ok{color:var(--p-ok)}.warn{color:var(--p-warn)}',
  '.card{background:var(--p-surface);border:1px solid var(--p-border);border-radius:var(--p-radius);padding:var(--p-space-3)}',
  '.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
].join('');

/** The shared stylesheet: tokens (light, and dark by `prefers-color-scheme`) and base elements. */
export const DESIGN_CSS = TOKENS + BASE;
