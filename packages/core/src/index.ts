export * from './manifest/load';
export * from './manifest/schema/index';
export * from './result/issue';
