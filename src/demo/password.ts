/**
 * Every demo account's password. It is public by design: demo instances must
 * not hold real data. Kept apart from the seed so the command line can show
 * it in its help without loading the application.
 */
export const DEMO_PASSWORD = 'smartspaces-demo';
