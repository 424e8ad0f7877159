/**
 * The privacy center's own layout on the shared design system: a top bar with the language
 * switch, the section navigation as a wrapped row, and its cards and choice rows. Nothing is
 * wider than the screen at 390 px.
 */
export const CENTER_CSS = [
  'body.center{max-width:52rem}',
  '.center-top{display:flex;flex-wrap:wrap;gap:var(--p-space-2) var(--p-space-3);align-items:center;justify-content:space-between;',
  'border-bottom:1px solid var(--p-border);padding-bottom:var(--p-space-3)}',
  '.center-brand{font-weight:700;font-size:1.05rem;color:var(--p-text-color);text-decoration:none}',
  '.center-lang ul,.center-nav ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:var(--p-space-1)}',
  '.center-lang a,.center-lang span,.center-nav a{display:block;padding:.35rem .65rem;border-radius:var(--p-radius);font-size:var(--p-text-sm);font-weight:500}',
  '.center-lang a,.center-nav a{color:var(--p-text-color);text-decoration:none}',
  '.center-lang a:hover,.center-nav a:hover{background:var(--p-surface-2)}',
  '.center-lang [aria-current],.center-nav a[aria-current=page]{background:var(--p-accent-soft);color:var(--p-accent-hover);font-weight:700}',
  '.center-nav{margin:var(--p-space-3) 0 0}',
  '.page-lead{color:var(--p-muted)}',
  '.choice{border-top:1px solid var(--p-border);padding:var(--p-space-3) 0}',
  '.choice:first-of-type{border-top:0}',
  '.choice legend{font-weight:650;padding:0;margin-bottom:var(--p-space-1)}',
  '.choice fieldset{border:0;padding:0;margin:0}',
  '.choice .options{display:flex;flex-wrap:wrap;gap:var(--p-space-1) var(--p-space-4)}',
  '.choice .options label{margin:var(--p-space-1) 0;display:flex;gap:var(--p-space-2);align-items:center}',
  '.rights{list-style:none;padding:0;display:grid;gap:var(--p-space-2)}',
  '.rights li{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:var(--p-space-2);',
  'border:1px solid var(--p-border);border-radius:var(--p-radius);padding:var(--p-space-2) var(--p-space-3);background:var(--p-surface)}',
  '.rights .what{min-width:0;flex:1 1 14rem}.rights .what p{margin:0}',
  '.danger-zone{border-color:var(--p-danger)}',
  'a.button.danger{background:var(--p-danger);border-color:var(--p-danger);color:var(--p-bg)}',
  'dl.status{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:var(--p-space-1) var(--p-space-3)}',
  'dl.status dd{margin:0}',
  '.policy-body nav ol{padding-left:1.5rem}',
].join('');
