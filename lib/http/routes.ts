import fs from 'node:fs';
import path from 'node:path';

interface Pattern { route: string; regex: RegExp }

/** The app's pages and route handlers, as route patterns (`/area/ordini/[code]`), read once from `app/`. */
function appRoutes(root: string): { exact: Set<string>; dynamic: Pattern[] } {
  const exact = new Set<string>();
  const dynamic: Pattern[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Route groups `(name)` add no segment; private folders `_name` are not routes.
        if (entry.name.startsWith('_')) continue;
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
        const route = `/${segments.join('/')}`;
        if (!segments.some((segment) => segment.startsWith('['))) exact.add(route);
        else dynamic.push({ route, regex: new RegExp(`^${segments.map((segment) => `/${segment.startsWith('[...') ? '.+' : segment.startsWith('[') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).join('')}$`) });
      }
    }
  };
  const app = path.join(root, 'app');
  if (fs.existsSync(app)) walk(app, []);
  return { exact, dynamic };
}

let routes: ReturnType<typeof appRoutes> | undefined;

/**
 * The route pattern a path is served by, for metrics' labels, which must stay few: `/area/ordini/[code]`
 * rather than each order's address, `/_next/static` for every asset, and `unmatched` for anything else.
 */
export function routeOf(pathname: string): string {
  routes ??= appRoutes(process.cwd());
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (routes.exact.has(trimmed)) return trimmed;
  if (trimmed.startsWith('/_next/')) return trimmed.split('/', 3).join('/');
  return routes.dynamic.find(({ regex }) => regex.test(trimmed))?.route ?? (trimmed === '/favicon.ico' || trimmed === '/icon.svg' ? trimmed : 'unmatched');
}
