export * from './fields';
export * from './validate';
