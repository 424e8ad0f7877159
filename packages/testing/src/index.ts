export * from './postgres';
export * from './services';
