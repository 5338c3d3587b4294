export * from './fields';
export * from './validate';
export * from './honeypot';
