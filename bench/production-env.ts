// Imported first by what measures the app in this process: modules read NODE_ENV as they load
// (lib/db/select-entities.ts checks every cached SQL text outside production), so it is set before them.
Object.assign(process.env, { NODE_ENV: 'production' });
