// The benchmark's baseline is served by Next.js like the portal, with the portal's configuration (headers,
// compression, external packages), so both routes pay the same framework costs.
const path = require('node:path');

const root = path.join(__dirname, '..', '..');

module.exports = { ...require('../../next.config.js'), turbopack: { root }, outputFileTracingRoot: root };
