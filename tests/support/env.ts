// Every test file starts from the same environment; files that need a date set PORTAL_TODAY themselves.
process.env.NEXTAUTH_SECRET = 'test-secret-for-sessions-only';
delete process.env.PORTAL_TODAY;
// Expected constraint violations are asserted by the tests, not printed.
process.env.DB_LOG = 'off';
// Request lines stay out of the test output; warnings and errors still show.
process.env.LOG_LEVEL ||= 'warn';
