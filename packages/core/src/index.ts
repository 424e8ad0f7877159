export * from './calendar/index.js';
export * from './diff/index.js';
export * from './jurisdictions/index.js';
export * from './manifest/load.js';
export * from './manifest/model/index.js';
export * from './manifest/schema/index.js';
export * from './result/issue.js';
export * from './taxonomy/index.js';
