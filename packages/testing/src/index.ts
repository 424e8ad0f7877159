export * from './browser.js';
export * from './postgres.js';
export * from './services.js';
