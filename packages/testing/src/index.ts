export * from './browser';
export * from './postgres';
export * from './services';
